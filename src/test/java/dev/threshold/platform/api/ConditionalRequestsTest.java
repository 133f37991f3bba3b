package dev.threshold.platform.api;

import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** ETag and If-Match on every updatable resource: 412 on a stale tag, 409 (never a 5xx) on a concurrent write. */
@QuarkusTest
class ConditionalRequestsTest extends ApiTest {

    @Test
    void actionsHonourIfMatchOnPutPatchAndDelete() {
        Response created =
                api().body(Map.of("name", "Ask for a quote", "threshold", 30)).post("/api/v1/actions");
        String id = created.then().statusCode(201).extract().path("id");
        String etag = created.header("ETag");
        api().get("/api/v1/actions/" + id).then().statusCode(200).header("ETag", etag);
        Map<String, Object> replacement = Map.of("name", "Ask for a quote", "threshold", 35);
        api().header("If-Match", "\"999\"")
                .body(replacement)
                .put("/api/v1/actions/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threshold.dev/problems/precondition-failed"));
        api().header("If-Match", "\"999\"")
                .contentType("application/merge-patch+json")
                .body("{\"threshold\": 36}")
                .patch("/api/v1/actions/" + id)
                .then()
                .statusCode(412);
        String next = api().header("If-Match", etag)
                .body(replacement)
                .put("/api/v1/actions/" + id)
                .then()
                .statusCode(200)
                .header("ETag", not(etag))
                .extract()
                .header("ETag");
        api().header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body("{\"threshold\": 36}")
                .patch("/api/v1/actions/" + id)
                .then()
                .statusCode(412);
        String third = api().header("If-Match", next)
                .contentType("application/merge-patch+json")
                .body("{\"threshold\": 36}")
                .patch("/api/v1/actions/" + id)
                .then()
                .statusCode(200)
                .body("threshold", equalTo(36.0f))
                .extract()
                .header("ETag");
        api().header("If-Match", next).delete("/api/v1/actions/" + id).then().statusCode(412);
        // If-Match compares strongly (RFC 9110): a weak tag fails even with the current version's value
        api().header("If-Match", "W/" + third)
                .delete("/api/v1/actions/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threshold.dev/problems/precondition-failed"));
        api().header("If-Match", "W/" + third + ", " + third)
                .delete("/api/v1/actions/" + id)
                .then()
                .statusCode(204);
    }

    @Test
    void settingsHonourIfMatch() {
        String etag = api().get("/api/v1/settings/scoring")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Map<String, Object> body = Map.of("halfLifeDays", 60);
        api().header("If-Match", "\"12345\"")
                .body(body)
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(412);
        String next = api().header("If-Match", etag)
                .body(body)
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(200)
                .body("halfLifeDays", equalTo(60.0f))
                .header("ETag", not(etag))
                .extract()
                .header("ETag");
        api().header("If-Match", etag)
                .body(body)
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(412);
        api().header("If-Match", "*")
                .body(Map.of("halfLifeDays", 90))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(200);
        api().get("/api/v1/settings/scoring").then().header("ETag", not(next));
    }

    @Test
    void concurrentConditionalWritesLetExactlyOneWin() throws Exception {
        String contact = createContact("Contested");
        String etag = api().get("/api/v1/contacts/" + contact).then().extract().header("ETag");
        String action = api().body(Map.of("name", "Contested action", "threshold", 10))
                .post("/api/v1/actions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String actionTag =
                api().get("/api/v1/actions/" + action).then().extract().header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> contactWrites = new ArrayList<>();
        List<Future<Integer>> actionWrites = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            contactWrites.add(pool.submit(() -> api().header("If-Match", etag)
                    .contentType("application/merge-patch+json")
                    .body("{\"company\": \"Writer " + n + "\"}")
                    .patch("/api/v1/contacts/" + contact)
                    .statusCode()));
            actionWrites.add(pool.submit(() -> api().header("If-Match", actionTag)
                    .body(Map.of("name", "Writer " + n, "threshold", n))
                    .put("/api/v1/actions/" + action)
                    .statusCode()));
        }
        for (List<Future<Integer>> writes : List.of(contactWrites, actionWrites)) {
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Future<Integer> f : writes) {
                statuses.merge(f.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            Assertions.assertEquals(1, statuses.getOrDefault(200, 0), "exactly one writer wins: " + statuses);
            statuses.remove(200);
            Assertions.assertTrue(
                    statuses.keySet().stream().allMatch(s -> s == 412 || s == 409), "losers: " + statuses);
        }
        pool.shutdown();
    }
}
