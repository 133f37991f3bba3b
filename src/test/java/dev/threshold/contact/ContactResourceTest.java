package dev.threshold.contact;

import dev.threshold.support.ApiTest;
import dev.threshold.support.RawHttp;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ContactResourceTest extends ApiTest {

    private static Map<String, Object> ada() {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", "Ada Lovelace");
        body.put("firstName", "Ada");
        body.put("lastName", "Lovelace");
        body.put("emails", List.of("Ada@Example.org", "ada@example.org"));
        body.put("phones", List.of("+44 20 7946 0000"));
        body.put("company", "Analytical Engines");
        body.put("position", "Programmer");
        body.put("location", "London");
        body.put("tags", List.of("mentor", "conference"));
        body.put("profiles", Map.of("linkedin", "https://www.linkedin.com/in/ada-example"));
        body.put("connectedOn", "2024-03-15");
        body.put("notes", "Met at the engine demo.");
        body.put("cadenceDays", 21);
        return body;
    }

    @Test
    void createReturns201WithLocationEtagAndEveryField() {
        var response = api().body(ada())
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("displayName", equalTo("Ada Lovelace"))
                .body("firstName", equalTo("Ada"))
                .body("emails", equalTo(List.of("Ada@Example.org")))
                .body("phones", equalTo(List.of("+44 20 7946 0000")))
                .body("tags", equalTo(List.of("mentor", "conference")))
                .body("profiles.linkedin", equalTo("https://www.linkedin.com/in/ada-example"))
                .body("connectedOn", equalTo("2024-03-15"))
                .body("cadenceDays", equalTo(21))
                .body("strength", equalTo(0.0f))
                .body("tier", equalTo("STRANGER"))
                .body("lastInteractionAt", nullValue())
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .body("version", equalTo(0))
                .extract();
        String id = response.path("id");
        String location = response.header("Location");
        Assertions.assertTrue(location.endsWith("/api/v1/contacts/" + id), location);
        api().get(location)
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Ada Lovelace"))
                .header("ETag", "\"0\"");
    }

    /** The listing reads rows by its own SQL (ContactRows): every field of an item equals the contact read alone. */
    @Test
    void aListedContactEqualsTheContactReadAlone() {
        String id = createContact(ada());
        api().body(interaction("CALL", "MUTUAL", Instant.now().minusSeconds(3600), null))
                .post("/api/v1/contacts/" + id + "/interactions")
                .then()
                .statusCode(201);
        Map<String, Object> alone = api().get("/api/v1/contacts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        for (String sort : List.of("displayName", "strength", "lastInteractionAt")) {
            Map<String, Object> listed = api().get("/api/v1/contacts?sort=" + sort + "&q=lovelace")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("items[0]");
            assertEquals(alone, listed, sort);
        }
    }

    @Test
    void readOnlyFieldsInPutAreIgnored() {
        String id = createContact(ada());
        Map<String, Object> body = ada();
        body.put("displayName", "Countess of Lovelace");
        body.put("id", "00000000-0000-0000-0000-000000000000");
        body.put("version", 99);
        body.put("strength", 100);
        body.put("tier", "ALLY");
        body.remove("notes");
        api().body(body)
                .put("/api/v1/contacts/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("displayName", equalTo("Countess of Lovelace"))
                .body("notes", nullValue())
                .body("strength", equalTo(0.0f))
                .body("version", equalTo(1))
                .header("ETag", "\"1\"");
    }

    @Test
    void mergePatchChangesOnlyWhatItNamesAndNullClears() {
        String id = createContact(ada());
        api().contentType("application/merge-patch+json")
                .body("{\"company\":\"Difference Engines\",\"notes\":null}")
                .patch("/api/v1/contacts/" + id)
                .then()
                .statusCode(200)
                .body("company", equalTo("Difference Engines"))
                .body("notes", nullValue())
                .body("displayName", equalTo("Ada Lovelace"))
                .body("emails", equalTo(List.of("Ada@Example.org")));
        api().body("{\"displayName\":\"Ada L.\"}")
                .patch("/api/v1/contacts/" + id)
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Ada L."));
    }

    @Test
    void patchIsValidatedAfterMerging() {
        String id = createContact(ada());
        api().contentType("application/merge-patch+json")
                .body("{\"displayName\":null}")
                .patch("/api/v1/contacts/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("displayName"));
        api().contentType("application/merge-patch+json")
                .body("{\"cadenceDays\":\"soon\"}")
                .patch("/api/v1/contacts/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cadenceDays"));
        api().contentType("application/merge-patch+json")
                .body("[1,2]")
                .patch("/api/v1/contacts/" + id)
                .then()
                .statusCode(400);
    }

    @Test
    void ifMatchIsEnforcedOnPutPatchAndDelete() {
        String id = createContact(ada());
        api().header("If-Match", "\"7\"")
                .body(ada())
                .put("/api/v1/contacts/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412));
        api().header("If-Match", "\"7\"")
                .body("{\"company\":\"X\"}")
                .patch("/api/v1/contacts/" + id)
                .then()
                .statusCode(412);
        api().header("If-Match", "\"7\"")
                .delete("/api/v1/contacts/" + id)
                .then()
                .statusCode(412);
        api().header("If-Match", "\"0\"")
                .body("{\"company\":\"X\"}")
                .patch("/api/v1/contacts/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        api().header("If-Match", "\"1\"")
                .delete("/api/v1/contacts/" + id)
                .then()
                .statusCode(204);
        api().get("/api/v1/contacts/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void validationFailuresName400Fields() {
        api().body("{}")
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threshold.dev/problems/validation"))
                .body("title", notNullValue())
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("instance", equalTo("/api/v1/contacts"))
                .body("errors.field", hasItem("displayName"));
        api().body(Map.of("displayName", "x".repeat(201)))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("displayName"));
        api().body(Map.of("displayName", "   "))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("displayName"));
        api().body(Map.of("displayName", "A", "notes", "n".repeat(10_001)))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("notes"));
        api().body(Map.of("displayName", "A", "emails", List.of("not-an-email")))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("emails[0]"));
        api().body(Map.of("displayName", "A", "connectedOn", "15 March"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("connectedOn"));
        api().body(Map.of("displayName", "A", "cadenceDays", 0))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cadenceDays"));
        api().body(Map.of("displayName", "A", "tags", "not-a-list"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tags"));
        api().body(Map.of("displayName", List.of("array")))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("displayName"));
        api().body("{\"displayName\": \"A\"")
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        api().body("[]").post("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json");
        api().body("null").post("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json");
        api().body(Map.of("displayName", "A\u0000B"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("displayName"));
    }

    @Test
    void oddInputNeverYields5xx() {
        api().body(Map.of("displayName", "Ünïcødé 👩‍💻 名字", "notes", "'; DROP TABLE contacts; --"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .body("displayName", equalTo("Ünïcødé 👩‍💻 名字"));
        api().body(Map.of("displayName", "x".repeat(5_000_000)))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400);
        api().contentType(ContentType.TEXT)
                .body("hello")
                .post("/api/v1/contacts")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        api().body("{\"displayName\": NaN}").post("/api/v1/contacts").then().statusCode(400);
        api().body("{\"displayName\": \"A\", \"cadenceDays\": 99999999999}")
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cadenceDays"));
        api().body("{\"displayName\": \"A\", \"profiles\": {\"x\": \"@a\", \"bad\": 5}}")
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);
        api().body("{\"displayName\": \"A\", \"profiles\": [1]}")
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("profiles"));
        api().get("/api/v1/contacts/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        api().get("/api/v1/contacts?limit=abc").then().statusCode(400).body("errors.field", hasItem("limit"));
        api().get("/api/v1/contacts?limit=0").then().statusCode(400).body("errors.field", hasItem("limit"));
        api().get("/api/v1/contacts?limit=201").then().statusCode(400).body("errors.field", hasItem("limit"));
        api().get("/api/v1/contacts?cursor=%%%").then().statusCode(400).body("errors.field", hasItem("cursor"));
        api().get("/api/v1/contacts?sort=bogus").then().statusCode(400).body("errors.field", hasItem("sort"));
        api().get("/api/v1/contacts?tier=GODLIKE").then().statusCode(400).body("errors.field", hasItem("tier"));
        api().get("/api/v1/contacts?q=%27%3B%20select").then().statusCode(200);
    }

    @Test
    void bodyOverTheLimitIs413Problem() throws Exception {
        var raw = RawHttp.postHead("/api/v1/contacts", TestTokens.forOwner(owner), 11L * 1024 * 1024);
        Assertions.assertTrue(raw.startsWith("HTTP/1.1 413"), raw);
        Assertions.assertTrue(raw.toLowerCase().contains("application/problem+json"), raw);
    }

    @Test
    void searchTagAndPaging() {
        createContact(Map.of("displayName", "Grace Hopper", "company", "Navy", "tags", List.of("cobol")));
        createContact(Map.of("displayName", "Alan Turing", "emails", List.of("alan@bletchley.example")));
        createContact(Map.of("displayName", "Barbara Liskov", "tags", List.of("cobol", "mit")));
        createContact(Map.of("displayName", "alice Ng", "lastName", "Ng"));
        api().get("/api/v1/contacts?q=NAVY")
                .then()
                .statusCode(200)
                .body("items.displayName", equalTo(List.of("Grace Hopper")));
        api().get("/api/v1/contacts?q=bletchley").then().body("items.displayName", equalTo(List.of("Alan Turing")));
        api().get("/api/v1/contacts?q=%25").then().body("items", hasSize(0));
        api().get("/api/v1/contacts?tag=cobol")
                .then()
                .body("items.displayName", containsInAnyOrder("Grace Hopper", "Barbara Liskov"));
        var first = api().get("/api/v1/contacts?limit=3")
                .then()
                .statusCode(200)
                .body("items.displayName", equalTo(List.of("Alan Turing", "alice Ng", "Barbara Liskov")))
                .body("nextCursor", notNullValue())
                .extract();
        String cursor = first.path("nextCursor");
        // an insert before the cursor does not shift the next page
        createContact("Aaron Swartz");
        api().get("/api/v1/contacts?limit=3&cursor=" + cursor)
                .then()
                .statusCode(200)
                .body("items.displayName", equalTo(List.of("Grace Hopper")))
                .body("nextCursor", nullValue());
        api().get("/api/v1/contacts?sort=strength&cursor=" + cursor)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void pagingWalksEveryContactOnceInEachOrdering() {
        for (int i = 0; i < 7; i++) {
            createContact("Person " + i);
        }
        for (String sort : List.of("displayName", "strength", "lastInteractionAt")) {
            Set<String> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                var req = api().queryParam("limit", 2).queryParam("sort", sort);
                if (cursor != null) {
                    req.queryParam("cursor", cursor);
                }
                var res = req.get("/api/v1/contacts").then().statusCode(200).extract();
                List<String> ids = res.path("items.id");
                for (String id : ids) {
                    Assertions.assertTrue(seen.add(id), "duplicate " + id + " in " + sort);
                }
                cursor = res.path("nextCursor");
                pages++;
            } while (cursor != null);
            Assertions.assertEquals(7, seen.size(), sort);
            Assertions.assertEquals(4, pages, sort);
        }
    }

    @Test
    void ownersNeverSeeEachOther() {
        String id = createContact(ada());
        String stranger = TestTokens.newOwner();
        as(stranger).get("/api/v1/contacts/" + id).then().statusCode(404);
        as(stranger).body(ada()).put("/api/v1/contacts/" + id).then().statusCode(404);
        as(stranger).body("{}").patch("/api/v1/contacts/" + id).then().statusCode(404);
        as(stranger).delete("/api/v1/contacts/" + id).then().statusCode(404);
        as(stranger).get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(0));
        as(stranger).get("/api/v1/contacts?q=Ada").then().body("items", hasSize(0));
        api().get("/api/v1/contacts/" + id).then().statusCode(200);
    }

    @Test
    void deletingAContactDeletesItsInteractions() {
        String id = createContact(ada());
        String interaction = api().body(Map.of("type", "CALL", "direction", "MUTUAL"))
                .post("/api/v1/contacts/" + id + "/interactions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        api().delete("/api/v1/contacts/" + id).then().statusCode(204);
        api().get("/api/v1/interactions/" + interaction).then().statusCode(404);
        api().get("/api/v1/contacts/" + id + "/interactions").then().statusCode(404);
        api().get("/api/v1/interactions").then().body("items", hasSize(0));
    }
}
