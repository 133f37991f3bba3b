package dev.threshold.nudge.webhooks;

import dev.threshold.nudge.events.DecaySweep;
import dev.threshold.nudge.events.NudgeEvent;
import dev.threshold.nudge.events.Outbox;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures of docs/benchmarks.md ("Webhooks"), run by {@code bench/webhooks.sh} (not part of the test suite):
 * deliveries per second to a local receiver, the decay sweep at 100,000 contacts with 0, 100 and 10,000 due, its
 * claim's plan, and the write path with and without a subscribed endpoint.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "webhooks.bench", matches = "true")
class WebhookBenchmark extends ApiTest {

    @Inject
    DeliveryWorker worker;

    @Inject
    DecaySweep sweep;

    @Inject
    Outbox outbox;

    @Inject
    Jdbc jdbc;

    @Test
    void deliveriesPerSecond() throws Exception {
        worker.pause(true);
        try (Receiver receiver = new Receiver()) {
            api().body(Map.of("url", receiver.url(), "events", List.of("contact.tier_changed")))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(201);
            for (int round = 0; round < 2; round++) { // the first round warms the JIT and the connection pool
                int n = 5_000;
                List<NudgeEvent> events = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    events.add(new NudgeEvent(
                            NudgeEvent.TIER_CHANGED, UUID.randomUUID(), Map.of("n", i, "from", "STRANGER")));
                }
                QuarkusTransaction.requiringNew().run(() -> outbox.raise(owner, events, Instant.now()));
                jdbc.update("ANALYZE webhook_deliveries", ps -> {}); // as autovacuum does after such a burst
                receiver.all.clear();
                long start = System.nanoTime();
                int attempts = worker.drain(Instant.now());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        "BENCH deliveries round %d: %d attempts (%d received) in %.2f s = %.0f deliveries/s%n",
                        round, attempts, receiver.all.size(), seconds, receiver.all.size() / seconds);
                assertTrue(
                        receiver.all.size() >= n); // leftovers of earlier runs in the kept test database may add some
            }
        } finally {
            worker.pause(false);
        }
    }

    @Test
    void sweepAt100kContacts() {
        String bench = TestTokens.newOwner();
        Instant now = Instant.now();
        // 100,000 scored contacts whose next crossing is 1 to 365 days ahead
        for (int from = 1; from <= 100_000; from += 10_000) { // in slices: each under the statement timeout
            int first = from;
            jdbc.update(
                    "INSERT INTO contacts (owner_id, id, display_name, created_at, updated_at, version, score_key,"
                            + " interaction_count)"
                            + " SELECT ?, gen_random_uuid(), 'Bench ' || g, now(), now(), 0,"
                            + "   log(2.0, 12.0) + extract(epoch FROM now()) / 86400.0 / 90.0, 1"
                            + " FROM generate_series(?, ?) g",
                    ps -> {
                        ps.setString(1, bench);
                        ps.setInt(2, first);
                        ps.setInt(3, first + 9_999);
                    });
        }
        jdbc.update(
                "INSERT INTO nudge_watch (owner_id, contact_id, checked_key, checked_at, next_at)"
                        + " SELECT owner_id, id, score_key, now(), now() + (1 + random() * 364) * interval '1 day'"
                        + " FROM contacts WHERE owner_id = ?",
                ps -> ps.setString(1, bench));
        jdbc.update("ANALYZE nudge_watch", ps -> {});
        jdbc.update("ANALYZE contacts", ps -> {});
        for (int due : new int[] {0, 100, 10_000}) {
            if (due > 0) {
                jdbc.update(
                        "UPDATE nudge_watch SET next_at = ? WHERE owner_id = ? AND contact_id IN"
                                + " (SELECT contact_id FROM nudge_watch WHERE owner_id = ? ORDER BY contact_id LIMIT ?)",
                        ps -> {
                            ps.setObject(1, now.minusSeconds(30).atOffset(ZoneOffset.UTC));
                            ps.setString(2, bench);
                            ps.setString(3, bench);
                            ps.setInt(4, due);
                        });
            }
            String plan = "BENCH   "
                    + String.join(
                            "\nBENCH   ",
                            jdbc.list(
                                    "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + DecaySweep.CLAIM,
                                    ps -> {
                                        ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                                        ps.setInt(2, 500);
                                    },
                                    rs -> rs.getString(1)));
            System.out.printf("BENCH sweep claim plan with %d due:%n%s%n", due, plan);
            long start = System.nanoTime();
            int handled = sweep.sweep(now);
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf("BENCH sweep at 100,000 contacts, %d due: handled %d in %.1f ms%n", due, handled, ms);
        }
    }

    @Test
    void writePathWithAndWithoutSubscribers() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String quiet = TestTokens.newOwner();
            String loud = TestTokens.newOwner();
            as(loud).body(Map.of("url", receiver.url(), "events", NudgeEvent.TYPES))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(201);
            int n = 300;
            List<String> quietContacts = new ArrayList<>();
            List<String> loudContacts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                quietContacts.add(contactOf(quiet, "Quiet " + i));
                loudContacts.add(contactOf(loud, "Loud " + i));
            }
            long[] total = new long[2];
            for (int round = 0; round < 2; round++) {
                total[0] = 0;
                total[1] = 0;
                for (int i = 0; i < n; i++) { // interleaved, so that the machine's load hits both alike
                    Instant at = Instant.now();
                    long a = System.nanoTime();
                    record(quiet, quietContacts.get(i), "MEETING", "MUTUAL", at, null);
                    long b = System.nanoTime();
                    record(loud, loudContacts.get(i), "MEETING", "MUTUAL", at, null);
                    long c = System.nanoTime();
                    total[0] += b - a;
                    total[1] += c - b;
                }
            }
            // the second round: each write is a tier change for no one (ACQUAINTANCE stays) or an action crossing
            System.out.printf(
                    "BENCH write path, %d single interactions each: without subscribers %.2f ms/write,"
                            + " with a subscribed endpoint %.2f ms/write (%+.1f %%)%n",
                    n, total[0] / 1e6 / n, total[1] / 1e6 / n, 100.0 * (total[1] - total[0]) / total[0]);
        }
    }

    private String contactOf(String who, String name) {
        return as(who).body(Map.of("displayName", name))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
