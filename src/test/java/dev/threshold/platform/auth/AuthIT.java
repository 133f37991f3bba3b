package dev.threshold.platform.auth;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import java.util.Map;

/**
 * The packaged jar serves tokens of the configured key and issuer, and refuses all others with 401. Without the
 * warm-up (on by default in the prod profile): these tests expect readiness UP at once; the warm-up has its own tests.
 */
@QuarkusIntegrationTest
@TestProfile(AuthIT.NoWarmUp.class)
class AuthIT extends AuthTest {

    public static class NoWarmUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("threshold.warm-up.enabled", "false");
        }
    }
}
