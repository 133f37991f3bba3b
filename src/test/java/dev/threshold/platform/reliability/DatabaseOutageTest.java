package dev.threshold.platform.reliability;

import dev.threshold.support.ApiTest;
import dev.threshold.support.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * PostgreSQL stopped under load and started again, without restarting the service: every request answers
 * within seconds, nothing but 503 (with Retry-After) while the database is away, readiness DOWN meanwhile,
 * and requests succeed again by themselves once it is back. Runs in its own application (and database).
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.Outage.class)
class DatabaseOutageTest extends ApiTest {

    /** Its own application and embedded PostgreSQL, with the production pool and timeout settings. */
    public static class Outage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("threshold.outage-test", "true");
        }
    }

    record Sample(long at, int status, long millis, String problemType, String retryAfter) {}

    @Test
    void survivesAndRecoversFromADatabaseOutage() throws Exception {
        Assumptions.assumeTrue(
                System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null,
                "needs the embedded PostgreSQL, which the test can stop and start");
        String contact = createContact("Outage survivor");
        RestAssuredConfig timeouts = RestAssured.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 30_000)
                        .setParam("http.connection.timeout", 5_000));
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                for (int i = 0; running.get() && i < 100_000; i++) {
                    long start = System.nanoTime();
                    var spec = api().config(timeouts);
                    var response =
                            switch ((worker + i) % 4) {
                                case 0 -> spec.get("/api/v1/contacts/" + contact);
                                case 1 -> spec.header(
                                                "Idempotency-Key",
                                                UUID.randomUUID().toString())
                                        .body(Map.of("type", "LIKE", "direction", "INBOUND"))
                                        .post("/api/v1/contacts/" + contact + "/interactions");
                                case 2 -> spec.get("/api/v1/scores");
                                default -> spec.body(Map.of("displayName", "Load " + worker + "-" + i))
                                        .post("/api/v1/contacts");
                            };
                    String type =
                            response.statusCode() >= 400 ? response.jsonPath().getString("type") : null;
                    samples.add(new Sample(
                            System.nanoTime(),
                            response.statusCode(),
                            (System.nanoTime() - start) / 1_000_000,
                            type,
                            response.header("Retry-After")));
                    sleep(20);
                }
                return null;
            }));
        }
        sleep(3_000);
        long stopped = System.nanoTime();
        PostgresResource.stopServer();
        long readyDown = waitFor(
                () -> RestAssured.given()
                                .config(timeouts)
                                .get("/q/health/ready")
                                .statusCode()
                        == 503,
                30_000);
        sleep(8_000);
        Assertions.assertEquals(
                503,
                RestAssured.given().config(timeouts).get("/q/health/ready").statusCode(),
                "readiness stays DOWN while the database is away");
        long started = System.nanoTime();
        PostgresResource.startServer();
        long firstSuccess = waitFor(
                () -> api().config(timeouts).get("/api/v1/contacts/" + contact).statusCode() == 200, 60_000);
        long readyUp = waitFor(
                () -> RestAssured.given()
                                .config(timeouts)
                                .get("/q/health/ready")
                                .statusCode()
                        == 200,
                60_000);
        sleep(3_000);
        running.set(false);
        for (Future<?> f : workers) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Map<Integer, Integer> duringOutage = new TreeMap<>();
        Map<Integer, Integer> all = new TreeMap<>();
        long maxMillis = 0;
        int successAfterRecovery = 0;
        for (Sample s : samples) {
            all.merge(s.status(), 1, Integer::sum);
            if (s.at() > stopped && s.at() < started) {
                duringOutage.merge(s.status(), 1, Integer::sum);
            }
            if (s.at() > firstSuccess && s.status() / 100 == 2) {
                successAfterRecovery++;
            }
            maxMillis = Math.max(maxMillis, s.millis());
            if (s.status() >= 500) {
                Assertions.assertEquals(503, s.status(), "only 503 while the database is away: " + s);
                Assertions.assertEquals(
                        "https://threshold.dev/problems/service-unavailable", s.problemType(), s.toString());
                Assertions.assertNotNull(s.retryAfter(), "503 carries Retry-After: " + s);
            }
        }
        String figures = String.format(
                "requests %d, statuses %s; during the outage %s; slowest answer %d ms;%n"
                        + "readiness DOWN %.1f s after the stop; first success %.1f s after the restart; readiness UP %.1f s after the restart",
                samples.size(),
                all,
                duringOutage,
                maxMillis,
                (readyDown - stopped) / 1e9,
                (firstSuccess - started) / 1e9,
                (readyUp - started) / 1e9);
        System.out.println("Database outage figures: " + figures);
        Files.writeString(Path.of("target", "outage-figures.txt"), figures + System.lineSeparator());
        Assertions.assertTrue(duringOutage.getOrDefault(503, 0) > 0, "the load saw the outage: " + duringOutage);
        Assertions.assertTrue(maxMillis < 15_000, "no request hangs: slowest " + maxMillis + " ms");
        Assertions.assertTrue((firstSuccess - started) / 1e9 < 30, "recovers by itself within 30 s");
        Assertions.assertTrue(successAfterRecovery > 0, "the load succeeds again after the restart");
    }

    private static long waitFor(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return System.nanoTime();
                }
            } catch (RuntimeException e) {
                // a refused or timed-out probe: try again
            }
            sleep(100);
        }
        throw new AssertionError("condition not met within " + timeoutMillis + " ms");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
