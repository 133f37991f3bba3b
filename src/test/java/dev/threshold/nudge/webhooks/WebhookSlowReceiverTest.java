package dev.threshold.nudge.webhooks;

import com.sun.net.httpserver.HttpServer;
import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A receiver that answers a byte at a time, never finishing, never idle long enough for the idle timeout: the worker
 * gives each attempt the timeout to answer from its send, closes the connection then, and waits for a round once, not
 * once per delivery (other owners' deliveries wait behind a round). A timeout of 2 s, in its own application (before, five such answers held a round 21 s at a timeout of 1 s).
 */
@QuarkusTest
@TestProfile(WebhookSlowReceiverTest.TwoSeconds.class)
class WebhookSlowReceiverTest extends ApiTest {

    public static class TwoSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("threshold.webhooks.timeout", "PT2S");
        }
    }

    private static final int SLOW = 5;

    @Inject
    DeliveryWorker worker;

    @AfterEach
    void resume() {
        worker.pause(false);
        for (String id :
                api().get("/api/v1/webhooks").then().extract().jsonPath().getList("items.id", String.class)) {
            api().delete("/api/v1/webhooks/" + id);
        }
    }

    @Test
    void aDripFeedingReceiverIsCutOffAtTheTimeoutAndHoldsARoundOnce() throws Exception {
        worker.pause(true);
        CountDownLatch cut = new CountDownLatch(SLOW);
        HttpServer drip = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        drip.setExecutor(Executors.newFixedThreadPool(SLOW + 2));
        drip.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.sendResponseHeaders(200, 0); // chunked, and never ended
            OutputStream out = exchange.getResponseBody();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            try {
                while (System.nanoTime() < until) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException e) {
                cut.countDown(); // the worker closed the connection
            }
        });
        drip.start();
        try (Receiver healthy = new Receiver()) {
            String slowHook = subscribe("http://127.0.0.1:" + drip.getAddress().getPort() + "/hook");
            String healthyHook = subscribe(healthy.url());
            for (int i = 0; i < SLOW; i++) {
                record(createContact("Slow " + i), "MEETING", "MUTUAL", Instant.now(), null);
            }

            long started = System.nanoTime();
            worker.drain(Instant.now()); // one round: 5 to the slow endpoint, 5 to the healthy one
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(
                    took.compareTo(Duration.ofSeconds(6)) < 0,
                    "a round waits for the slowest answer once (at most 2 × timeout + 1 s), not once per delivery: "
                            + took);
            assertTrue(cut.await(5, TimeUnit.SECONDS), "every slow answer's connection was closed: " + cut.getCount());
            api().get("/api/v1/webhooks/" + healthyHook + "/deliveries")
                    .then()
                    .body("items", hasSize(SLOW))
                    .body("items.status", everyItem(equalTo("DELIVERED")));
            api().get("/api/v1/webhooks/" + slowHook + "/deliveries")
                    .then()
                    .body("items", hasSize(SLOW))
                    .body("items.status", everyItem(equalTo("PENDING")))
                    .body("items.responseCode", everyItem(equalTo(null)))
                    .body("items.lastError", everyItem(startsWith("no answer")));
        } finally {
            drip.stop(0);
        }
    }

    private String subscribe(String url) {
        return api().body(Map.of("url", url, "events", List.of("contact.tier_changed")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
