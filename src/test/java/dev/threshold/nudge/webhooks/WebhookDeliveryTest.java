package dev.threshold.nudge.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.nudge.events.DecaySweep;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed deliveries to a local receiver, on a real PostgreSQL: events, retries, crashes, two workers. */
@QuarkusTest
class WebhookDeliveryTest extends WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DecaySweep sweep;

    /** Creates a webhook to the receiver for {@code events}; its id and its secret. */
    private Map<String, String> subscribe(Receiver receiver, String... events) {
        return subscribe(receiver.url(), events);
    }

    private static JsonNode verified(Receiver.Request r, String secret) throws Exception {
        assertNotNull(r, "no delivery arrived");
        assertEquals(
                Signatures.sign(Signatures.key(secret), r.id(), Long.parseLong(r.timestamp()), r.body()),
                r.signature(),
                "signature");
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(r.timestamp())) < 60);
        return JSON.readTree(r.body());
    }

    @Test
    void anInteractionThatLiftsATierAndADropByDecayReachTheReceiverSigned() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String secret = subscribe(receiver, "contact.tier_changed").get("secret");
            String contact = createContact("Dana Scully");
            Instant now = Instant.now();
            record(contact, "MEETING", "MUTUAL", now, null); // strength 33.0: STRANGER -> ACQUAINTANCE

            JsonNode up = verified(receiver.next(5), secret); // the wake-up after commit: within 5 s
            assertEquals("contact.tier_changed", up.get("type").asText());
            assertEquals(contact, up.at("/data/contactId").asText());
            assertEquals("Dana Scully", up.at("/data/displayName").asText());
            assertEquals("STRANGER", up.at("/data/from").asText());
            assertEquals("ACQUAINTANCE", up.at("/data/to").asText());
            assertEquals("interaction", up.at("/data/cause").asText());
            assertNotNull(up.get("timestamp"));

            // 200 days later without contact it has decayed below ACQUAINTANCE's floor (at day ~173)
            sweep.sweep(now.plus(Duration.ofDays(200)));
            JsonNode down = verified(receiver.next(5), secret);
            assertEquals("contact.tier_changed", down.get("type").asText());
            assertEquals("ACQUAINTANCE", down.at("/data/from").asText());
            assertEquals("STRANGER", down.at("/data/to").asText());
            assertEquals("decay", down.at("/data/cause").asText());
            Instant dropped = Instant.parse(down.at("/data/occurredAt").asText());
            assertTrue(dropped.isAfter(now.plus(Duration.ofDays(172)))
                    && dropped.isBefore(now.plus(Duration.ofDays(175))));

            // nothing more is due: a second sweep raises nothing for this contact
            sweep.sweep(now.plus(Duration.ofDays(201)));
            assertNull(receiver.next(1));
        }
    }

    @Test
    void aReceiverThatFailsThenRecoversGetsEachEventExactlyOnceMore() throws Exception {
        worker.pause(true);
        try (Receiver receiver = new Receiver()) {
            String hook = subscribe(receiver, "contact.tier_changed", "contact.action_crossed")
                    .get("id");
            Instant now = Instant.now();
            for (int i = 0; i < 3; i++) {
                record(createContact("Failing " + i), "MEETING", "MUTUAL", now, null);
            }
            receiver.status = () -> 503;
            worker.drain(Instant.now());
            long failed = receiver.all.size();
            assertTrue(failed >= 3, "the first event of each contact was tried");

            receiver.status = () -> 200;
            worker.drain(Instant.now().plus(Duration.ofHours(1)));
            worker.drain(Instant.now().plus(Duration.ofHours(2)));

            Map<String, Integer> ok = new HashMap<>();
            Map<String, Integer> tries = new HashMap<>();
            for (Receiver.Request r : receiver.all) {
                tries.merge(r.id(), 1, Integer::sum);
                if (r.answered() == 200) {
                    ok.merge(r.id(), 1, Integer::sum);
                }
            }
            var log = api().get("/api/v1/webhooks/" + hook + "/deliveries?limit=200")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> events = log.getList("items.eventId");
            assertEquals(new HashSet<>(events), ok.keySet(), "every event delivered");
            ok.values().forEach(n -> assertEquals(1, n, "delivered exactly once"));
            tries.values().forEach(n -> assertTrue(n <= 2, "failed at most once, then delivered"));
            assertEquals(
                    failed,
                    receiver.all.stream().filter(r -> r.answered() == 503).count());
            assertTrue(log.getList("items.status").stream().allMatch("DELIVERED"::equals));
        }
    }

    @Test
    void aCrashBetweenCommitAndDeliveryLosesNothing() throws Exception {
        worker.pause(true); // no wake-up: as if the instance died right after the commit
        try (Receiver receiver = new Receiver()) {
            String secret = subscribe(receiver, "contact.tier_changed").get("secret");
            record(createContact("Crash"), "MEETING", "MUTUAL", Instant.now(), null);

            Instant now = Instant.now();
            assertEquals(1, worker.claim(now).size()); // an instance claims it, then dies mid-request
            assertEquals(0, worker.drain(now)); // leased: nobody else sends it meanwhile
            assertNull(receiver.next(0));

            worker.drain(now.plus(Duration.ofMinutes(1))); // the lease ended: another instance delivers it
            JsonNode event = verified(receiver.next(5), secret);
            assertEquals("contact.tier_changed", event.get("type").asText());
            assertEquals(1, receiver.all.size());
            assertEquals(0, worker.drain(now.plus(Duration.ofMinutes(2))));
        }
    }

    @Test
    void twoWorkersDeliverWithoutDuplicates() throws Exception {
        worker.pause(true);
        try (Receiver receiver = new Receiver()) {
            subscribe(receiver, "contact.tier_changed");
            List<Map<String, Object>> batch = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < 150; i++) {
                Map<String, Object> item = interaction("MEETING", "MUTUAL", now, null);
                item.put("contactId", createContact("Many " + i));
                batch.add(item);
            }
            api().body(batch).post("/api/v1/interactions/batch").then().statusCode(201);

            ExecutorService two = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger attempts = new AtomicInteger();
            List<Future<?>> runs = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                runs.add(two.submit(() -> {
                    start.await();
                    attempts.addAndGet(worker.drain(Instant.now()));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
            two.shutdown();
            Set<String> ids = new HashSet<>();
            for (Receiver.Request r : receiver.all) {
                assertTrue(ids.add(r.id()), "delivered twice: " + r.id());
            }
            assertEquals(150, ids.size());
            assertEquals(150, attempts.get());
        }
    }

    @Test
    void a410DisablesTheEndpoint() throws Exception {
        worker.pause(true);
        try (Receiver receiver = new Receiver()) {
            String hook = subscribe(receiver, "contact.tier_changed").get("id");
            receiver.status = () -> 410;
            record(createContact("Gone"), "MEETING", "MUTUAL", Instant.now(), null);
            worker.drain(Instant.now());
            api().get("/api/v1/webhooks/" + hook)
                    .then()
                    .statusCode(200)
                    .body("enabled", equalTo(false))
                    .body("disabledReason", startsWith("the receiver answered 410"));
            deliveries(hook).body("items[0].status", equalTo("FAILED")).body("items[0].responseCode", equalTo(410));
            record(createContact("Gone too"), "MEETING", "MUTUAL", Instant.now(), null);
            worker.drain(Instant.now().plus(Duration.ofHours(1)));
            assertEquals(1, receiver.all.size(), "nothing is sent to a disabled endpoint");
        }
    }

    /**
     * An empty answer can end before the worker looks at it; it is still read as the receiver's answer (it was read
     * as a failure about once in a hundred sends: a delivered event sent again, a 410 not disabling its endpoint). An
     * answer with a body is read too, its body dropped.
     */
    @Test
    void everyAnswerIsReadAsTheReceiverGaveItHoweverSoonItEnds() throws Exception {
        worker.pause(true);
        try (Receiver receiver = new Receiver()) {
            subscribe(receiver, "contact.tier_changed");
            record(createContact("Often"), "MEETING", "MUTUAL", Instant.now(), null);
            List<DeliveryWorker.Claimed> claimed = worker.claim(Instant.now());
            assertEquals(1, claimed.size());
            int[] answers = {200, 410, 503, 204};
            AtomicInteger sent = new AtomicInteger();
            receiver.status = () -> answers[sent.getAndIncrement() % answers.length];
            for (int i = 0; i < 1_000; i++) {
                receiver.answerBytes = i < 800 ? 0 : 64 * 1024; // the last 200 answers carry a body, not read
                DeliveryWorker.Outcome outcome = worker.sendOne(claimed.get(0)).get(30, TimeUnit.SECONDS);
                assertEquals(
                        answers[i % answers.length],
                        outcome.code(),
                        "send " + i + " was read as " + outcome.code() + " (" + outcome.error() + ")");
            }
        }
    }

    @Test
    void crudPingAndTheDeliveryLog() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Map<String, String> hook = subscribe(receiver, "contact.tier_changed");
            String id = hook.get("id");
            api().get("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(200)
                    .header("ETag", notNullValue())
                    .body("secret", nullValue())
                    .body("url", equalTo(receiver.url()))
                    .body("events", equalTo(List.of("contact.tier_changed")));
            api().get("/api/v1/webhooks").then().statusCode(200).body("items", hasSize(1));
            as(dev.threshold.support.TestTokens.newOwner())
                    .get("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(404);

            api().post("/api/v1/webhooks/" + id + "/test")
                    .then()
                    .statusCode(202)
                    .body("eventType", equalTo("webhook.ping"))
                    .body("status", equalTo("PENDING"));
            JsonNode ping = verified(receiver.next(5), hook.get("secret"));
            assertEquals("webhook.ping", ping.get("type").asText());

            api().contentType("application/merge-patch+json")
                    .body(Map.of("description", "renamed", "events", List.of("contact.tier_drop_soon")))
                    .patch("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(200)
                    .body("description", equalTo("renamed"))
                    .body("events", equalTo(List.of("contact.tier_drop_soon")))
                    .body("version", equalTo(1));
            api().header("If-Match", "\"0\"")
                    .delete("/api/v1/webhooks/" + id)
                    .then()
                    .statusCode(412);

            api().post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
            api().get("/api/v1/webhooks/" + id + "/deliveries?limit=1")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .body("nextCursor", notNullValue());

            api().delete("/api/v1/webhooks/" + id).then().statusCode(204);
            api().get("/api/v1/webhooks/" + id).then().statusCode(404);
        }
    }

    @Test
    void badInputIsA400NamingTheField() {
        api().body(Map.of("events", List.of("contact.tier_changed")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("url"));
        api().body(Map.of("url", "https://127.0.0.1/x", "events", List.of("contact.exploded")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("events[0]"));
        api().body(Map.of("url", "ftp://example.com/x", "events", List.of("contact.tier_changed")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("url"));
        api().body(Map.of("url", "https://127.0.0.1/x", "events", List.of()))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("events"));
        api().get("/api/v1/webhooks/not-a-uuid").then().statusCode(404);
    }
}
