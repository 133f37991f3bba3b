package dev.threshold.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL for the tests: the one named by {@code QUARKUS_DATASOURCE_JDBC_URL} when set, else an
 * embedded PostgreSQL 17 (io.zonky.test) started for the test run.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        // Token verification as an operator configures it: a PEM file and an issuer. (The packaged jar of
        // the @QuarkusIntegrationTest runs in the prod profile and receives these as system properties.)
        Map<String, String> config = new java.util.HashMap<>();
        config.put("mp.jwt.verify.publickey.location",
                java.nio.file.Path.of("src/test/resources/test-jwt/publicKey.pem").toAbsolutePath().toUri().toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return config;
        }
        try {
            postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
        }
        config.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        return config;
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
    }
}
