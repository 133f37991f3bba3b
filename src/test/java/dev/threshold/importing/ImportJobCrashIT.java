package dev.threshold.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.support.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A job cut off by a crash, for real: the packaged jar (as operators run it, {@code -Xmx192m}) against a PostgreSQL of
 * its own runs a large vCard import as a job; it is killed with SIGKILL while the job is RUNNING; a new process of
 * the same jar (another instance, as after a restart) ends the job FAILED with the reason once its lease ran out,
 * nothing of the cut-off import is in the database, and running the same file again SUCCEEDS with every contact.
 *
 * <p>It waits for the external processes by polling their HTTP answers (there is no latch across processes),
 * each wait bounded.
 */
class ImportJobCrashIT {

    private static final int CARDS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedPostgres postgres;
    private Process service;
    private Path work;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (postgres != null) {
            postgres.close();
        }
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aJobCutOffByAKilledServiceEndsFailedAndARunOfTheSameFileCompletesIt() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        Assertions.assertTrue(Files.exists(jar), "the packaged jar exists");
        work = Files.createTempDirectory("threshold-crash-it");
        postgres = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setDataDirectory(work.resolve("pg"))
                .start();
        port = freePort();
        String owner = TestTokens.newOwner();
        String token = TestTokens.forOwner(owner);
        byte[] file = vcards(CARDS);

        service = start(jar, "first");
        HttpResponse<String> accepted = post(token, file);
        Assertions.assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode running = await(
                token,
                location,
                Duration.ofMinutes(3),
                job -> job.get("status").asText().equals("RUNNING")
                                && job.get("bytesRead").asLong() > 0
                        || !job.get("status").asText().matches("QUEUED|RUNNING"));
        Assertions.assertEquals("RUNNING", running.get("status").asText(), "killed mid-job: " + running);
        Assertions.assertTrue(running.get("bytesRead").asLong() < file.length, running.toString());

        service.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback sent, the lease simply stops
        Assertions.assertTrue(service.waitFor(30, TimeUnit.SECONDS));

        service = start(jar, "second");
        JsonNode failed = await(token, location, Duration.ofMinutes(2), job -> !job.get("status")
                .asText()
                .equals("RUNNING"));
        Assertions.assertEquals("FAILED", failed.get("status").asText(), failed.toString());
        Assertions.assertTrue(failed.get("error").asText().contains("run the same file again"), failed.toString());
        Assertions.assertNotNull(failed.get("finishedAt").asText(null), failed.toString());
        Assertions.assertEquals(0, contacts(owner), "the cut-off import's transaction left nothing");

        HttpResponse<String> again = post(token, file);
        Assertions.assertEquals(202, again.statusCode(), again.body());
        JsonNode done = await(
                token,
                again.headers().firstValue("Location").orElseThrow(),
                Duration.ofMinutes(20),
                job -> !job.get("status").asText().matches("QUEUED|RUNNING"));
        Assertions.assertEquals("SUCCEEDED", done.get("status").asText(), done.toString());
        Assertions.assertEquals(CARDS, done.get("report").get("created").asInt(), done.toString());
        Assertions.assertEquals(file.length, done.get("bytesRead").asLong());
        Assertions.assertEquals(CARDS, contacts(owner));
    }

    /** A vCard 3.0 file of {@code n} cards, each with its own e-mail (so a re-run matches every one). */
    static byte[] vcards(int n) {
        StringBuilder sb = new StringBuilder(n * 160);
        for (int i = 0; i < n; i++) {
            sb.append("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ")
                    .append(i)
                    .append("\r\nN:")
                    .append(i)
                    .append(";Person;;;\r\nEMAIL;TYPE=INTERNET:person")
                    .append(i)
                    .append("@example.org\r\nORG:Example ")
                    .append(i % 97)
                    .append("\r\nEND:VCARD\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Process start(Path jar, String name) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx192m",
                        "-jar",
                        jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("service-" + name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("MP_JWT") || k.startsWith("THRESHOLD_"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                Path.of("src/test/resources/test-jwt/publicKey.pem")
                        .toAbsolutePath()
                        .toUri()
                        .toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("THRESHOLD_IMPORTS_SPOOL_DIRECTORY", work.resolve("spool").toString());
        env.put("THRESHOLD_IMPORTS_HEARTBEAT", "PT1S");
        env.put("THRESHOLD_IMPORTS_LEASE", "PT8S");
        env.put("THRESHOLD_IMPORTS_SWEEP_INTERVAL", "PT1S");
        Process process = pb.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            Assertions.assertTrue(process.isAlive(), () -> "the service died at start: " + log(name));
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(uri("/q/health/ready")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Assertions.assertTrue(Instant.now().isBefore(deadline), () -> "the service did not start: " + log(name));
            Thread.sleep(250);
        }
    }

    private HttpResponse<String> post(String token, byte[] file) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("/api/v1/imports/vcard"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/vcard")
                        .header("Prefer", "respond-async")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Reads the job until {@code done} holds (or the time is up: then fails), polling every 200 ms. */
    private JsonNode await(String token, String location, Duration limit, Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        JsonNode job = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri(location))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Assertions.assertEquals(200, response.statusCode(), response.body());
            job = JSON.readTree(response.body());
            if (done.test(job)) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job did not get there within " + limit + ": " + job);
    }

    private long contacts(String owner) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) AS n FROM contacts WHERE owner_id = ?")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong("n");
            }
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String log(String name) {
        try {
            String text = Files.readString(work.resolve("service-" + name + ".log"));
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
