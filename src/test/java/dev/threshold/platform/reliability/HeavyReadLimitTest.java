package dev.threshold.platform.reliability;

import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class HeavyReadLimitTest extends ApiTest {

    @Inject
    HeavyReads heavyReads;

    @Test
    void theSummaryAndTheRecommendationsWaitForATurnWhilePointReadsDoNot() throws Exception {
        String contact = createContact("Point read");
        Bulkhead bulkhead = heavyReads.bulkhead();
        int permits = bulkhead.available();
        CountDownLatch taken = new CountDownLatch(permits);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(permits + 2);
        try {
            List<Future<?>> holders = new ArrayList<>();
            for (int i = 0; i < permits; i++) { // every turn taken, as by long-running summaries
                holders.add(pool.submit(() -> bulkhead.call(() -> {
                    taken.countDown();
                    return release.await(60, TimeUnit.SECONDS);
                })));
            }
            Assertions.assertTrue(taken.await(10, TimeUnit.SECONDS));
            Future<Response> summary = pool.submit(() -> api().get("/api/v1/network/summary"));
            Future<Response> recommendations = pool.submit(() -> api().get("/api/v1/network/recommendations"));
            // meanwhile a point read and a write are served at once
            api().get("/api/v1/contacts/" + contact + "/score").then().statusCode(200);
            api().body(interaction("CALL", "MUTUAL", Instant.now().minusSeconds(60), null))
                    .post("/api/v1/contacts/" + contact + "/interactions")
                    .then()
                    .statusCode(201);
            for (var waited : List.of(summary, recommendations)) {
                waited.get(30, TimeUnit.SECONDS)
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://threshold.dev/problems/service-unavailable"))
                        .header("Retry-After", notNullValue());
            }
            release.countDown();
            for (Future<?> holder : holders) {
                holder.get(10, TimeUnit.SECONDS);
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        Assertions.assertEquals(permits, bulkhead.available());
        api().get("/api/v1/network/summary").then().statusCode(200).body("contacts", equalTo(1));
        api().get("/api/v1/network/recommendations").then().statusCode(200);
    }
}
