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
 * Readiness turns UP once the warm-up has sent its requests, most of them reads of its own contacts (answered 200;
 * made in two batches here);
 * no row of it is left behind; and the warm-up's token is no longer accepted by anyone afterwards (a real owner still
 * is). In its own application.
 */
@QuarkusTest
@TestProfile(WarmUpDoneTest.Short.class)
class WarmUpDoneTest extends ApiTest {

    public static class Short implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "threshold.warm-up.enabled", "true",
                    "threshold.warm-up.requests", "300",
                    // 30 contacts: 1,305 interactions, more than one batch of the endpoint's 1,000
                    "threshold.warm-up.contacts", "30",
                    "threshold.warm-up.max-time", "PT2M");
        }
    }

    @Inject
    Jdbc jdbc;

    @Test
    void readinessTurnsUpOnceTheWarmUpIsDone() throws Exception {
        WarmUpProbe.Ready ready = WarmUpProbe.awaitReady(r -> r.status() == 200);
        assertEquals("UP", ready.body().getString("status"));
        assertEquals("UP", ready.warmUpStatus());
        assertEquals("done", ready.state());
        assertEquals(300, ready.requests());
        assertEquals(0, WarmUpProbe.warmUpOwnerRows(jdbc), "every row of its owner deleted, its record too");
        String metrics = RestAssured.given().get("/q/metrics").asString();
        assertTrue(
                scoreReads(metrics, "200") >= 200 && scoreReads(metrics, "404") >= 20,
                "nine in ten found, the tenth missing: " + scoreReads(metrics, "200") + "/"
                        + scoreReads(metrics, "404"));

        String contact = createContact("Served after the warm-up");
        api().get("/api/v1/contacts/" + contact + "/score").then().statusCode(200);
    }

    /** The score reads answered {@code status}, as the HTTP metrics count them. */
    private static double scoreReads(String metrics, String status) {
        return metrics.lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{")
                        && l.contains("uri=\"/api/v1/contacts/{contactId}/score\"")
                        && l.contains("status=\"" + status + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
