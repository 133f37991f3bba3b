package dev.threshold.score;

import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.ScoreReference;
import dev.threshold.score.math.ScoredInteraction;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Many clients writing to one contact and to several at once: no lost update, stored state = recomputation. */
@QuarkusTest
class ConcurrentWritesTest extends ApiTest {

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        List<String> contacts = List.of(createContact("Hot"), createContact("Warm"), createContact("Cool"));
        Instant base = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        InteractionType[] types = InteractionType.values();
        Direction[] directions = Direction.values();
        List<ScoredInteraction>[] models = new List[] {
            Collections.synchronizedList(new ArrayList<>()),
            Collections.synchronizedList(new ArrayList<>()),
            Collections.synchronizedList(new ArrayList<>())
        };
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int worker = 0; worker < 8; worker++) {
            int w = worker;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    int c = (w + i) % 3 == 0 ? 0 : (i % 2) + 1; // contact 0 is the hot one
                    InteractionType type = types[(w * 7 + i) % types.length];
                    Direction direction = directions[(w + i) % directions.length];
                    Instant at = base.plus((w * 31L + i * 17L) % (30 * 24), ChronoUnit.HOURS);
                    if (i % 5 == 4) {
                        // a batch touching every contact
                        List<Map<String, Object>> batch = new ArrayList<>();
                        for (int k = 0; k < 3; k++) {
                            batch.add(Map.of(
                                    "contactId",
                                    contacts.get(k),
                                    "type",
                                    type.name(),
                                    "direction",
                                    direction.name(),
                                    "occurredAt",
                                    at.toString()));
                        }
                        api().body(batch)
                                .post("/api/v1/interactions/batch")
                                .then()
                                .statusCode(201);
                        for (int k = 0; k < 3; k++) {
                            models[k].add(new ScoredInteraction(type, direction, at, null));
                        }
                    } else {
                        api().body(Map.of(
                                        "type",
                                        type.name(),
                                        "direction",
                                        direction.name(),
                                        "occurredAt",
                                        at.toString()))
                                .post("/api/v1/contacts/" + contacts.get(c) + "/interactions")
                                .then()
                                .statusCode(201);
                        models[c].add(new ScoredInteraction(type, direction, at, null));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Instant now = Instant.now();
        for (int k = 0; k < 3; k++) {
            var expected = ScoreReference.scoreFromScratch(models[k], now, ScoringSettings.defaults());
            var actual = api().get("/api/v1/contacts/" + contacts.get(k) + "/score?at=" + now)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Assertions.assertEquals(
                    expected.effectivePoints(), actual.getDouble("effectivePoints"), 1e-3, "contact " + k);
            Assertions.assertEquals(expected.in(), actual.getDouble("inbound"), 1e-3, "contact " + k);
            Assertions.assertEquals(expected.out(), actual.getDouble("outbound"), 1e-3, "contact " + k);
            Assertions.assertEquals(
                    models[k].size(),
                    api().get("/api/v1/interactions?limit=200&contactId=" + contacts.get(k))
                            .then()
                            .extract()
                            .jsonPath()
                            .getList("items")
                            .size());
        }
    }

    @Test
    void batchesInAnyOrderWithADeleteAndASettingsChangeMeanwhileDeadlockNothingAndLoseNothing() throws Exception {
        // A batch pins its contacts, writes, then locks them for the score update. Batches naming contacts in
        // every order, single writes, a contact deleted and the half-life changed while they run: every
        // answer is 201 (or 422 for the deleted contact once it is gone), never a deadlock's 409 or a 5xx, and
        // every stored score equals the one re-derived from the recorded interactions with the final settings.
        List<String> contacts = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            contacts.add(createContact("Shared " + k));
        }
        String doomed = createContact("Doomed");
        Instant base = Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        InteractionType[] types = InteractionType.values();
        Direction[] directions = Direction.values();
        Map<String, List<ScoredInteraction>> models = new ConcurrentHashMap<>();
        contacts.forEach(c -> models.put(c, Collections.synchronizedList(new ArrayList<>())));
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch halfway = new CountDownLatch(6 * 10);
        List<Future<?>> futures = new ArrayList<>();
        for (int worker = 0; worker < 6; worker++) {
            int w = worker;
            futures.add(pool.submit(() -> {
                Random random = new Random(w);
                for (int i = 0; i < 20; i++) {
                    List<String> order = new ArrayList<>(contacts);
                    Collections.shuffle(order, random);
                    List<String> named = new ArrayList<>(order.subList(0, 2 + random.nextInt(5)));
                    boolean withDoomed = w % 2 == 0;
                    if (withDoomed) {
                        named.add(random.nextInt(named.size() + 1), doomed);
                    }
                    List<Map<String, Object>> batch = new ArrayList<>();
                    List<ScoredInteraction> sent = new ArrayList<>();
                    for (String c : named) {
                        InteractionType type = types[random.nextInt(types.length)];
                        Direction direction = directions[random.nextInt(directions.length)];
                        Instant at = base.plus(random.nextInt(60 * 24), ChronoUnit.HOURS);
                        batch.add(interactionIn(c, type, direction, at));
                        sent.add(new ScoredInteraction(type, direction, at, null));
                    }
                    int status =
                            api().body(batch).post("/api/v1/interactions/batch").statusCode();
                    if (status == 201) {
                        for (int k = 0; k < named.size(); k++) {
                            if (!named.get(k).equals(doomed)) {
                                models.get(named.get(k)).add(sent.get(k));
                            }
                        }
                    } else if (!(withDoomed && status == 400)) {
                        unexpected.add("batch " + w + "/" + i + ": " + status);
                    }
                    halfway.countDown();
                }
                return null;
            }));
        }
        futures.add(pool.submit(() -> {
            halfway.await();
            int deleted = api().delete("/api/v1/contacts/" + doomed).statusCode();
            int changed = api().body(Map.of("halfLifeDays", 30))
                    .put("/api/v1/settings/scoring")
                    .statusCode();
            if (deleted != 204 || changed != 200) {
                unexpected.add("delete " + deleted + ", settings " + changed);
            }
            return null;
        }));
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Assertions.assertTrue(unexpected.isEmpty(), unexpected.toString());
        ScoringSettings settings = ScoringSettings.defaults().withHalfLifeDays(30);
        Instant now = Instant.now();
        for (String c : contacts) {
            var expected = ScoreReference.scoreFromScratch(models.get(c), now, settings);
            var actual = api().get("/api/v1/contacts/" + c + "/score?at=" + now)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Assertions.assertEquals(expected.effectivePoints(), actual.getDouble("effectivePoints"), 1e-3, c);
            Assertions.assertEquals(expected.in(), actual.getDouble("inbound"), 1e-3, c);
            Assertions.assertEquals(expected.out(), actual.getDouble("outbound"), 1e-3, c);
        }
        api().get("/api/v1/contacts/" + doomed).then().statusCode(404);
    }

    @Test
    void aWriteThatWaitedForASettingsChangeScoresWithTheNewSettings() throws Exception {
        // A settings change re-scores every contact under their locks. A single write that arrives meanwhile
        // waits for the lock; when it gets it, the state it locked is the re-scored one, and the settings it
        // adds its interaction with must be the new ones too, not those of the moment it started waiting.
        String busy = createContact("Long history");
        String target = createContact("Written during the change");
        Instant base = Instant.now().minus(300, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int b = 0; b < 30; b++) { // enough history that a re-score takes a while
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int k = 0; k < 1000; k++) {
                batch.add(interactionIn(
                        busy, InteractionType.LIKE, Direction.INBOUND, base.plus(b * 1000L + k, ChronoUnit.MINUTES)));
            }
            api().body(batch).post("/api/v1/interactions/batch").then().statusCode(201);
        }
        List<ScoredInteraction> model = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        double halfLife = 90;
        try {
            for (int round = 0; round < 6; round++) {
                halfLife = round % 2 == 0 ? 20 : 200;
                double h = halfLife;
                Future<Integer> change = pool.submit(() -> api().body(Map.of("halfLifeDays", h))
                        .put("/api/v1/settings/scoring")
                        .statusCode());
                Thread.sleep(15 + 10L * round);
                Instant at = base.plus(round, ChronoUnit.DAYS);
                api().body(interaction("MEETING", "MUTUAL", at, null))
                        .post("/api/v1/contacts/" + target + "/interactions")
                        .then()
                        .statusCode(201);
                model.add(new ScoredInteraction(InteractionType.MEETING, Direction.MUTUAL, at, null));
                Assertions.assertEquals(200, change.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
        }
        Instant now = Instant.now();
        var expected = ScoreReference.scoreFromScratch(
                model, now, ScoringSettings.defaults().withHalfLifeDays(halfLife));
        var actual = api().get("/api/v1/contacts/" + target + "/score?at=" + now)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // the response shows effectivePoints to 4 decimals (ScoreView): allow that rounding
        Assertions.assertEquals(
                expected.effectivePoints(),
                actual.getDouble("effectivePoints"),
                Math.max(1e-6 * expected.effectivePoints(), 5e-5 + 1e-9));
    }

    private static Map<String, Object> interactionIn(
            String contact, InteractionType type, Direction direction, Instant at) {
        Map<String, Object> body = new HashMap<>(interaction(type.name(), direction.name(), at, null));
        body.put("contactId", contact);
        return body;
    }
}
