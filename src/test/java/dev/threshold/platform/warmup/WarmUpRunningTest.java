package dev.threshold.platform.warmup;

import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While the warm-up runs, readiness is DOWN (the instance gets no traffic) while it is started and live, its
 * requests go through the HTTP stack and are accepted (a refused or failing request would end it as "failed"), they
 * read contacts of the warm-up's own owner (recorded as such), and they touch nobody else's rows: every table keeps
 * the rows of every other owner, a real one's included. A warm-up that cannot end within the test (an unreachable
 * request count, a bound of ten minutes), in its own application.
 */
@QuarkusTest
@TestProfile(WarmUpRunningTest.Endless.class)
class WarmUpRunningTest extends ApiTest {

    public static class Endless implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "threshold.warm-up.enabled", "true",
                    "threshold.warm-up.requests", String.valueOf(Integer.MAX_VALUE),
                    "threshold.warm-up.max-time", "PT10M",
                    "threshold.warm-up.concurrency", "2");
        }
    }

    @Inject
    Jdbc jdbc;

    @Test
    void readinessStaysDownWhileTheWarmUpRunsAndOnlyItsOwnRowsExist() throws Exception {
        String contact = createContact("A real owner's contact");
        record(contact, "CALL", "MUTUAL", java.time.Instant.now().minusSeconds(3600), null);
        WarmUpProbe.Ready first = WarmUpProbe.awaitReady(r -> r.requests() > 0);
        Map<String, Long> before = WarmUpProbe.rowCountsOfOthers(jdbc);
        int from = first.requests();

        WarmUpProbe.Ready later = WarmUpProbe.awaitReady(r -> r.requests() >= from + 200);
        assertEquals(503, later.status());
        assertEquals("DOWN", later.body().getString("status"));
        assertEquals("DOWN", later.warmUpStatus());
        assertEquals("running", later.state(), "every warm-up request was accepted and answered as expected");
        assertEquals(
                "UP",
                later.body().getString("checks.find { it.name != 'warm-up' }.status"),
                "the database is up: only the warm-up holds readiness");
        RestAssured.given().get("/q/health/started").then().statusCode(200);
        RestAssured.given().get("/q/health/live").then().statusCode(200);

        assertEquals(
                before, WarmUpProbe.rowCountsOfOthers(jdbc), "200 more warm-up requests changed no other owner's rows");
        assertEquals(16, WarmUpProbe.warmUpOwnerRows(jdbc, "contacts"), "its own contacts, read while it runs");
        assertEquals(1, WarmUpProbe.warmUpOwnerRows(jdbc, "warm_up_owners"), "recorded as the warm-up's");
        assertTrue(WarmUpProbe.warmUpOwnerRows(jdbc, "interactions") > 300);
        api().get("/api/v1/contacts/" + contact + "/score").then().statusCode(200);
    }
}
