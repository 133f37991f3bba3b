package dev.threshold.platform.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Column readers that several {@link Jdbc.RowMapper}s share, each by column name. */
public final class SqlValues {

    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {};

    private SqlValues() {}

    /** A {@code text[]} column as a mutable list; empty when the column is NULL. */
    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    /** A {@code timestamptz} column as an instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** A JSON object of strings (a {@code jsonb} column read as text) as a mutable map; empty when NULL. */
    public static Map<String, String> stringMap(ObjectMapper json, ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + column + " are unreadable", e);
        }
    }
}
