package dev.threshold.platform.warmup;

import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Readiness turns UP once the warm-up has sent its requests; no row is left behind; and the warm-up's token is no
 * longer accepted by anyone afterwards (a real owner still is). In its own application.
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
        assertEquals(0, WarmUpProbe.warmUpOwnerRows(jdbc));

        String contact = createContact("Served after the warm-up");
        api().get("/api/v1/contacts/" + contact + "/score").then().statusCode(200);
    }
}
