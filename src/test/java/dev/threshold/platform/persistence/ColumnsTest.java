package dev.threshold.platform.persistence;

import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Column arrays against a real PostgreSQL: each column one array in declaration order, the rows in their order, nulls
 * kept, an {@link Instant} bound as a {@code timestamptz}, the next parameter index returned for what follows.
 */
@QuarkusTest
class ColumnsTest extends ApiTest {

    record Row(UUID id, String name, Instant at, Double weight) {}

    private static final Columns<Row> ROW = Columns.<Row>of()
            .add("uuid", Row::id)
            .add("text", Row::name)
            .add("timestamptz", Row::at)
            .add("float8", Row::weight);

    @Inject
    Jdbc jdbc;

    @Test
    void bindsOneArrayPerColumnInOrderThenWhatFollows() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T09:15:30.123456Z");
        List<Row> rows = List.of(new Row(a, "Ann", at, 1.5), new Row(b, null, null, null));
        List<Row> back = jdbc.list(
                "SELECT u.id, u.name, u.at, u.weight, ? AS tail FROM unnest(?::uuid[], ?::text[], ?::timestamptz[],"
                        + " ?::float8[]) WITH ORDINALITY AS u(id, name, at, weight, n) ORDER BY u.n",
                ps -> {
                    ps.setString(1, "after");
                    int next = ROW.bind(ps, 2, rows);
                    assertEquals(6, next);
                },
                rs -> {
                    assertEquals("after", rs.getString("tail"));
                    OffsetDateTime t = rs.getObject("at", OffsetDateTime.class);
                    double w = rs.getDouble("weight");
                    return new Row(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            t == null ? null : t.toInstant(),
                            rs.wasNull() ? null : w);
                });
        assertEquals(rows, back);
        assertEquals(4, ROW.size());
        assertNull(back.get(1).name());
    }

    @Test
    void aDefinitionIsImmutable() {
        Columns<Row> one = Columns.<Row>of().add("uuid", Row::id);
        Columns<Row> two = one.add("text", Row::name);
        assertEquals(1, one.size());
        assertEquals(2, two.size());
        assertThrows(
                DataAccessException.class,
                () -> jdbc.list(
                        "SELECT * FROM unnest(?::uuid[])",
                        ps -> two.bind(ps, 1, List.of(new Row(UUID.randomUUID(), "x", null, null))),
                        rs -> 1));
    }
}
