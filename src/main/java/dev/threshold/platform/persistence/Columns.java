package dev.threshold.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of a set-based statement's rows, each bound as one array parameter
 * ({@code INSERT … SELECT * FROM unnest(?::uuid[], ?::text[], …)}, the project's way to write many rows in one
 * statement with one statement text for every batch size). Declared once per statement, next to its SQL: each column
 * is a PostgreSQL element type and the function that reads it from a row. {@link #bind} reads the rows in one pass
 * and binds the arrays in declaration order. An {@link Instant} is bound as a {@code timestamptz} at UTC (the driver
 * takes no {@code Instant} in an array). Immutable: {@link #add} returns a new definition.
 */
public final class Columns<T> {

    private final List<String> types;
    private final List<Function<? super T, ?>> values;

    private Columns(List<String> types, List<Function<? super T, ?>> values) {
        this.types = types;
        this.values = values;
    }

    /** No column yet. */
    public static <T> Columns<T> of() {
        return new Columns<>(List.of(), List.of());
    }

    /** These columns and one more: its element type ({@code uuid}, {@code text}, {@code timestamptz}, …) and value. */
    public Columns<T> add(String elementType, Function<? super T, ?> value) {
        List<String> t = new ArrayList<>(types);
        t.add(elementType);
        List<Function<? super T, ?>> v = new ArrayList<>(values);
        v.add(value);
        return new Columns<T>(List.copyOf(t), List.<Function<? super T, ?>>copyOf(v));
    }

    /** How many parameters {@link #bind} binds. */
    public int size() {
        return types.size();
    }

    /** Binds one array per column, of {@code rows} in their order, as parameters {@code first}, {@code first + 1}, …; the index after the last. */
    public int bind(PreparedStatement ps, int first, Collection<? extends T> rows) throws SQLException {
        int k = types.size();
        Object[][] arrays = new Object[k][rows.size()];
        int i = 0;
        for (T row : rows) {
            for (int c = 0; c < k; c++) {
                Object value = values.get(c).apply(row);
                arrays[c][i] = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
            }
            i++;
        }
        Connection connection = ps.getConnection();
        for (int c = 0; c < k; c++) {
            ps.setArray(first + c, connection.createArrayOf(types.get(c), arrays[c]));
        }
        return first + k;
    }
}
