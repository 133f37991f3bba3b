package dev.threshold.webapp;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The service configured against a real Keycloak ({@link KeycloakResource}) on a fixed free port, so that the
 * realm's client can name the app's redirect URI and web origin before either starts. The port is chosen once per
 * JVM (a system property, since test profiles are loaded by more than one class loader).
 */
public class OidcProfile implements QuarkusTestProfile {

    static final String PORT_PROPERTY = "threshold.test.oidc-app-port";

    static synchronized int appPort() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            port = Integer.toString(KeycloakResource.freePort());
            System.setProperty(PORT_PROPERTY, port);
        }
        return Integer.parseInt(port);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.test-port", Integer.toString(appPort()));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(KeycloakResource.class, Map.of("appPort", Integer.toString(appPort())), false));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
