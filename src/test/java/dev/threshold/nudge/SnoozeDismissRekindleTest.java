package dev.threshold.nudge;

import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** REKINDLE, snooze and dismiss at the HTTP boundary, on the recommendations. */
@QuarkusTest
class SnoozeDismissRekindleTest extends ApiTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private void times(int n, String contact, String type, Instant at) {
        for (int i = 0; i < n; i++) {
            record(contact, type, "MUTUAL", at, null);
        }
    }

    private List<Map<String, Object>> items() {
        return api().get("/api/v1/network/recommendations?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private List<Map<String, Object>> itemsFor(String contact) {
        return items().stream().filter(i -> contact.equals(i.get("contactId"))).toList();
    }

    private List<String> reasonsOf(String contact) {
        return itemsFor(contact).stream().map(i -> (String) i.get("reason")).toList();
    }

    @Test
    void rekindleListsFormerFriendsAndAlliesBelowAcquaintanceStrongestPeakFirst() {
        String ally = createContact("Fox Mulder"); // 5 favours: S = 75, strength 91.8, 1,000 days ago
        times(5, ally, "FAVOR", NOW.minus(1000, ChronoUnit.DAYS));
        String friend = createContact("Dana Scully"); // 2 meetings: S = 24, strength 55.1
        times(2, friend, "MEETING", NOW.minus(800, ChronoUnit.DAYS));
        String acquaintance = createContact("Walter Skinner"); // one meeting: 33.0, never a friend
        times(1, acquaintance, "MEETING", NOW.minus(800, ChronoUnit.DAYS));
        String active = createContact("John Doggett"); // strong, and still strong now
        times(5, active, "FAVOR", NOW.minus(10, ChronoUnit.DAYS));

        List<Map<String, Object>> rekindle =
                items().stream().filter(i -> "REKINDLE".equals(i.get("reason"))).toList();
        Assertions.assertEquals(
                List.of(ally, friend),
                rekindle.stream().map(i -> i.get("contactId")).toList());
        Map<String, Object> first = rekindle.get(0);
        Assertions.assertEquals("STRANGER", first.get("tier"));
        Assertions.assertEquals("Fox Mulder", first.get("displayName"));
        Assertions.assertNotNull(((Map<?, ?>) first.get("suggestedInteraction")).get("type"));
        Assertions.assertEquals("MUTUAL", ((Map<?, ?>) first.get("suggestedInteraction")).get("direction"));
        String detail = (String) first.get("detail");
        Assertions.assertTrue(detail.startsWith("Once an Ally (strength 91.8 on "), detail);
        Assertions.assertTrue(detail.contains("now 0.1"), detail);
        Assertions.assertTrue(((String) rekindle.get(1).get("detail")).startsWith("Once a Friend (strength 55.1 on "));

        // the score shows the peak
        api().get("/api/v1/contacts/" + ally + "/score")
                .then()
                .statusCode(200)
                .body("peakStrength", equalTo(91.8f))
                .body("peakAt", equalTo(NOW.minus(1000, ChronoUnit.DAYS).toString()));
    }

    @Test
    void aSnoozedContactIsHiddenUntilThenAndShowsIt() {
        String c = createContact("Monica Reyes");
        times(5, c, "FAVOR", NOW.minus(1000, ChronoUnit.DAYS));
        Assertions.assertEquals(List.of("REKINDLE"), reasonsOf(c));

        Instant until = NOW.plus(7, ChronoUnit.DAYS);
        api().body(Map.of("until", until.toString()))
                .put("/api/v1/contacts/" + c + "/snooze")
                .then()
                .statusCode(200)
                .body("contactId", equalTo(c))
                .body("snoozedUntil", equalTo(until.toString()));
        Assertions.assertEquals(List.of(), reasonsOf(c));
        api().get("/api/v1/contacts/" + c).then().statusCode(200).body("snoozedUntil", equalTo(until.toString()));
        api().get("/api/v1/contacts?q=Monica")
                .then()
                .statusCode(200)
                .body("items[0].snoozedUntil", equalTo(until.toString()));
        // logging an interaction does not end a snooze
        record(c, "LIKE", "INBOUND", NOW.minus(1, ChronoUnit.HOURS), null);
        Assertions.assertEquals(List.of(), reasonsOf(c));

        api().delete("/api/v1/contacts/" + c + "/snooze").then().statusCode(204);
        api().get("/api/v1/contacts/" + c).then().statusCode(200).body("snoozedUntil", nullValue());
        Assertions.assertEquals(List.of("REKINDLE"), reasonsOf(c));
        api().delete("/api/v1/contacts/" + c + "/snooze").then().statusCode(204);
    }

    @Test
    void aSnoozeMustBeInTheFutureAndOfAnExistingOwnContact() {
        String c = createContact("Alvin Kersh");
        for (Object bad :
                new Object[] {NOW.minus(1, ChronoUnit.MINUTES).toString(), "tomorrow", 42, "2999-01-01T00:00:00Z"}) {
            api().body(Map.of("until", bad))
                    .put("/api/v1/contacts/" + c + "/snooze")
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("until"));
        }
        api().body(Map.of())
                .put("/api/v1/contacts/" + c + "/snooze")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("until"));
        Map<String, String> body = Map.of("until", NOW.plus(1, ChronoUnit.DAYS).toString());
        api().body(body)
                .put("/api/v1/contacts/00000000-0000-0000-0000-000000000000/snooze")
                .then()
                .statusCode(404);
        api().body(body).put("/api/v1/contacts/not-a-uuid/snooze").then().statusCode(404);
        as(TestTokens.newOwner())
                .body(body)
                .put("/api/v1/contacts/" + c + "/snooze")
                .then()
                .statusCode(404);
        as(TestTokens.newOwner())
                .delete("/api/v1/contacts/" + c + "/snooze")
                .then()
                .statusCode(404);
    }

    @Test
    void aDismissalHidesOneReasonUntilTheNextInteraction() {
        String c = createContact("Jeffrey Spender");
        times(5, c, "FAVOR", NOW.minus(1000, ChronoUnit.DAYS));
        api().body(Map.of("cadenceDays", 30, "displayName", "Jeffrey Spender"))
                .put("/api/v1/contacts/" + c)
                .then()
                .statusCode(200);
        Assertions.assertEquals(List.of("CADENCE_DUE", "REKINDLE"), reasonsOf(c));

        JsonPath dismissed = api().body(Map.of("contactId", c, "reason", "REKINDLE"))
                .post("/api/v1/network/recommendations/dismissals")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/network/recommendations/dismissals/" + c + "/REKINDLE"))
                .body("contactId", equalTo(c))
                .body("reason", equalTo("REKINDLE"))
                .body("tier", equalTo("STRANGER"))
                .extract()
                .jsonPath();
        Assertions.assertNotNull(dismissed.getString("dismissedAt"));
        Assertions.assertEquals(List.of("CADENCE_DUE"), reasonsOf(c));

        // an interaction changes the situation: the dismissal ends (and the cadence is no longer due)
        record(c, "LIKE", "INBOUND", NOW.minus(1, ChronoUnit.HOURS), null);
        Assertions.assertEquals(List.of("REKINDLE"), reasonsOf(c));

        // dismiss again, then undo
        api().body(Map.of("contactId", c, "reason", "REKINDLE"))
                .post("/api/v1/network/recommendations/dismissals")
                .then()
                .statusCode(201);
        Assertions.assertEquals(List.of(), reasonsOf(c));
        api().delete("/api/v1/network/recommendations/dismissals/" + c + "/REKINDLE")
                .then()
                .statusCode(204);
        Assertions.assertEquals(List.of("REKINDLE"), reasonsOf(c));
        api().delete("/api/v1/network/recommendations/dismissals/" + c + "/REKINDLE")
                .then()
                .statusCode(404);
        api().delete("/api/v1/network/recommendations/dismissals/" + c + "/NOPE")
                .then()
                .statusCode(404);
    }

    @Test
    void aDismissalNamesItsFields() {
        String c = createContact("Marita Covarrubias");
        api().body(Map.of("reason", "REKINDLE"))
                .post("/api/v1/network/recommendations/dismissals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("contactId"));
        api().body(Map.of("contactId", c, "reason", "SOMETIME"))
                .post("/api/v1/network/recommendations/dismissals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        api().body(Map.of("contactId", c))
                .post("/api/v1/network/recommendations/dismissals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        api().body(Map.of("contactId", "00000000-0000-0000-0000-000000000000", "reason", "REKINDLE"))
                .post("/api/v1/network/recommendations/dismissals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("contactId"));
        as(TestTokens.newOwner())
                .body(Map.of("contactId", c, "reason", "REKINDLE"))
                .post("/api/v1/network/recommendations/dismissals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("contactId"));
    }
}
