package dev.threshold.interaction;

import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class InteractionResourceTest extends ApiTest {

    private Map<String, Object> meeting(String occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "MEETING");
        body.put("direction", "MUTUAL");
        body.put("channel", "IN_PERSON");
        body.put("occurredAt", occurredAt);
        body.put("note", "Coffee");
        return body;
    }

    @Test
    void chatChannelsAreChannelsLikeAnyOther() {
        String contact = createContact("Chatty");
        for (String channel : List.of("WHATSAPP", "TELEGRAM")) {
            Map<String, Object> body = meeting("2026-01-10T09:30:00Z");
            body.put("type", "MESSAGE");
            body.put("channel", channel);
            String id = api().body(body)
                    .post("/api/v1/contacts/" + contact + "/interactions")
                    .then()
                    .statusCode(201)
                    .body("channel", equalTo(channel))
                    .extract()
                    .path("id");
            api().get("/api/v1/interactions/" + id).then().statusCode(200).body("channel", equalTo(channel));
        }
        api().get("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(200)
                .body("items.channel", hasItem("TELEGRAM"))
                .body("items.channel", hasItem("WHATSAPP"));
        RestAssured.given()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("components.schemas.Channel.enum", hasItem("WHATSAPP"))
                .body("components.schemas.Channel.enum", hasItem("TELEGRAM"));
    }

    @Test
    void createUnderAContactReturns201WithLocationAndFields() {
        String contact = createContact("Ada");
        var res = api().body(meeting("2026-01-10T09:30:00Z"))
                .post("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", "\"0\"")
                .body("contactId", equalTo(contact))
                .body("type", equalTo("MEETING"))
                .body("direction", equalTo("MUTUAL"))
                .body("channel", equalTo("IN_PERSON"))
                .body("occurredAt", equalTo("2026-01-10T09:30:00Z"))
                .body("weight", nullValue())
                .body("note", equalTo("Coffee"))
                .body("createdAt", notNullValue())
                .extract();
        String location = res.header("Location");
        Assertions.assertTrue(location.endsWith("/api/v1/interactions/" + res.path("id")), location);
        api().get(location)
                .then()
                .statusCode(200)
                .body("type", equalTo("MEETING"))
                .body("weight", nullValue());
    }

    @Test
    void defaultsAndWeightOverride() {
        String contact = createContact("Ada");
        api().body(Map.of("type", "LIKE", "direction", "INBOUND", "weight", 2.5))
                .post("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(201)
                .body("channel", equalTo("OTHER"))
                .body("weight", equalTo(2.5f))
                .body("occurredAt", notNullValue());
    }

    @Test
    void validationNamesTheField() {
        String contact = createContact("Ada");
        String path = "/api/v1/contacts/" + contact + "/interactions";
        api().body(Map.of("direction", "INBOUND"))
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("type"));
        api().body(Map.of("type", "LIKE")).post(path).then().statusCode(400).body("errors.field", hasItem("direction"));
        api().body(Map.of("type", "HUG", "direction", "INBOUND"))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("type"));
        api().body(Map.of("type", "LIKE", "direction", "SIDEWAYS"))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("direction"));
        api().body(Map.of("type", "LIKE", "direction", "INBOUND", "channel", "PIGEON"))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("channel"));
        api().body(Map.of("type", "LIKE", "direction", "INBOUND", "weight", -1))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("weight"));
        api().body(Map.of("type", "LIKE", "direction", "INBOUND", "weight", "heavy"))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("weight"));
        api().body(Map.of("type", "LIKE", "direction", "INBOUND", "note", "n".repeat(4001)))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("note"));
        api().body(Map.of("type", "LIKE", "direction", "INBOUND", "occurredAt", "yesterday"))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("occurredAt"));
        String future = Instant.now().plus(10, ChronoUnit.MINUTES).toString();
        api().body(Map.of("type", "LIKE", "direction", "INBOUND", "occurredAt", future))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("occurredAt"));
        String nearFuture = Instant.now().plus(2, ChronoUnit.MINUTES).toString();
        api().body(Map.of("type", "LIKE", "direction", "INBOUND", "occurredAt", nearFuture))
                .post(path)
                .then()
                .statusCode(201);
        api().body("{\"type\":\"LIKE\",\"direction\":\"INBOUND\",\"weight\":NaN}")
                .post(path)
                .then()
                .statusCode(400);
        api().get("/api/v1/interactions?type=HUG").then().statusCode(400).body("errors.field", hasItem("type"));
        api().get("/api/v1/interactions?from=soon").then().statusCode(400).body("errors.field", hasItem("from"));
        api().get("/api/v1/interactions?contactId=nope")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("contactId"));
    }

    @Test
    void offsetsAreAcceptedAndStoredInUtc() {
        String contact = createContact("Ada");
        api().body(meeting("2026-01-10T11:30:00+02:00"))
                .post("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(201)
                .body("occurredAt", equalTo("2026-01-10T09:30:00Z"));
        api().body(meeting("2026-01-10T09:30:00.123456Z"))
                .post("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(201)
                .body("occurredAt", equalTo("2026-01-10T09:30:00.123456Z"));
        api().queryParam("from", "2026-01-10T11:00:00+02:00")
                .get("/api/v1/interactions")
                .then()
                .statusCode(200)
                .body("items", hasSize(2));
        api().urlEncodingEnabled(false)
                .get("/api/v1/interactions?from=2026-01-10T11:00:00+02:00")
                .then()
                .statusCode(200)
                .body("items", hasSize(2));
    }

    @Test
    void unknownContactIs404() {
        api().body(meeting("2026-01-10T09:30:00Z"))
                .post("/api/v1/contacts/" + UUID.randomUUID() + "/interactions")
                .then()
                .statusCode(404);
        api().get("/api/v1/contacts/" + UUID.randomUUID() + "/interactions")
                .then()
                .statusCode(404);
    }

    @Test
    void timelineFiltersAndPaging() {
        String a = createContact("Ada");
        String b = createContact("Bob");
        for (int day = 1; day <= 5; day++) {
            api().body(meeting("2026-01-0" + day + "T10:00:00Z"))
                    .post("/api/v1/contacts/" + a + "/interactions")
                    .then()
                    .statusCode(201);
        }
        api().body(Map.of("type", "CALL", "direction", "OUTBOUND", "occurredAt", "2026-01-03T12:00:00Z"))
                .post("/api/v1/contacts/" + b + "/interactions")
                .then()
                .statusCode(201);
        api().get("/api/v1/interactions")
                .then()
                .statusCode(200)
                .body("items", hasSize(6))
                .body("items[0].occurredAt", equalTo("2026-01-05T10:00:00Z"))
                .body("nextCursor", nullValue());
        api().get("/api/v1/interactions?type=CALL")
                .then()
                .body("items", hasSize(1))
                .body("items[0].contactId", equalTo(b));
        api().get("/api/v1/interactions?contactId=" + b).then().body("items", hasSize(1));
        api().get("/api/v1/interactions?from=2026-01-02T00:00:00Z&to=2026-01-04T00:00:00Z")
                .then()
                .body("items", hasSize(3));
        api().get("/api/v1/contacts/" + a + "/interactions").then().body("items", hasSize(5));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var req = api().queryParam("limit", 4);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            var res = req.get("/api/v1/interactions").then().statusCode(200).extract();
            seen.addAll(res.path("items.id"));
            cursor = res.path("nextCursor");
        } while (cursor != null);
        Assertions.assertEquals(6, seen.size());
        Assertions.assertEquals(6, new HashSet<>(seen).size());
    }

    @Test
    void patchAndDeleteWithIfMatch() {
        String contact = createContact("Ada");
        String id = api().body(meeting("2026-01-10T09:30:00Z"))
                .post("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        api().contentType("application/merge-patch+json")
                .body("{\"weight\": 20, \"note\": null}")
                .patch("/api/v1/interactions/" + id)
                .then()
                .statusCode(200)
                .body("weight", equalTo(20.0f))
                .body("note", nullValue())
                .body("type", equalTo("MEETING"))
                .header("ETag", "\"1\"");
        api().body("{\"weight\": null}")
                .patch("/api/v1/interactions/" + id)
                .then()
                .statusCode(200)
                .body("weight", nullValue());
        api().body("{\"type\": \"HUG\"}")
                .patch("/api/v1/interactions/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("type"));
        api().body("{\"occurredAt\": null}") // InteractionPatch: when it happened cannot be cleared
                .patch("/api/v1/interactions/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("occurredAt"));
        api().body("{\"contactId\": \"" + createContact("Other") + "\"}")
                .patch("/api/v1/interactions/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("contactId"));
        api().header("If-Match", "\"0\"")
                .body("{\"note\": \"x\"}")
                .patch("/api/v1/interactions/" + id)
                .then()
                .statusCode(412);
        api().header("If-Match", "\"0\"")
                .delete("/api/v1/interactions/" + id)
                .then()
                .statusCode(412);
        api().header("If-Match", "\"2\"")
                .delete("/api/v1/interactions/" + id)
                .then()
                .statusCode(204);
        api().get("/api/v1/interactions/" + id).then().statusCode(404);
        api().delete("/api/v1/interactions/" + id).then().statusCode(404);
    }

    @Test
    void batchIsAllOrNothing() {
        String a = createContact("Ada");
        String b = createContact("Bob");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(Map.of(
                    "contactId",
                    i % 2 == 0 ? a : b,
                    "type",
                    "LIKE",
                    "direction",
                    "INBOUND",
                    "occurredAt",
                    "2026-02-01T10:00:0" + i + "Z"));
        }
        api().body(batch)
                .post("/api/v1/interactions/batch")
                .then()
                .statusCode(201)
                .body("items", hasSize(10))
                .body("items[0].contactId", equalTo(a));
        api().get("/api/v1/interactions").then().body("items", hasSize(10));

        List<Map<String, Object>> bad = new ArrayList<>(batch);
        bad.add(Map.of("contactId", a, "type", "HUG", "direction", "INBOUND"));
        api().body(bad)
                .post("/api/v1/interactions/batch")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("[10].type"));
        List<Map<String, Object>> unknownContact = new ArrayList<>(batch);
        unknownContact.add(Map.of("contactId", UUID.randomUUID().toString(), "type", "LIKE", "direction", "INBOUND"));
        api().body(unknownContact)
                .post("/api/v1/interactions/batch")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("[10].contactId"));
        List<Map<String, Object>> missingContact = List.of(Map.of("type", "LIKE", "direction", "INBOUND"));
        api().body(missingContact)
                .post("/api/v1/interactions/batch")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("[0].contactId"));
        api().get("/api/v1/interactions").then().body("items", hasSize(10));

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("contactId", a, "type", "VIEW", "direction", "INBOUND"));
        }
        api().body(tooMany).post("/api/v1/interactions/batch").then().statusCode(400);
        api().body("[]").post("/api/v1/interactions/batch").then().statusCode(400);
        api().body("{}").post("/api/v1/interactions/batch").then().statusCode(400);
        api().get("/api/v1/interactions").then().body("items", hasSize(10));

        List<Map<String, Object>> full = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            full.add(Map.of(
                    "contactId", b, "type", "VIEW", "direction", "INBOUND", "occurredAt", "2026-01-01T00:00:00Z"));
        }
        api().body(full)
                .post("/api/v1/interactions/batch")
                .then()
                .statusCode(201)
                .body("items", hasSize(1000));
    }

    @Test
    void batchStoresEveryFieldExactlyAsAStatementOfArrays() {
        // the batch goes in as one INSERT … SELECT FROM unnest(arrays): notes that look like array syntax, NULL,
        // quotes, backslashes and non-ASCII text (an empty note is no note), missing and explicit weights, and
        // microsecond times survive
        String a = createContact("Arrays");
        List<String> notes = Arrays.asList("{\"x\",y}", "NULL", null, "back\\slash, \"quoted\"", "Zoë 🤝 日本", "");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            Map<String, Object> item = new HashMap<>();
            item.put("contactId", a);
            item.put("type", "MESSAGE");
            item.put("direction", "OUTBOUND");
            item.put("occurredAt", "2026-02-01T10:00:00.12345" + i + "Z");
            if (notes.get(i) != null) {
                item.put("note", notes.get(i));
            }
            if (i % 2 == 1) {
                item.put("weight", 0.25 * i);
            }
            batch.add(item);
        }
        List<String> ids = api().body(batch)
                .post("/api/v1/interactions/batch")
                .then()
                .statusCode(201)
                .extract()
                .path("items.id");
        for (int i = 0; i < notes.size(); i++) {
            var stored = api().get("/api/v1/interactions/" + ids.get(i))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String sent = notes.get(i);
            Assertions.assertEquals(
                    sent == null || sent.isEmpty() ? null : sent, stored.getString("note"), "note " + i);
            Assertions.assertEquals("2026-02-01T10:00:00.12345" + i + "Z", stored.getString("occurredAt"), "time " + i);
            Assertions.assertEquals(a, stored.getString("contactId"));
            if (i % 2 == 1) {
                Assertions.assertEquals(0.25 * i, stored.getDouble("weight"), 0.0, "weight " + i);
            }
        }
    }

    @Test
    void foreignContactsAndInteractionsAre404() {
        String contact = createContact("Ada");
        String id = api().body(meeting("2026-01-10T09:30:00Z"))
                .post("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String stranger = TestTokens.newOwner();
        as(stranger).get("/api/v1/interactions/" + id).then().statusCode(404);
        as(stranger)
                .body("{\"note\":\"mine\"}")
                .patch("/api/v1/interactions/" + id)
                .then()
                .statusCode(404);
        as(stranger).delete("/api/v1/interactions/" + id).then().statusCode(404);
        as(stranger)
                .body(meeting("2026-01-10T09:30:00Z"))
                .post("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(404);
        as(stranger).get("/api/v1/contacts/" + contact + "/interactions").then().statusCode(404);
        as(stranger).get("/api/v1/interactions").then().body("items", hasSize(0));
        as(stranger).get("/api/v1/interactions?contactId=" + contact).then().body("items", hasSize(0));
        as(stranger)
                .body(List.of(Map.of("contactId", contact, "type", "LIKE", "direction", "INBOUND")))
                .post("/api/v1/interactions/batch")
                .then()
                .statusCode(400);
        api().get("/api/v1/interactions/" + id).then().statusCode(200).body("note", equalTo("Coffee"));
    }
}
