package dev.threshold.platform.warmup;

import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bound: a warm-up that has not sent its requests by {@code threshold.warm-up.max-time} stops there, and readiness
 * turns UP anyway. In its own application, with a request count it cannot reach and a one-second bound (from
 * start-up: on a loaded machine the HTTP server may only listen after it, and then no request is sent at all).
 */
@QuarkusTest
@TestProfile(WarmUpBoundTest.Bounded.class)
class WarmUpBoundTest extends ApiTest {

    public static class Bounded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "threshold.warm-up.enabled", "true",
                    "threshold.warm-up.requests", String.valueOf(Integer.MAX_VALUE),
                    "threshold.warm-up.max-time", "PT1S");
        }
    }

    @Test
    void readinessTurnsUpAtTheBound() throws Exception {
        // readiness is UP from the bound on; the warm-up's own thread ends at most one request's timeout later
        WarmUpProbe.Ready ready = WarmUpProbe.awaitReady(r -> r.status() == 200 && !"running".equals(r.state()));
        assertEquals("UP", ready.warmUpStatus());
        assertEquals("bounded", ready.state());
        assertTrue(ready.requests() < Integer.MAX_VALUE, ready.body().prettify());
        long took = ready.body().getLong("checks.find { it.name == 'warm-up' }.data.tookMillis");
        assertTrue(took >= 1000, "stopped at its bound, not before: " + took + " ms");
    }
}
