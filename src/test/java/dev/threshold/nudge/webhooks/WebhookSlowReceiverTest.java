package dev.threshold.nudge.webhooks;

import com.sun.net.httpserver.HttpServer;
import dev.threshold.platform.persistence.Jdbc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A receiver that answers a byte at a time, never finishing, never idle long enough for the idle timeout: the worker
 * gives each attempt the timeout to answer from its send, closes the connection then, and waits for a round once, not
 * once per delivery (other owners' deliveries wait behind a round). A timeout of 2 s, in its own application (before, five such answers held a round 21 s at a timeout of 1 s).
 */
@QuarkusTest
@TestProfile(WebhookSlowReceiverTest.TwoSeconds.class)
class WebhookSlowReceiverTest extends WebhookTest {

    public static class TwoSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // retries fall due after the test: a drain is one round
            return Map.of("threshold.webhooks.timeout", "PT2S", "threshold.webhooks.first-retry", "PT1M");
        }
    }

    private static final int SLOW = 5;

    @Inject
    Jdbc jdbc;

    @Test
    void aDripFeedingReceiverIsCutOffAtTheTimeoutAndHoldsARoundOnce() throws Exception {
        worker.pause(true);
        CountDownLatch cut = new CountDownLatch(SLOW);
        HttpServer drip = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService dripping = Executors.newFixedThreadPool(SLOW + 2);
        drip.setExecutor(dripping);
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
                    "a round waits for the slowest answer once (it is cut off after the timeout), not once per delivery: "
                            + took);
            assertTrue(cut.await(5, TimeUnit.SECONDS), "every slow answer's connection was closed: " + cut.getCount());
            deliveries(healthyHook).body("items", hasSize(SLOW)).body("items.status", everyItem(equalTo("DELIVERED")));
            deliveries(slowHook)
                    .body("items", hasSize(SLOW))
                    .body("items.status", everyItem(equalTo("PENDING")))
                    .body("items.responseCode", everyItem(equalTo(null)))
                    .body("items.lastError", everyItem(startsWith("no answer")));
        } finally {
            drip.stop(0);
            dripping.shutdownNow();
        }
    }

    /**
     * Host names whose lookup takes 15 s (a DNS server that does not answer): they are looked up at once, each on a
     * lookup thread, so the round still ends within its time and the healthy endpoint's delivery goes out; each name
     * is looked up once however many deliveries and rounds want it meanwhile (a name that does not answer holds one
     * lookup thread, not one per round); a lookup that ends late sends nothing.
     */
    @Test
    void slowLookupsHoldNeitherTheRoundNorTheOtherEndpoints() throws Exception {
        worker.pause(true);
        Map<String, Integer> lookedUp = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch answered = new CountDownLatch(SLOW);
        worker.resolver(host -> {
            lookedUp.merge(host, 1, Integer::sum);
            if (host.endsWith(".slow.test")) {
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answered.countDown();
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }
            return InetAddress.getAllByName(host);
        });
        try (Receiver healthy = new Receiver()) {
            String healthyHook = subscribe(healthy.url());
            List<String> slowHooks = new java.util.ArrayList<>();
            for (int i = 0; i < SLOW; i++) {
                // accepted at creation, slow to look up since (the DNS changed)
                String hook = subscribe(healthy.url());
                String url = "http://h" + i + ".slow.test:" + healthy.url().split(":")[2];
                jdbc.update("UPDATE webhooks SET url = ? WHERE owner_id = ? AND id = ?", ps -> {
                    ps.setString(1, url);
                    ps.setString(2, owner);
                    ps.setObject(3, java.util.UUID.fromString(hook));
                });
                slowHooks.add(hook);
            }
            for (int i = 0; i < 2; i++) {
                record(createContact("Looked up " + i), "MEETING", "MUTUAL", Instant.now(), null);
            }

            long started = System.nanoTime();
            worker.drain(Instant.now()); // one round: 2 deliveries to each of 6 endpoints
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(
                    took.compareTo(Duration.ofSeconds(12)) < 0,
                    "the round waits once, 3 × timeout + 1 s (each lookup in turn: 12 × 15 s): " + took);
            deliveries(healthyHook).body("items", hasSize(2)).body("items.status", everyItem(equalTo("DELIVERED")));
            for (String hook : slowHooks) {
                deliveries(hook)
                        .body("items", hasSize(2))
                        .body("items.status", everyItem(equalTo("PENDING")))
                        .body("items.lastError", everyItem(startsWith("no answer")));
            }

            // a second round, the retries due, while the first round's lookups still hang: they are not started again
            record(createContact("Looked up later"), "MEETING", "MUTUAL", Instant.now(), null);
            worker.drain(Instant.now().plus(Duration.ofMinutes(2)));
            deliveries(healthyHook).body("items", hasSize(3)).body("items.status", everyItem(equalTo("DELIVERED")));
            for (String hook : slowHooks) {
                deliveries(hook)
                        .body("items.attempts", equalTo(List.of(1, 2, 2))) // newest first: all tried in round 2
                        .body("items.lastError", everyItem(startsWith("no answer")));
            }
            for (int i = 0; i < SLOW; i++) {
                assertEquals(1, lookedUp.get("h" + i + ".slow.test"), "looked up once in two rounds");
            }
            assertTrue(answered.await(30, TimeUnit.SECONDS), "the slow lookups end");
            Thread.sleep(1_000); // they ended too late: nothing is sent (anything sent would reach the receiver now)
            assertEquals(3, healthy.all.size(), "only the healthy endpoint's three deliveries reached the receiver");
        }
    }

    private String subscribe(String url) {
        return subscribe(url, "contact.tier_changed").get("id");
    }
}
