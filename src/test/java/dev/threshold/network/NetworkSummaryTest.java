package dev.threshold.network;

import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * GET /network/summary reads the score histogram (V8) that triggers keep; after any mix of writes it must
 * equal a recomputation from every contact's own score.
 */
@QuarkusTest
class NetworkSummaryTest extends ApiTest {

    private static final String[] TYPES = {"VIEW", "LIKE", "COMMENT", "SHARE", "MESSAGE", "CALL", "MEETING", "FAVOR"};
    private static final String[] DIRECTIONS = {"INBOUND", "OUTBOUND", "MUTUAL"};
    private static final String[] TIERS = {"STRANGER", "ACQUAINTANCE", "FRIEND", "ALLY"};

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ScoreHistogramCompaction compaction;

    @Test
    void summaryEqualsARecomputationAfterEveryKindOfWrite() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        history(owner, new Random(42), now, true);
        Map<String, Long> tiers = assertSummaryIsARecomputation(owner, now.plus(1, ChronoUnit.HOURS));
        Assertions.assertTrue(tiers.values().stream().filter(n -> n > 0).count() >= 3, "a spread over tiers: " + tiers);
        assertSummaryIsARecomputation(owner, now.plus(30, ChronoUnit.DAYS));
        tiers = assertSummaryIsARecomputation(owner, now.plus(400, ChronoUnit.DAYS));
        Assertions.assertEquals(
                tiers.values().stream().mapToLong(Long::longValue).sum(), tiers.get("STRANGER"), "all decayed");
    }

    @Test
    void histogramEqualsTheContactsPerBucket() throws SQLException {
        history(owner, new Random(7), Instant.now().truncatedTo(ChronoUnit.SECONDS), false);
        assertHistogramExact(owner);
    }

    @Test
    void compactionChangesNoSummaryAndLeavesOneRowPerBucket() throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        history(owner, new Random(3), now, false);
        // contacts whose buckets become empty: their rows fold to zero and go away
        String gone = createContact("Gone soon");
        record(owner, gone, "FAVOR", "MUTUAL", now.minus(3, ChronoUnit.DAYS), 77.0);
        api().delete("/api/v1/contacts/" + gone).then().statusCode(204);
        Instant at = now.plus(1, ChronoUnit.DAYS);
        Map<String, Object> before = summary(owner, at).getMap("");
        Assertions.assertTrue(compaction.compact() > 0);
        Assertions.assertEquals(before, summary(owner, at).getMap(""));
        Assertions.assertEquals(0, count("SELECT count(*) FROM score_histogram WHERE owner_id = ? AND stripe <> 0"));
        Assertions.assertEquals(
                0,
                count("SELECT count(*) FROM score_histogram WHERE owner_id = ? AND contacts = 0 AND interactions = 0"));
        assertHistogramExact(owner);
        // writes after a compaction go to a stripe again and still add up
        String later = createContact("After the compaction");
        record(owner, later, "CALL", "OUTBOUND", now.minus(1, ChronoUnit.DAYS), null);
        assertHistogramExact(owner);
        assertSummaryIsARecomputation(owner, at);
        Assertions.assertTrue(compaction.compact() > 0, "the new stripe folds too");
        assertSummaryIsARecomputation(owner, at);
    }

    @Test
    void anotherOwnersWritesNeverChangeThisSummary() throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        history(owner, new Random(5), now, false);
        Instant at = now.plus(2, ChronoUnit.HOURS);
        Map<String, Object> mine = summary(owner, at).getMap("");
        String other = TestTokens.newOwner();
        history(other, new Random(6), now, true);
        Assertions.assertEquals(mine, summary(owner, at).getMap(""));
        assertSummaryIsARecomputation(other, at);
        compaction.compact();
        Assertions.assertEquals(mine, summary(owner, at).getMap(""));
        assertHistogramExact(owner);
        assertHistogramExact(other);
    }

    @Test
    void contactsAroundAFloorInsideOneBucketAreCountedExactly() {
        // one MUTUAL interaction of weight w scored at its own instant: S = w. FRIEND (40) needs
        // S >= 30·ln(1/0.6) = 15.325; "Ask for a referral" (60) S >= 27.489. Each group spans less than
        // 1/16 of a halving around its floor, so the floors' own buckets hold contacts on both sides.
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        double[] weights = {15.0, 15.2, 15.3, 15.32, 15.33, 15.4, 15.6, 27.0, 27.3, 27.48, 27.5, 27.7, 28.0};
        for (double w : weights) {
            record(owner, createContact("w" + w), "MEETING", "MUTUAL", at, w);
        }
        JsonPath summary = summary(owner, at);
        Assertions.assertEquals(13, summary.getLong("contacts"));
        Assertions.assertEquals(4, summary.getLong("tiers.ACQUAINTANCE"));
        Assertions.assertEquals(9, summary.getLong("tiers.FRIEND"));
        Assertions.assertEquals(3, summary.getLong("actions.find { it.threshold == 60.0 }.contacts"));
        assertSummaryIsARecomputation(owner, at);
        assertSummaryIsARecomputation(owner, at.plus(3, ChronoUnit.DAYS));
    }

    @Test
    void emptyOwner() {
        as(TestTokens.newOwner())
                .get("/api/v1/network/summary")
                .then()
                .statusCode(200)
                .body("contacts", Matchers.equalTo(0))
                .body("tiers.STRANGER", Matchers.equalTo(0))
                .body("tiers.ALLY", Matchers.equalTo(0))
                .body("interactions.total", Matchers.equalTo(0))
                .body("interactions.lastInteractionAt", Matchers.nullValue())
                .body("actions.contacts", Matchers.everyItem(Matchers.equalTo(0)));
    }

    // ------------------------------------------------------------------ a random history

    /**
     * Contacts created one by one and by an import, single and batch interactions, edits and deletes of
     * interactions, contact edits and deletes, and (with {@code settingsChange}) a new half-life.
     */
    private void history(String who, Random random, Instant now, boolean settingsChange) {
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            contacts.add(as(who).body(Map.of("displayName", "Contact " + i))
                    .post("/api/v1/contacts")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        List<String> interactions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            interactions.add(record(
                    who,
                    contacts.get(random.nextInt(contacts.size())),
                    TYPES[random.nextInt(TYPES.length)],
                    DIRECTIONS[random.nextInt(3)],
                    past(random, now),
                    random.nextInt(4) == 0 ? random.nextDouble() * 40 : null));
        }
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            Map<String, Object> item = interaction(
                    TYPES[random.nextInt(TYPES.length)],
                    DIRECTIONS[random.nextInt(3)],
                    past(random, now),
                    random.nextInt(3) == 0 ? random.nextDouble() * 25 : null);
            item.put("contactId", contacts.get(random.nextInt(contacts.size() - 4))); // the last four stay strangers
            batch.add(item);
        }
        List<String> created = as(who).body(batch)
                .post("/api/v1/interactions/batch")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getList("items.id");
        interactions.addAll(created);
        // a strong, recent tie, so that the top tiers are not empty
        for (int i = 0; i < 3; i++) {
            interactions.add(record(who, contacts.get(0), "FAVOR", "MUTUAL", now.minus(i, ChronoUnit.DAYS), 60.0));
        }
        for (int i = 0; i < 8; i++) {
            String id = interactions.get(random.nextInt(interactions.size()));
            as(who).contentType("application/merge-patch+json")
                    .body(Map.of(
                            "weight",
                            random.nextDouble() * 30,
                            "occurredAt",
                            past(random, now).toString()))
                    .patch("/api/v1/interactions/" + id)
                    .then()
                    .statusCode(200);
        }
        for (int i = 0; i < 6; i++) {
            String id = interactions.remove(random.nextInt(interactions.size()));
            as(who).delete("/api/v1/interactions/" + id).then().statusCode(204);
        }
        // edits that do not touch the score
        as(who).contentType("application/merge-patch+json")
                .body(Map.of("company", "Acme", "displayName", "Renamed"))
                .patch("/api/v1/contacts/" + contacts.get(1))
                .then()
                .statusCode(200);
        for (int i = 0; i < 2; i++) {
            as(who).delete("/api/v1/contacts/" + contacts.remove(2 + random.nextInt(contacts.size() - 6)))
                    .then()
                    .statusCode(204);
        }
        if (settingsChange) {
            as(who).body(Map.of("halfLifeDays", 30))
                    .put("/api/v1/settings/scoring")
                    .then()
                    .statusCode(200);
        }
        // an import: six new contacts, three LinkedIn messages on them
        as(who).contentType("multipart/form-data")
                .multiPart("connections", "Connections.csv", fixture("linkedin-connections.csv"), "text/csv")
                .multiPart("messages", "messages.csv", fixture("linkedin-messages.csv"), "text/csv")
                .post("/api/v1/imports/linkedin")
                .then()
                .statusCode(200)
                .body("messages.created", Matchers.equalTo(3));
        // and more after the settings change and the import
        record(who, contacts.get(3), "MEETING", "MUTUAL", now.minus(2, ChronoUnit.DAYS), null);
        record(who, contacts.get(4), "LIKE", "INBOUND", now.minus(500, ChronoUnit.DAYS), null);
    }

    private static Instant past(Random random, Instant now) {
        return now.minusSeconds((long) (random.nextDouble() * random.nextDouble() * 3 * 365 * 86400));
    }

    // ------------------------------------------------------------------ the expected summary

    private JsonPath summary(String who, Instant at) {
        return as(who).get("/api/v1/network/summary?at=" + at)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The summary against every contact's score at {@code at} (after the last interaction: stored keys). */
    private Map<String, Long> assertSummaryIsARecomputation(String who, Instant at) {
        Map<String, Long> tiers = new HashMap<>();
        for (String tier : TIERS) {
            tiers.put(tier, 0L);
        }
        Map<String, Long> perAction = new HashMap<>();
        Instant last = null;
        List<String> ids = all(who, "/api/v1/contacts", "id");
        for (String id : ids) {
            JsonPath score = as(who).get("/api/v1/contacts/" + id + "/score?at=" + at)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            tiers.merge(score.getString("tier"), 1L, Long::sum);
            for (String action : score.<String>getList("actionable.id")) {
                perAction.merge(action, 1L, Long::sum);
            }
            String touched = score.getString("lastInteractionAt");
            if (touched != null && (last == null || Instant.parse(touched).isAfter(last))) {
                last = Instant.parse(touched);
            }
        }
        long interactions = all(who, "/api/v1/interactions", "id").size();

        JsonPath summary = summary(who, at);
        Assertions.assertEquals(ids.size(), summary.getLong("contacts"), "contacts");
        for (String tier : TIERS) {
            Assertions.assertEquals(tiers.get(tier), summary.getLong("tiers." + tier), "tier " + tier + " at " + at);
        }
        List<Map<String, Object>> actions = summary.getList("actions");
        Assertions.assertFalse(actions.isEmpty());
        for (Map<String, Object> action : actions) {
            Assertions.assertEquals(
                    perAction.getOrDefault((String) action.get("id"), 0L),
                    ((Number) action.get("contacts")).longValue(),
                    "action " + action.get("name") + " at " + at);
        }
        Assertions.assertEquals(interactions, summary.getLong("interactions.total"), "interactions");
        Assertions.assertEquals(
                last == null ? null : last.toString(), summary.getString("interactions.lastInteractionAt"));
        return tiers;
    }

    private List<String> all(String who, String path, String field) {
        List<String> out = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = as(who).queryParam("limit", 200)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            out.addAll(page.getList("items." + field));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return out;
    }

    // ------------------------------------------------------------------ the table itself

    /** Stripes summed, the histogram equals the contacts per bucket; Java's bucket equals SQL's. */
    private void assertHistogramExact(String who) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT bucket, sum(contacts), sum(interactions) FROM ("
                    + " SELECT bucket, contacts, interactions FROM score_histogram WHERE owner_id = ?"
                    + " UNION ALL SELECT threshold_bucket(score_key), -1, -interaction_count FROM contacts WHERE owner_id = ?) d"
                    + " GROUP BY bucket HAVING sum(contacts) <> 0 OR sum(interactions) <> 0")) {
                ps.setString(1, who);
                ps.setString(2, who);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> off = new ArrayList<>();
                    while (rs.next()) {
                        off.add("bucket " + rs.getLong(1) + ": contacts " + rs.getLong(2) + ", interactions "
                                + rs.getLong(3));
                    }
                    Assertions.assertEquals(List.of(), off, "histogram minus contacts, per bucket");
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT score_key, threshold_bucket(score_key) FROM contacts WHERE owner_id = ?")) {
                ps.setString(1, who);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        Assertions.assertEquals(
                                rs.getLong(2), ScoreBuckets.bucket(rs.getDouble(1)), "bucket of " + rs.getDouble(1));
                        n++;
                    }
                    Assertions.assertTrue(n > 10);
                }
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
