package dev.threshold.platform.dev;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A production start without a configured database fails at once, naming the variables; it never falls back to a throw-away database. */
class ProductionStartIT {

    @Test
    void packagedJarRefusesToStartWithoutDatabaseAndKeys() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        Assertions.assertTrue(Files.exists(jar), "the packaged jar exists");
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toAbsolutePath().toString())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("MP_JWT"));
        pb.directory(Files.createTempDirectory("threshold-prod").toFile());
        Process process = pb.start();
        Assertions.assertTrue(process.waitFor(60, TimeUnit.SECONDS), "exits quickly");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assertions.assertNotEquals(0, process.exitValue());
        Assertions.assertTrue(output.contains("QUARKUS_DATASOURCE_JDBC_URL"), output);
        Assertions.assertTrue(output.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"), output);
        Assertions.assertFalse(output.contains("embedded"), output);
    }
}
