package dev.threshold.platform.warmup;

import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm-up's owners in the database: a purge deletes every row of a recorded warm-up owner in every table, its
 * record last, and nothing of anyone else, not even of an owner whose name looks like a warm-up's but who was never
 * recorded as one; a record older than the given age is a leftover ({@link WarmUpOwners#stale}).
 */
@QuarkusTest
class WarmUpOwnersTest extends ApiTest {

    @Inject
    WarmUpOwners owners;

    @Inject
    Jdbc jdbc;

    @Test
    void aPurgeDeletesEveryRowOfARecordedWarmUpOwnerAndNothingElse() {
        String real = createContact("A real owner's contact");
        record(real, "MEETING", "MUTUAL", Instant.now().minusSeconds(7200), null);

        String leftover = "threshold-warm-up:" + UUID.randomUUID();
        owners.register(leftover, Instant.now().minus(Duration.ofHours(2)));
        String itsContact = createContactAs(leftover, "Warm-up 1");
        record(leftover, itsContact, "CALL", "INBOUND", Instant.now().minusSeconds(3600), null);

        String lookalike = "threshold-warm-up:" + UUID.randomUUID(); // never recorded: a real owner, as far as we know
        String lookalikeContact = createContactAs(lookalike, "Someone real");

        assertTrue(owners.stale(Instant.now(), Duration.ofHours(1)).contains(leftover));
        assertFalse(owners.stale(Instant.now(), Duration.ofHours(1)).contains(lookalike));
        assertFalse(owners.stale(Instant.now(), Duration.ofHours(3)).contains(leftover), "not older than 3 hours");
        assertTrue(
                rowsOf(leftover).values().stream().mapToLong(Long::longValue).sum() > 4,
                rowsOf(leftover).toString());

        assertEquals(0, owners.purge(lookalike), "an owner never recorded as the warm-up's is never deleted");
        long deleted = owners.purge(leftover);

        Map<String, Long> left = rowsOf(leftover);
        assertTrue(left.values().stream().allMatch(n -> n == 0), "every table, the record included: " + left);
        assertTrue(deleted >= 4, "contact, interaction, owner, actions: " + deleted);
        assertFalse(owners.stale(Instant.now(), Duration.ofHours(1)).contains(leftover));
        assertEquals(0, owners.purge(leftover), "a second purge finds nothing");
        api().get("/api/v1/contacts/" + real + "/score").then().statusCode(200);
        as(lookalike).get("/api/v1/contacts/" + lookalikeContact).then().statusCode(200);

        // leave no row that looks like a warm-up's for the tests after this one (on a shared database)
        owners.register(lookalike, Instant.now());
        owners.purge(lookalike);
        assertTrue(rowsOf(lookalike).values().stream().allMatch(n -> n == 0));
    }

    private String createContactAs(String who, String name) {
        return as(who).contentType("application/json")
                .body(Map.of("displayName", name))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Every table with an owner_id column, with that owner's rows in it. */
    private Map<String, Long> rowsOf(String who) {
        return WarmUpProbe.ownerRows(jdbc, "owner_id = ?", ps -> ps.setString(1, who));
    }
}
