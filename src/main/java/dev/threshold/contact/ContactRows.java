package dev.threshold.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The row mapper of the contact listing, whose filters (substring over names and e-mails, tag membership, score-key
 * ranges) and keyset conditions are PostgreSQL SQL, not HQL: a detached {@link Contact} read by column name.
 */
final class ContactRows {

    /** The columns {@link #contact} reads, of the table aliased {@code c}. */
    static final String COLUMNS = "c.owner_id, c.id, c.display_name, c.first_name, c.last_name, c.emails, c.phones,"
            + " c.company, c.position, c.location, c.tags, CAST(c.profiles AS text) AS profiles, c.connected_on, c.notes,"
            + " c.cadence_days, c.created_at, c.updated_at, c.version, c.score_key, c.last_interaction_at";

    private static final TypeReference<LinkedHashMap<String, String>> PROFILES = new TypeReference<>() {};

    private final ObjectMapper json;

    ContactRows(ObjectMapper json) {
        this.json = json;
    }

    Contact contact(ResultSet rs) throws SQLException {
        Contact c = new Contact();
        c.ownerId = rs.getString("owner_id");
        c.id = rs.getObject("id", UUID.class);
        c.displayName = rs.getString("display_name");
        c.firstName = rs.getString("first_name");
        c.lastName = rs.getString("last_name");
        c.emails = strings(rs.getArray("emails"));
        c.phones = strings(rs.getArray("phones"));
        c.company = rs.getString("company");
        c.position = rs.getString("position");
        c.location = rs.getString("location");
        c.tags = strings(rs.getArray("tags"));
        c.profiles = profiles(rs.getString("profiles"));
        c.connectedOn = rs.getObject("connected_on", LocalDate.class);
        c.notes = rs.getString("notes");
        c.cadenceDays = rs.getObject("cadence_days", Integer.class);
        c.createdAt = instant(rs.getObject("created_at", OffsetDateTime.class));
        c.updatedAt = instant(rs.getObject("updated_at", OffsetDateTime.class));
        c.version = rs.getLong("version");
        c.scoreKey = rs.getDouble("score_key");
        c.lastInteractionAt = instant(rs.getObject("last_interaction_at", OffsetDateTime.class));
        return c;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private Map<String, String> profiles(String text) {
        if (text == null) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(text, PROFILES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored profiles are unreadable", e);
        }
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
