package dev.threshold.score;

import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.Score;
import dev.threshold.score.math.ScoreReference;
import dev.threshold.score.math.ScoredInteraction;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ScoreResourceTest extends ApiTest {

    private static final Instant T = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private JsonPath score(String contact, Instant at) {
        return api().get("/api/v1/contacts/" + contact + "/score" + (at == null ? "" : "?at=" + at))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aScoreReadUsesTheOwnersOwnTiersCadencesAndActions() {
        String c = createContact("Tess");
        record(c, "MEETING", "MUTUAL", T, null);
        api().body(Map.of("tiers", Map.of("ACQUAINTANCE", 20, "FRIEND", 30, "ALLY", 90)))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(200);
        String tiny = api().body(Map.of("name", "Wave hello", "threshold", 32.9))
                .post("/api/v1/actions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String invite = api().get("/api/v1/actions")
                .then()
                .extract()
                .jsonPath()
                .getString("items.find { it.name == 'Invite to an event' }.id");
        api().delete("/api/v1/actions/" + invite).then().statusCode(204);
        api().get("/api/v1/contacts/" + c + "/score?at=" + T)
                .then()
                .statusCode(200)
                .body("strength", equalTo(33.0f))
                .body("tier", equalTo("FRIEND"))
                .body("nextTier", equalTo("ALLY"))
                .body("strengthToNextTier", equalTo(57.0f))
                .body("actionable.name", hasItem("Wave hello"))
                .body("actionable.name", Matchers.not(hasItem("Invite to an event")))
                .body("actionable.find { it.name == 'Wave hello' }.id", equalTo(tiny))
                .body("actionable.find { it.name == 'Wave hello' }.threshold", equalTo(32.9f));
        // another owner's contact id is not found, whatever this owner's settings
        as(TestTokens.newOwner()).get("/api/v1/contacts/" + c + "/score").then().statusCode(404);
    }

    @Test
    void workedExampleOfTheSpec() {
        String c = createContact("Ada");
        record(c, "MEETING", "MUTUAL", T, null);
        api().get("/api/v1/contacts/" + c + "/score?at=" + T)
                .then()
                .statusCode(200)
                .body("contactId", equalTo(c))
                .body("at", equalTo(T.toString()))
                .body("strength", equalTo(33.0f))
                .body("tier", equalTo("ACQUAINTANCE"))
                .body("reciprocity", equalTo(1.0f))
                .body("inbound", equalTo(6.0f))
                .body("outbound", equalTo(6.0f))
                .body("effectivePoints", equalTo(12.0f))
                .body("lastInteractionAt", equalTo(T.toString()))
                .body("nextTier", equalTo("FRIEND"))
                .body("strengthToNextTier", equalTo(7.0f))
                .body("daysUntilTierDrop", equalTo(173.2f))
                .body("breakdown.MEETING", equalTo(12.0f))
                .body("breakdown.LIKE", equalTo(0.0f))
                .body("actionable.name", hasItem("Invite to an event"))
                .body("actionable.name", Matchers.not(hasItem("Share a business opportunity")));
        JsonPath later = score(c, T.plus(90, ChronoUnit.DAYS));
        Assertions.assertEquals(18.1f, later.getFloat("strength"));
        Assertions.assertEquals(6.0f, later.getFloat("effectivePoints"), 1e-3);
        JsonPath before = score(c, T.minusSeconds(1));
        Assertions.assertEquals(0.0f, before.getFloat("strength"));
        Assertions.assertEquals("STRANGER", before.getString("tier"));
        Assertions.assertNull(before.get("daysUntilTierDrop"));
        Assertions.assertNull(before.get("lastInteractionAt"));
        api().get("/api/v1/contacts/" + c).then().body("lastInteractionAt", equalTo(T.toString()));
    }

    @Test
    void oneSidedCountsHalf() {
        String c = createContact("Fan");
        record(c, "MEETING", "INBOUND", T, null);
        JsonPath s = score(c, T);
        Assertions.assertEquals(12.0f, s.getFloat("inbound"), 1e-3);
        Assertions.assertEquals(0.0f, s.getFloat("outbound"), 1e-3);
        Assertions.assertEquals(0.0f, s.getFloat("reciprocity"), 1e-6);
        Assertions.assertEquals(6.0f, s.getFloat("effectivePoints"), 1e-3);
    }

    @Test
    void randomHistoriesInAnyOrderMatchTheFormula() {
        Random random = new Random(42);
        String[] types = {"VIEW", "LIKE", "COMMENT", "SHARE", "MESSAGE", "CALL", "MEETING", "FAVOR"};
        String[] directions = {"INBOUND", "OUTBOUND", "MUTUAL"};
        for (int round = 0; round < 3; round++) {
            String c = createContact("Random " + round);
            List<Map<String, Object>> batch = new ArrayList<>();
            List<ScoredInteraction> model = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String type = types[random.nextInt(types.length)];
                String direction = directions[random.nextInt(directions.length)];
                Instant at = Instant.now()
                        .minus(random.nextInt(3 * 365 * 24), ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS);
                Double weight = random.nextInt(5) == 0 ? random.nextDouble() * 20 : null;
                Map<String, Object> item = new HashMap<>();
                item.put("contactId", c);
                item.put("type", type);
                item.put("direction", direction);
                item.put("occurredAt", at.toString());
                if (weight != null) {
                    item.put("weight", weight);
                }
                batch.add(item);
                model.add(
                        new ScoredInteraction(InteractionType.valueOf(type), Direction.valueOf(direction), at, weight));
            }
            Collections.shuffle(batch, random);
            // half in one batch, the rest one by one, in shuffled order
            api().body(batch.subList(0, 30))
                    .post("/api/v1/interactions/batch")
                    .then()
                    .statusCode(201);
            for (Map<String, Object> item : batch.subList(30, 60)) {
                api().body(item)
                        .post("/api/v1/contacts/" + c + "/interactions")
                        .then()
                        .statusCode(201);
            }
            for (Instant at : List.of(
                    Instant.now(),
                    Instant.now().minus(400, ChronoUnit.DAYS),
                    Instant.now().plus(200, ChronoUnit.DAYS))) {
                Instant when = at.truncatedTo(ChronoUnit.SECONDS);
                Score expected = ScoreReference.scoreFromScratch(model, when, ScoringSettings.defaults());
                JsonPath actual = score(c, when);
                Assertions.assertEquals(
                        expected.exactStrength(), actual.getDouble("strength"), 0.05, "strength at " + when);
                Assertions.assertEquals(expected.tier().name(), actual.getString("tier"));
                Assertions.assertEquals(expected.effectivePoints(), actual.getDouble("effectivePoints"), 1e-3);
            }
        }
    }

    @Test
    void editsAndDeletesRederiveTheScore() {
        String c = createContact("Bob");
        record(c, "CALL", "MUTUAL", T.plus(10, ChronoUnit.DAYS), null);
        String id = api().body(Map.of("type", "FAVOR", "direction", "INBOUND", "occurredAt", T.toString()))
                .post("/api/v1/contacts/" + c + "/interactions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Instant at = T.plus(20, ChronoUnit.DAYS);
        List<ScoredInteraction> model = new ArrayList<>(List.of(
                new ScoredInteraction(InteractionType.CALL, Direction.MUTUAL, T.plus(10, ChronoUnit.DAYS), null),
                new ScoredInteraction(InteractionType.FAVOR, Direction.INBOUND, T, null)));
        Assertions.assertEquals(
                ScoreReference.scoreFromScratch(model, at, ScoringSettings.defaults())
                        .strength(),
                score(c, at).getDouble("strength"),
                1e-9);
        api().body("{\"weight\": 40, \"direction\": \"OUTBOUND\"}")
                .patch("/api/v1/interactions/" + id)
                .then()
                .statusCode(200);
        model.set(1, new ScoredInteraction(InteractionType.FAVOR, Direction.OUTBOUND, T, 40.0));
        Instant now = Instant.now();
        Assertions.assertEquals(
                ScoreReference.scoreFromScratch(model, now, ScoringSettings.defaults())
                        .exactStrength(),
                score(c, now).getDouble("strength"),
                0.05);
        Assertions.assertEquals(
                ScoreReference.scoreFromScratch(model, at, ScoringSettings.defaults())
                        .strength(),
                score(c, at).getDouble("strength"),
                1e-9);
        api().delete("/api/v1/interactions/" + id).then().statusCode(204);
        model.remove(1);
        Assertions.assertEquals(
                ScoreReference.scoreFromScratch(model, at, ScoringSettings.defaults())
                        .strength(),
                score(c, at).getDouble("strength"),
                1e-9);
    }

    @Test
    void settingsChangeRescoresOnlyThatOwner() {
        String c = createContact("Carol");
        Instant when = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        record(c, "MEETING", "MUTUAL", when, null);
        record(c, "MESSAGE", "INBOUND", when.plus(5, ChronoUnit.DAYS), null);
        String other = TestTokens.newOwner();
        String theirs = as(other)
                .body(Map.of("displayName", "Dave"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(other)
                .body(Map.of("type", "MEETING", "direction", "MUTUAL", "occurredAt", when.toString()))
                .post("/api/v1/contacts/" + theirs + "/interactions")
                .then()
                .statusCode(201);
        double theirsBefore = as(other)
                .get("/api/v1/contacts/" + theirs + "/score")
                .then()
                .extract()
                .jsonPath()
                .getDouble("strength");

        api().get("/api/v1/settings/scoring")
                .then()
                .statusCode(200)
                .body("halfLifeDays", equalTo(90.0f))
                .body("saturation", equalTo(30.0f))
                .body("weights.MEETING", equalTo(12.0f))
                .body("tiers.FRIEND", equalTo(40.0f))
                .body("cadenceDays.ALLY", equalTo(14))
                .body("cadenceDays.STRANGER", nullValue());
        api().body(Map.of("halfLifeDays", 7, "weights", Map.of("MEETING", 20), "saturation", 10))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(200)
                .body("halfLifeDays", equalTo(7.0f))
                .body("weights.MEETING", equalTo(20.0f))
                .body("weights.CALL", equalTo(8.0f));
        ScoringSettings mine = new ScoringSettings(7, 10, Map.of(InteractionType.MEETING, 20.0), 10, 40, 75, null);
        List<ScoredInteraction> model = List.of(
                new ScoredInteraction(InteractionType.MEETING, Direction.MUTUAL, when, null),
                new ScoredInteraction(InteractionType.MESSAGE, Direction.INBOUND, when.plus(5, ChronoUnit.DAYS), null));
        Instant now = Instant.now();
        Assertions.assertEquals(
                ScoreReference.scoreFromScratch(model, now, mine).exactStrength(),
                score(c, now).getDouble("strength"),
                0.05);
        Assertions.assertEquals(
                ScoreReference.scoreFromScratch(model, now, mine).effectivePoints(),
                score(c, now).getDouble("effectivePoints"),
                1e-3);
        // a later interaction is scored with the new settings too
        record(c, "MEETING", "MUTUAL", now.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), null);
        List<ScoredInteraction> more = new ArrayList<>(model);
        more.add(new ScoredInteraction(
                InteractionType.MEETING,
                Direction.MUTUAL,
                now.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                null));
        Instant now2 = Instant.now();
        Assertions.assertEquals(
                ScoreReference.scoreFromScratch(more, now2, mine).exactStrength(),
                score(c, now2).getDouble("strength"),
                0.05);
        Assertions.assertEquals(
                theirsBefore,
                as(other)
                        .get("/api/v1/contacts/" + theirs + "/score")
                        .then()
                        .extract()
                        .jsonPath()
                        .getDouble("strength"),
                0.1);
        as(other).get("/api/v1/settings/scoring").then().body("halfLifeDays", equalTo(90.0f));
    }

    @Test
    void settingsValidation() {
        api().body(Map.of("halfLifeDays", 0))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("halfLifeDays"));
        api().body(Map.of("halfLifeDays", 3651))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(400);
        api().body(Map.of("saturation", -1))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("saturation"));
        api().body(Map.of("weights", Map.of("LIKE", -2)))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("weights.LIKE"));
        api().body(Map.of("weights", Map.of("HUG", 2)))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(400);
        api().body(Map.of("tiers", Map.of("ACQUAINTANCE", 50, "FRIEND", 40, "ALLY", 75)))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tiers.FRIEND"));
        api().body(Map.of("cadenceDays", Map.of("ALLY", 0)))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cadenceDays.ALLY"));
        // a floor sent as null keeps its default, as a weight does (found by OpenApiFuzzTest: it was a 500)
        api().body("{\"tiers\": {\"ACQUAINTANCE\": null, \"FRIEND\": 45}, \"weights\": {\"LIKE\": null}}")
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(200)
                .body("tiers.ACQUAINTANCE", equalTo(10.0f))
                .body("tiers.FRIEND", equalTo(45.0f))
                .body("weights.LIKE", equalTo(1.0f));
        api().body(Map.of()).put("/api/v1/settings/scoring").then().statusCode(200);
        api().header("If-Match", "\"5\"")
                .body(Map.of())
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(412);
        api().get("/api/v1/settings/scoring").then().body("halfLifeDays", equalTo(90.0f));
    }

    @Test
    void historySeries() {
        String c = createContact("Eve");
        record(c, "MEETING", "MUTUAL", T, null);
        JsonPath h = api().get("/api/v1/contacts/" + c + "/score/history?from=" + T.minus(2, ChronoUnit.DAYS) + "&to="
                        + T.plus(90, ChronoUnit.DAYS) + "&step=P1D")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Float> strengths = h.getList("points.strength", Float.class);
        Assertions.assertEquals(93, strengths.size());
        Assertions.assertEquals(0.0f, strengths.get(0));
        Assertions.assertEquals(33.0f, strengths.get(2));
        Assertions.assertEquals(18.1f, strengths.get(92));
        Assertions.assertEquals("ACQUAINTANCE", h.getString("points[2].tier"));
        api().get("/api/v1/contacts/" + c
                        + "/score/history?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&step=PT1H")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("step"));
        api().get("/api/v1/contacts/" + c + "/score/history?step=banana").then().statusCode(400);
        api().get("/api/v1/contacts/" + c + "/score/history?step=P1M").then().statusCode(400);
        api().get("/api/v1/contacts/" + c + "/score/history?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")
                .then()
                .statusCode(400);
        api().get("/api/v1/contacts/" + c + "/score/history")
                .then()
                .statusCode(200)
                .body("points", hasSize(91));
        api().get("/api/v1/contacts/" + UUID.randomUUID() + "/score/history")
                .then()
                .statusCode(404);
        api().get("/api/v1/contacts/" + c + "/score?at=never")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("at"));
        as(TestTokens.newOwner()).get("/api/v1/contacts/" + c + "/score").then().statusCode(404);
    }

    @Test
    void rankingTiersAndActions() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String ally = createContact("Ally");
        for (int i = 0; i < 4; i++) {
            record(ally, "FAVOR", "MUTUAL", now.minus(i, ChronoUnit.HOURS), null);
        }
        String friend = createContact("Friend");
        record(friend, "MEETING", "MUTUAL", now, null);
        record(friend, "CALL", "MUTUAL", now, null);
        String acquaintance = createContact("Acquaintance");
        record(acquaintance, "MEETING", "MUTUAL", now, null);
        String stranger = createContact("Stranger");
        api().get("/api/v1/scores")
                .then()
                .statusCode(200)
                .body("items.displayName", equalTo(List.of("Ally", "Friend", "Acquaintance", "Stranger")))
                .body("items[0].tier", equalTo("ALLY"))
                .body("items[1].tier", equalTo("FRIEND"))
                .body("items[3].strength", equalTo(0.0f))
                .body("items[3].lastInteractionAt", nullValue());
        api().get("/api/v1/scores?tier=FRIEND").then().body("items.contactId", equalTo(List.of(friend)));
        api().get("/api/v1/scores?minStrength=30").then().body("items", hasSize(3));
        api().get("/api/v1/scores?minStrength=101").then().statusCode(400).body("errors.field", hasItem("minStrength"));
        api().get("/api/v1/scores?limit=2")
                .then()
                .body("items", hasSize(2))
                .body("nextCursor", Matchers.notNullValue());
        api().get("/api/v1/contacts?tier=ALLY").then().body("items.id", equalTo(List.of(ally)));
        api().get("/api/v1/contacts?sort=strength")
                .then()
                .body("items[0].id", equalTo(ally))
                .body("items[0].tier", equalTo("ALLY"));
        api().get("/api/v1/contacts?sort=lastInteractionAt").then().body("items[3].id", equalTo(stranger));

        JsonPath actions =
                api().get("/api/v1/actions").then().statusCode(200).extract().jsonPath();
        Assertions.assertEquals(5, actions.getList("items").size());
        String referral = actions.getString("items.find { it.threshold == 60 }.id");
        api().get("/api/v1/actions/" + referral + "/contacts")
                .then()
                .statusCode(200)
                .body("items.contactId", equalTo(List.of(ally)));
        String engage = actions.getString("items.find { it.threshold == 0 }.id");
        api().get("/api/v1/actions/" + engage + "/contacts").then().body("items", hasSize(4));

        api().get("/api/v1/network/summary")
                .then()
                .statusCode(200)
                .body("contacts", equalTo(4))
                .body("tiers.STRANGER", equalTo(1))
                .body("tiers.ACQUAINTANCE", equalTo(1))
                .body("tiers.FRIEND", equalTo(1))
                .body("tiers.ALLY", equalTo(1))
                .body("actions.find { it.threshold == 60.0 }.contacts", equalTo(1))
                .body("interactions.total", equalTo(7));
    }

    @Test
    void actionCrud() {
        String id = api().body(Map.of("name", "Ask for a podcast guest spot", "threshold", 50))
                .post("/api/v1/actions")
                .then()
                .statusCode(201)
                .header("Location", Matchers.containsString("/api/v1/actions/"))
                .extract()
                .path("id");
        api().get("/api/v1/actions").then().body("items", hasSize(6));
        api().get("/api/v1/actions/" + id)
                .then()
                .statusCode(200)
                .body("threshold", equalTo(50.0f))
                .header("ETag", "\"0\"");
        api().body("{\"threshold\": 55}")
                .patch("/api/v1/actions/" + id)
                .then()
                .statusCode(200)
                .body("threshold", equalTo(55.0f));
        api().body(Map.of("name", "Renamed", "threshold", 10))
                .put("/api/v1/actions/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("description", nullValue());
        api().body(Map.of("name", "X", "threshold", 101))
                .post("/api/v1/actions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("threshold"));
        api().body(Map.of("threshold", 10))
                .post("/api/v1/actions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("name"));
        api().body(Map.of("name", "X"))
                .post("/api/v1/actions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("threshold"));
        api().header("If-Match", "\"0\"").delete("/api/v1/actions/" + id).then().statusCode(412);
        as(TestTokens.newOwner()).get("/api/v1/actions/" + id).then().statusCode(404);
        as(TestTokens.newOwner())
                .get("/api/v1/actions/" + id + "/contacts")
                .then()
                .statusCode(404);
        api().delete("/api/v1/actions/" + id).then().statusCode(204);
        api().get("/api/v1/actions/" + id).then().statusCode(404);
        api().get("/api/v1/actions").then().body("items", hasSize(5));
    }

    @Test
    void recommendations() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // FRIEND floor 40 ⇔ S = 15.32; S = 16 now drops below in 90·log2(16/15.32) ≈ 5.6 days
        String dropping = createContact("Dropping");
        record(dropping, "MEETING", "MUTUAL", now, 16.0);
        // ACQUAINTANCE strength 37 (S ≈ 13.9): within 5 points of FRIEND
        String close = createContact("Close");
        record(close, "MEETING", "MUTUAL", now, 13.9);
        // an acquaintance last touched 100 days ago (cadence 90)
        String due = createContact("Due");
        record(due, "FAVOR", "MUTUAL", now.minus(100, ChronoUnit.DAYS), 30.0);
        // a personal cadence of 7 days, last touched 10 days ago
        String personal = createContact(Map.of("displayName", "Personal", "cadenceDays", 7));
        record(personal, "LIKE", "INBOUND", now.minus(10, ChronoUnit.DAYS), null);
        JsonPath r = api().get("/api/v1/network/recommendations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = r.getList("items");
        Map<String, Map<String, Object>> byContact = new HashMap<>();
        for (Map<String, Object> item : items) {
            byContact.put(item.get("contactId") + ":" + item.get("reason"), item);
        }
        Map<String, Object> drop = byContact.get(dropping + ":TIER_DROP_SOON");
        Assertions.assertNotNull(drop, items.toString());
        Assertions.assertEquals("FRIEND", drop.get("tier"));
        Assertions.assertEquals(5.6, ((Number) drop.get("daysUntilTierDrop")).doubleValue(), 0.1);
        Assertions.assertNotNull(((Map<?, ?>) drop.get("suggestedInteraction")).get("type"));
        Map<String, Object> near = byContact.get(close + ":NEXT_TIER_CLOSE");
        Assertions.assertNotNull(near, items.toString());
        Assertions.assertEquals("ACQUAINTANCE", near.get("tier"));
        Assertions.assertNotNull(byContact.get(due + ":CADENCE_DUE"), items.toString());
        Assertions.assertNotNull(byContact.get(personal + ":CADENCE_DUE"), items.toString());
        Assertions.assertNull(byContact.get(close + ":CADENCE_DUE"));
        Assertions.assertEquals("TIER_DROP_SOON", items.get(0).get("reason"));
        api().get("/api/v1/network/recommendations?limit=1").then().body("items", hasSize(1));
        api().get("/api/v1/network/recommendations?limit=0").then().statusCode(400);
    }

    @Test
    void recommendationsCoverStrangersNeverContactedAlliesAndOnlyTheOwnersContacts() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        api().body(Map.of("cadenceDays", Map.of("STRANGER", 30, "ACQUAINTANCE", 90, "FRIEND", 30, "ALLY", 14)))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(200);
        // a stranger (one like, 60 days ago) is due by the STRANGER cadence
        String stranger = createContact("Faint");
        record(stranger, "LIKE", "INBOUND", now.minus(60, ChronoUnit.DAYS), null);
        // a personal cadence and no interaction at all: due, never contacted
        String never = createContact(Map.of("displayName", "Never", "cadenceDays", 10));
        // ALLY floor 75 ⇔ S = 41.6; S = 42 drops below in 90·log2(42/41.6) ≈ 1.2 days; FRIEND S = 16 in ≈ 5.6 days
        String ally = createContact("Ally");
        record(ally, "FAVOR", "MUTUAL", now, 42.0);
        String friend = createContact("Friend");
        record(friend, "MEETING", "MUTUAL", now, 16.0);
        // another owner's contacts, in every situation, never show up
        String other = TestTokens.newOwner();
        for (double w : new double[] {42.0, 16.0, 13.9}) {
            String theirs = as(other)
                    .body(Map.of("displayName", "Theirs"))
                    .post("/api/v1/contacts")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as(other)
                    .body(Map.of("type", "MEETING", "direction", "MUTUAL", "occurredAt", now.toString(), "weight", w))
                    .post("/api/v1/contacts/" + theirs + "/interactions")
                    .then()
                    .statusCode(201);
        }
        as(other)
                .body(Map.of("displayName", "Theirs too", "cadenceDays", 1))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);

        List<Map<String, Object>> items = api().get("/api/v1/network/recommendations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        Map<String, Map<String, Object>> byContact = new HashMap<>();
        for (Map<String, Object> item : items) {
            Assertions.assertNotEquals("Theirs", item.get("displayName"));
            Assertions.assertNotEquals("Theirs too", item.get("displayName"));
            byContact.put(item.get("contactId") + ":" + item.get("reason"), item);
        }
        Map<String, Object> faint = byContact.get(stranger + ":CADENCE_DUE");
        Assertions.assertNotNull(faint, items.toString());
        Assertions.assertEquals("STRANGER", faint.get("tier"));
        Assertions.assertNull(faint.get("daysUntilTierDrop"));
        Map<String, Object> untouched = byContact.get(never + ":CADENCE_DUE");
        Assertions.assertNotNull(untouched, items.toString());
        Assertions.assertTrue(((String) untouched.get("detail")).startsWith("Never contacted"), untouched.toString());
        Assertions.assertNull(untouched.get("lastInteractionAt"));
        Map<String, Object> allyDrop = byContact.get(ally + ":TIER_DROP_SOON");
        Assertions.assertNotNull(allyDrop, items.toString());
        Assertions.assertEquals("ALLY", allyDrop.get("tier"));
        Assertions.assertEquals(1.2, ((Number) allyDrop.get("daysUntilTierDrop")).doubleValue(), 0.1);
        Assertions.assertNotNull(byContact.get(friend + ":TIER_DROP_SOON"), items.toString());
        // most urgent first: the ally (1.2 days) before the friend (5.6 days), drops before cadences
        Assertions.assertEquals(ally, items.get(0).get("contactId"));
        Assertions.assertEquals(friend, items.get(1).get("contactId"));
        Assertions.assertEquals("CADENCE_DUE", items.get(items.size() - 1).get("reason"));
    }

    @Test
    void firstRequestsOfANewOwnerAtOnceProvisionTheDefaultsOnceOnTheirOwnConnection() throws Exception {
        // A brand-new owner's first reads provision the default actions. Sixteen of them released together,
        // against a pool of 4, each holding its connection: provisioning on a second connection starved them all.
        String newcomer = TestTokens.newOwner();
        String token = TestTokens.forOwner(newcomer);
        List<String> paths = List.of(
                "/api/v1/network/summary",
                "/api/v1/network/recommendations",
                "/api/v1/actions",
                "/api/v1/contacts/" + UUID.randomUUID() + "/score");
        int clients = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String path = paths.get(i % paths.size());
                answers.add(pool.submit(() -> {
                    start.await();
                    return RestAssured.given().auth().oauth2(token).get(path).statusCode();
                }));
            }
            start.countDown();
            for (int i = 0; i < clients; i++) {
                int expected = paths.get(i % paths.size()).endsWith("/score") ? 404 : 200;
                Assertions.assertEquals(expected, answers.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> names = as(newcomer)
                .get("/api/v1/actions")
                .then()
                .statusCode(200)
                .extract()
                .path("items.name");
        Assertions.assertEquals(5, names.size(), "provisioned exactly once: " + names);
        Assertions.assertEquals(5, new HashSet<>(names).size());
    }

    @Test
    void manyConcurrentReadsNeverWaitForASecondConnection() throws Exception {
        // Every read must run on at most one pooled connection at a time: with the small default pool (4),
        // requests that each held one connection while waiting for another would starve into 503s.
        String c = createContact("Busy");
        record(c, "CALL", "MUTUAL", Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), null);
        String token = TestTokens.forOwner(owner);
        String action =
                api().get("/api/v1/actions").then().statusCode(200).extract().path("items[1].id");
        List<String> paths = List.of(
                "/api/v1/network/recommendations",
                "/api/v1/network/summary",
                "/api/v1/contacts/" + c + "/score",
                "/api/v1/scores",
                "/api/v1/contacts/" + c + "/score?at=" + Instant.now().minus(1, ChronoUnit.DAYS),
                "/api/v1/actions/" + action + "/contacts");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 192; i++) {
                String path = paths.get(i % paths.size());
                answers.add(pool.submit(
                        () -> RestAssured.given().auth().oauth2(token).get(path).statusCode()));
            }
            for (var answer : answers) {
                Assertions.assertEquals(200, answer.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
