package dev.threshold.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * A real PostgreSQL for the tests: the one named by {@code QUARKUS_DATASOURCE_JDBC_URL} when set, else an
 * embedded PostgreSQL 17 (io.zonky.test) started for the test run.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    /** The embedded server of the running application, for tests that stop and restart it (outages). */
    private static volatile PostgresResource current;

    private EmbeddedPostgres postgres;
    private Path dataDirectory;
    private int port;

    @Override
    public Map<String, String> start() {
        // Token verification as an operator configures it: a PEM file and an issuer. (The packaged jar of
        // the @QuarkusIntegrationTest runs in the prod profile and receives these as system properties.)
        Map<String, String> config = new HashMap<>();
        config.put(
                "mp.jwt.verify.publickey.location",
                Path.of("src/test/resources/test-jwt/publicKey.pem")
                        .toAbsolutePath()
                        .toUri()
                        .toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return config;
        }
        try {
            dataDirectory = Files.createTempDirectory("threshold-test-pg");
            postgres = builder().start();
            port = postgres.getPort();
            current = this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
        }
        config.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        return config;
    }

    private EmbeddedPostgres.Builder builder() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        return port == 0 ? builder : builder.setPort(port);
    }

    /** Stops the embedded PostgreSQL of the running application (its data kept), as an outage would. */
    public static void stopServer() throws IOException {
        PostgresResource resource = requireEmbedded();
        resource.postgres.close();
    }

    /** Starts it again on the same port with the same data. */
    public static void startServer() throws IOException {
        PostgresResource resource = requireEmbedded();
        resource.postgres = resource.builder().start();
    }

    private static PostgresResource requireEmbedded() {
        PostgresResource resource = current;
        if (resource == null || resource.postgres == null) {
            throw new IllegalStateException("no embedded PostgreSQL to stop (QUARKUS_DATASOURCE_JDBC_URL is set?)");
        }
        return resource;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the test JVM is ending
            }
        }
        if (current == this) {
            current = null;
        }
        if (dataDirectory != null) {
            try (var files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder
            }
        }
    }
}
