package dev.threshold.webapp;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak for the OpenID Connect browser test: the distribution that Maven unpacks into target/keycloak
 * ({@code org.keycloak:keycloak-quarkus-dist}, see pom.xml), run with {@code start-dev} on a free port and the realm
 * of src/test/resources/keycloak/threshold-realm.json (a public client with PKCE S256 whose redirect URI and web
 * origin are the app's, and a user with a password). Keycloak 26 needs Java 21 or later: the newest JDK under
 * /usr/lib/jvm (or {@code KEYCLOAK_JAVA_HOME}) runs it; the service itself stays on the build's Java 17.
 *
 * <p>The service is configured against it: the realm's keys URL and issuer for token verification, and the public
 * client for the web app's sign-in. Keycloak's output goes to target/keycloak.log.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    static final String REALM = "threshold";
    static final String CLIENT_ID = "threshold-web";
    static final String USER = "dana";
    static final String PASSWORD = "threshold-test-password";
    static final Duration STARTUP = Duration.ofMinutes(5);

    private Process process;
    private String appOrigin;

    @Override
    public void init(Map<String, String> initArgs) {
        appOrigin = "http://localhost:" + initArgs.get("appPort");
    }

    @Override
    public Map<String, String> start() {
        Path home = Paths.get(
                        Optional.ofNullable(System.getenv("KEYCLOAK_HOME")).orElse("target/keycloak/keycloak-26.7.3"))
                .toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + " (mvn process-test-resources)");
        }
        Path javaHome = javaHome();
        int port = freePort();
        try {
            // a fresh database each run: the realm (with this run's app origin) is imported anew
            deleteTree(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            String realm;
            try (InputStream in = KeycloakResource.class.getResourceAsStream("/keycloak/threshold-realm.json")) {
                realm = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Files.writeString(imports.resolve("threshold-realm.json"), realm.replace("APP_ORIGIN", appOrigin));
            Path log = Paths.get("target", "keycloak.log").toAbsolutePath();
            ProcessBuilder builder = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + port, "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", javaHome.toString());
            builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m -XX:TieredStopAtLevel=1");
            builder.environment().remove("JAVA_OPTS");
            process = builder.start();
            String realmUrl = "http://localhost:" + port + "/realms/" + REALM;
            waitFor(URI.create(realmUrl + "/.well-known/openid-configuration"), log);
            return Map.of(
                    "mp.jwt.verify.publickey.location", realmUrl + "/protocol/openid-connect/certs",
                    "mp.jwt.verify.issuer", realmUrl,
                    "threshold.ui.oidc.client-id", CLIENT_ID);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .toList();
        all.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all.forEach(ProcessHandle::destroyForcibly);
        }
        process = null;
    }

    private void waitFor(URI discovery, Path log) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped: see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) discovery.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(5000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                process.waitFor(1, TimeUnit.SECONDS); // returns at once if it dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Keycloak starts", e);
            }
        }
        throw new IllegalStateException("Keycloak did not answer " + discovery + " within " + STARTUP + ": see " + log);
    }

    /**
     * Whether the OpenID Connect test runs: when a JDK 21+ for Keycloak is here, or when CI demands it
     * ({@code THRESHOLD_REQUIRE_KEYCLOAK=true}, set by .ci/run, which also checks the JDK first), so that CI never
     * skips it silently while {@code ./mvnw verify} on a machine with Java 17 alone still passes (README, UI.md).
     */
    public static boolean runnable() {
        if (Boolean.parseBoolean(System.getenv("THRESHOLD_REQUIRE_KEYCLOAK"))) {
            return true;
        }
        try {
            javaHome();
            return true;
        } catch (IllegalStateException none) {
            System.err.println("WebAppOidcTest skipped: " + none.getMessage());
            return false;
        }
    }

    /** {@code KEYCLOAK_JAVA_HOME}, else the newest JDK of release 21 or later under /usr/lib/jvm. */
    static Path javaHome() {
        String given = System.getenv("KEYCLOAK_JAVA_HOME");
        if (given != null && !given.isBlank()) {
            return Paths.get(given);
        }
        Path jvm = Paths.get("/usr/lib/jvm");
        if (Files.isDirectory(jvm)) {
            try (Stream<Path> homes = Files.list(jvm)) {
                Optional<Path> best = homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
                        .filter(h -> release(h) >= 21)
                        .max(Comparator.comparingInt(KeycloakResource::release));
                if (best.isPresent()) {
                    return best.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("Keycloak 26 needs Java 21 or later: none under /usr/lib/jvm "
                + "(install one, e.g. Temurin, or set KEYCLOAK_JAVA_HOME)");
    }

    /** The feature release of a JDK from its {@code release} file (0 when unknown). */
    static int release(Path home) {
        Path file = home.resolve("release");
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            return 0;
        }
        String v = p.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
        try {
            return Integer.parseInt(v.split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
