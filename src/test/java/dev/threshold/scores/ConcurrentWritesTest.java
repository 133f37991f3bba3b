package dev.threshold.scores;

import dev.threshold.scoring.Direction;
import dev.threshold.scoring.InteractionType;
import dev.threshold.scoring.ScoreCalculator;
import dev.threshold.scoring.ScoredInteraction;
import dev.threshold.scoring.ScoringSettings;
import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
        List<ScoredInteraction>[] models = new List[]{Collections.synchronizedList(new ArrayList<>()),
                Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>())};
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
                            batch.add(Map.of("contactId", contacts.get(k), "type", type.name(),
                                    "direction", direction.name(), "occurredAt", at.toString()));
                        }
                        api().body(batch).post("/api/v1/interactions/batch").then().statusCode(201);
                        for (int k = 0; k < 3; k++) {
                            models[k].add(new ScoredInteraction(type, direction, at, null));
                        }
                    } else {
                        api().body(Map.of("type", type.name(), "direction", direction.name(), "occurredAt", at.toString()))
                                .post("/api/v1/contacts/" + contacts.get(c) + "/interactions").then().statusCode(201);
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
            var expected = ScoreCalculator.scoreFromScratch(models[k], now, ScoringSettings.defaults());
            var actual = api().get("/api/v1/contacts/" + contacts.get(k) + "/score?at=" + now).then().statusCode(200)
                    .extract().jsonPath();
            Assertions.assertEquals(expected.effectivePoints(), actual.getDouble("effectivePoints"), 1e-3, "contact " + k);
            Assertions.assertEquals(expected.in(), actual.getDouble("inbound"), 1e-3, "contact " + k);
            Assertions.assertEquals(expected.out(), actual.getDouble("outbound"), 1e-3, "contact " + k);
            Assertions.assertEquals(models[k].size(), api().get("/api/v1/interactions?limit=200&contactId=" + contacts.get(k))
                    .then().extract().jsonPath().getList("items").size());
        }
    }
}
