package dev.threshold.score;

import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.score.math.Peak;
import dev.threshold.score.math.ScoreCalculator;
import dev.threshold.score.math.ScoredInteraction;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code peakStrength} and {@code peakAt} at the HTTP boundary: the spec's example, a score read in the past, and
 * the stored peak equal to a recomputation from the rows ({@link Peak#of}) after every one of many random writes in
 * and out of time order, batches, edits, deletes and a settings change.
 */
@QuarkusTest
class PeakResourceTest extends ApiTest {

    private static final Instant T = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    Jdbc jdbc;

    @Inject
    ScoreLedger ledger;

    private JsonPath score(String contact, Instant at) {
        return api().get("/api/v1/contacts/" + contact + "/score" + (at == null ? "" : "?at=" + at))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aContactWithoutInteractionsHasNoPeak() {
        String c = createContact("Nobody");
        api().get("/api/v1/contacts/" + c + "/score")
                .then()
                .statusCode(200)
                .body("peakStrength", equalTo(0.0f))
                .body("peakAt", nullValue());
    }

    @Test
    void theMeetingOfTheSpecPeaksAt33AndAPastReadSeesThePeakUpToThen() {
        String c = createContact("Dana Scully");
        record(c, "MEETING", "MUTUAL", T, null);
        JsonPath now = score(c, null);
        Assertions.assertEquals(33.0f, now.getFloat("peakStrength"));
        Assertions.assertEquals(T, Instant.parse(now.getString("peakAt")));
        Assertions.assertEquals(1.8f, now.getFloat("strength"), 0.05f); // 400 days later: 12·2^(−400/90) = 0.55 points

        // a backdated bigger one 10 days before: S at T = 12 + 15·2^(−10/90) = 25.8 → the peak stays at T, higher
        Instant before = T.minus(10, ChronoUnit.DAYS);
        record(c, "FAVOR", "MUTUAL", before, null);
        double expected = ScoreCalculator.round(100 * (1 - Math.exp(-(12 + 15 * Math.pow(2, -10.0 / 90)) / 30)), 1);
        JsonPath after = score(c, null);
        Assertions.assertEquals(expected, after.getDouble("peakStrength"), 1e-9);
        Assertions.assertEquals(T, Instant.parse(after.getString("peakAt")));

        // at an instant between the two: the peak of the history up to then is the favour alone
        JsonPath past = score(c, T.minus(1, ChronoUnit.DAYS));
        Assertions.assertEquals(39.3, past.getDouble("peakStrength"), 1e-9); // 100·(1 − e^(−15/30))
        Assertions.assertEquals(before, Instant.parse(past.getString("peakAt")));
    }

    @Test
    void theStoredPeakEqualsARecomputationFromTheRowsAfterRandomWritesEditsAndDeletes() {
        Random rnd = new Random(2026_11_30L);
        List<String> contacts = new ArrayList<>();
        Map<String, List<String>> ids = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            String c = createContact("Peak " + i);
            contacts.add(c);
            ids.put(c, new ArrayList<>());
        }
        Instant latest = Instant.now().minus(3 * 365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String[] types = {"LIKE", "COMMENT", "MESSAGE", "CALL", "MEETING", "FAVOR"};
        String[] directions = {"INBOUND", "OUTBOUND", "MUTUAL"};
        for (int op = 0; op < 80; op++) {
            String c = contacts.get(rnd.nextInt(contacts.size()));
            List<String> own = ids.get(c);
            int kind = rnd.nextInt(10);
            String type = types[rnd.nextInt(types.length)];
            String direction = directions[rnd.nextInt(directions.length)];
            if (kind < 4 || own.isEmpty()) { // in time order (mostly) or backdated
                latest = latest.plus(rnd.nextInt(40), ChronoUnit.DAYS);
                Instant at = rnd.nextInt(3) == 0 ? latest.minus(rnd.nextInt(900), ChronoUnit.DAYS) : latest;
                own.add(record(c, type, direction, at, rnd.nextInt(5) == 0 ? rnd.nextDouble() * 30 : null));
            } else if (kind < 6) { // a batch of a few, in any order
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                    latest = latest.plus(rnd.nextInt(5), ChronoUnit.DAYS);
                    Map<String, Object> body =
                            interaction(type, direction, latest.minus(rnd.nextInt(3), ChronoUnit.DAYS), null);
                    body.put("contactId", c);
                    batch.add(body);
                }
                List<String> created = api().body(batch)
                        .post("/api/v1/interactions/batch")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("items.id");
                own.addAll(created);
            } else if (kind < 8) { // an edit: weight or instant
                String id = own.get(rnd.nextInt(own.size()));
                Map<String, Object> patch = rnd.nextBoolean()
                        ? Map.of("weight", rnd.nextDouble() * 20)
                        : Map.of(
                                "occurredAt",
                                latest.minus(rnd.nextInt(700), ChronoUnit.DAYS).toString());
                api().contentType("application/merge-patch+json")
                        .body(patch)
                        .patch("/api/v1/interactions/" + id)
                        .then()
                        .statusCode(200);
            } else { // a delete
                String id = own.remove(rnd.nextInt(own.size()));
                api().delete("/api/v1/interactions/" + id).then().statusCode(204);
            }
            assertStoredPeakIsARecomputation(c, ScoringSettings.defaults(), "op " + op);
        }
        // a change of half-life re-scores in SQL, the peak with it
        api().body(Map.of("halfLifeDays", 30))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(200);
        for (String c : contacts) {
            assertStoredPeakIsARecomputation(c, ScoringSettings.defaults().withHalfLifeDays(30), "after H = 30");
            Peak java = Peak.of(rows(c), ScoringSettings.defaults().withHalfLifeDays(30));
            JsonPath read = score(c, null);
            Assertions.assertEquals(java.strength(ScoringSettings.defaults()), read.getDouble("peakStrength"), 1e-9);
        }
    }

    private List<ScoredInteraction> rows(String contact) {
        return ledger.interactions(owner, UUID.fromString(contact), null);
    }

    private void assertStoredPeakIsARecomputation(String contact, ScoringSettings settings, String where) {
        Peak java = Peak.of(rows(contact), settings);
        Peak stored = jdbc.first(
                        "SELECT peak_log2_points, peak_at FROM contacts WHERE owner_id = ? AND id = ?",
                        ps -> {
                            ps.setString(1, owner);
                            ps.setObject(2, UUID.fromString(contact));
                        },
                        rs -> {
                            OffsetDateTime at = rs.getObject("peak_at", OffsetDateTime.class);
                            return new Peak(rs.getDouble("peak_log2_points"), at == null ? null : at.toInstant());
                        })
                .orElseThrow();
        Assertions.assertEquals(java.at(), stored.at(), where);
        if (Double.isInfinite(java.log2Points())) {
            Assertions.assertEquals(java.log2Points(), stored.log2Points(), where);
        } else {
            Assertions.assertEquals(java.log2Points(), stored.log2Points(), 1e-9, where);
        }
        JsonPath read = score(contact, null);
        Assertions.assertEquals(java.strength(settings), read.getDouble("peakStrength"), 1e-9, where);
        Assertions.assertEquals(
                java.at() == null ? null : java.at().toString(),
                read.getString("peakAt") == null
                        ? null
                        : Instant.parse(read.getString("peakAt")).toString(),
                where);
    }
}
