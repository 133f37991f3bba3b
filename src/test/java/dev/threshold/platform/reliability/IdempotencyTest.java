package dev.threshold.platform.reliability;

import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Idempotency-Key on POST: a retry replays the first response and writes nothing. */
@QuarkusTest
class IdempotencyTest extends ApiTest {

    @jakarta.inject.Inject
    IdempotencyPurge purge;

    @jakarta.inject.Inject
    AgroalDataSource dataSource;

    @Test
    void expiredKeysAreNeitherReplayedNorKept() throws Exception {
        String key = "expiring-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("displayName", "Expiring key");
        String first = api().header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        sql("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE idem_key = '" + key + "'");
        String second = api().header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", (String) null)
                .extract()
                .path("id");
        Assertions.assertNotEquals(first, second, "an expired key runs the request again");
        String other = "swept-" + UUID.randomUUID();
        as(TestTokens.newOwner())
                .header("Idempotency-Key", other)
                .body(body)
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);
        sql("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE idem_key = '" + other + "'");
        Assertions.assertTrue(purge.purge() >= 1);
        try (var c = dataSource.getConnection();
                var rs = c.createStatement()
                        .executeQuery("SELECT count(*) FROM idempotency_keys WHERE idem_key = '" + other + "'")) {
            rs.next();
            Assertions.assertEquals(0, rs.getInt(1));
        }
    }

    private void sql(String statement) throws Exception {
        try (var c = dataSource.getConnection();
                var st = c.createStatement()) {
            Assertions.assertEquals(1, st.executeUpdate(statement));
        }
    }

    @Test
    void retryReplaysTheFirstResponseAndWritesOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("displayName", "Grace Hopper", "emails", List.of("grace@example.org"));
        Response first = api().header("Idempotency-Key", key).body(body).post("/api/v1/contacts");
        first.then().statusCode(201);
        for (int i = 0; i < 3; i++) {
            Response retry = api().header("Idempotency-Key", key).body(body).post("/api/v1/contacts");
            retry.then()
                    .statusCode(201)
                    .header("Idempotent-Replayed", "true")
                    .header("Location", first.header("Location"))
                    .header("ETag", first.header("ETag"))
                    .contentType(startsWith("application/json"));
            Assertions.assertEquals(first.asString(), retry.asString());
        }
        Assertions.assertEquals(
                1,
                api().get("/api/v1/contacts?q=Grace Hopper")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size());
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndWritesNothing() {
        String key = "key-" + UUID.randomUUID();
        api().header("Idempotency-Key", key)
                .body(Map.of("displayName", "First"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);
        api().header("Idempotency-Key", key)
                .body(Map.of("displayName", "Second"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threshold.dev/problems/idempotency-key-reused"));
        Assertions.assertEquals(
                0,
                api().get("/api/v1/contacts?q=Second")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size());
        // same body on another path is another request too
        api().header("Idempotency-Key", key)
                .body(Map.of("name", "First", "threshold", 10))
                .post("/api/v1/actions")
                .then()
                .statusCode(422);
    }

    @Test
    void keysBelongToTheirOwner() {
        String key = "shared-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("displayName", "Same body");
        String mine = api().header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String other = TestTokens.newOwner();
        String theirs = as(other)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", (String) null)
                .extract()
                .path("id");
        Assertions.assertNotEquals(mine, theirs);
    }

    @Test
    void malformedKeysAre400() {
        api().header("Idempotency-Key", "x".repeat(256))
                .body(Map.of("displayName", "Long key"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        api().header("Idempotency-Key", "tab\there")
                .body(Map.of("displayName", "Tab key"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400);
        api().header("Idempotency-Key", "é-unicode")
                .body(Map.of("displayName", "Unicode key"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(400);
        Assertions.assertEquals(
                0,
                api().get("/api/v1/contacts?q= key")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size());
    }

    @Test
    void failedRequestsAreNotStoredAndMayBeRetried() {
        String key = "retry-" + UUID.randomUUID();
        String contact = createContact("Retry target");
        Map<String, Object> bad = Map.of("type", "NOPE", "direction", "MUTUAL");
        api().header("Idempotency-Key", key)
                .body(bad)
                .post("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(400);
        api().header("Idempotency-Key", key)
                .body(bad)
                .post("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(400)
                .header("Idempotent-Replayed", (String) null);
        // a rolled-back error does not pin the key: the corrected request (another body) runs
        api().header("Idempotency-Key", key)
                .body(Map.of("type", "CALL", "direction", "MUTUAL"))
                .post("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(201);
    }

    @Test
    void everyPostEndpointHonoursTheKey() {
        String contact = createContact("Batch target");
        Map<String, Object> interaction = Map.of("type", "MEETING", "direction", "MUTUAL");
        List<Map<String, Object>> batch = List.of(
                Map.of("contactId", contact, "type", "LIKE", "direction", "INBOUND"),
                Map.of("contactId", contact, "type", "SHARE", "direction", "OUTBOUND"));
        String k1 = UUID.randomUUID().toString();
        String k2 = UUID.randomUUID().toString();
        String k3 = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            api().header("Idempotency-Key", k1)
                    .body(interaction)
                    .post("/api/v1/contacts/" + contact + "/interactions")
                    .then()
                    .statusCode(201);
            api().header("Idempotency-Key", k2)
                    .body(batch)
                    .post("/api/v1/interactions/batch")
                    .then()
                    .statusCode(201);
            api().header("Idempotency-Key", k3)
                    .body(Map.of("name", "Ask to co-author", "threshold", 70))
                    .post("/api/v1/actions")
                    .then()
                    .statusCode(201);
        }
        Assertions.assertEquals(
                3,
                api().get("/api/v1/interactions?contactId=" + contact)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size());
        Assertions.assertEquals(
                1,
                api().get("/api/v1/actions").then().extract().jsonPath().getList("items.name").stream()
                        .filter("Ask to co-author"::equals)
                        .count());
    }

    @Test
    void concurrentDuplicatesWriteOnce() throws Exception {
        String contact = createContact("Concurrent target");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            batch.add(Map.of("contactId", contact, "type", "COMMENT", "direction", "INBOUND", "note", "n" + i));
        }
        String key = "dup-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Callable<Response> call =
                    () -> api().header("Idempotency-Key", key).body(batch).post("/api/v1/interactions/batch");
            futures.add(pool.submit(call));
        }
        Set<Integer> statuses = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (Future<Response> f : futures) {
            Response r = f.get(60, TimeUnit.SECONDS);
            statuses.add(r.statusCode());
            if (r.statusCode() == 201) {
                bodies.add(r.asString());
            } else {
                Assertions.assertEquals(409, r.statusCode(), r.asString());
                Assertions.assertEquals(
                        "https://threshold.dev/problems/idempotency-in-flight",
                        r.jsonPath().getString("type"));
            }
        }
        pool.shutdown();
        Assertions.assertTrue(statuses.contains(201), "statuses " + statuses);
        Assertions.assertEquals(1, bodies.size(), "every 201 is the same response");
        Assertions.assertEquals(400, countInteractions(contact), "the batch was written once");
    }

    private int countInteractions(String contact) {
        int total = 0;
        String cursor = null;
        do {
            var page = api().get("/api/v1/interactions?limit=200&contactId=" + contact
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            total += page.getList("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return total;
    }
}
