package dev.threshold.importing;

import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The 100,000-row LinkedIn import, timed: run by {@code bench/import.sh} (not part of the test suite).
 * Prints the figures of docs/importing.md: import, re-import (all unchanged), dry run, export, and the peak
 * heap of the JVM (server and client) for files of 20,000 and 100,000 rows, to show that memory does
 * not grow with the file.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "import.bench", matches = "true")
class ImportBenchmark extends ApiTest {

    static Path linkedIn(int rows) throws IOException {
        Path file = Files.createTempFile("connections-" + rows + "-", ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(
                    "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n");
            w.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
            String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
            for (int i = 0; i < rows; i++) {
                w.write(String.format(
                        Locale.ROOT,
                        "Person%d,Example%d,https://www.linkedin.com/in/person-%d-example,%s,"
                                + "\"Company %d, Inc\",\"Senior Engineer, Platform %d\",%d %s %d\n",
                        i,
                        i % 977,
                        i,
                        i % 10 == 0 ? "person" + i + "@mail.example" : "",
                        i % 5000,
                        i % 50,
                        1 + i % 28,
                        months[i % 12],
                        2010 + i % 15));
            }
        }
        return file;
    }

    private static long peakHeapAfterReset() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    /** Streams the file from disk (RestAssured would buffer it in the client, in this same JVM). */
    private JsonPath post(String owner, String path, Path file) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Authorization", "Bearer " + TestTokens.forOwner(owner))
                        .header("Content-Type", "text/csv")
                        .timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Assertions.assertEquals(200, response.statusCode(), response.body());
        return new JsonPath(response.body());
    }

    private long export(String owner) throws Exception {
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/contacts/export?format=csv"))
                        .header("Authorization", "Bearer " + TestTokens.forOwner(owner))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Assertions.assertEquals(200, response.statusCode());
        try (InputStream in = response.body()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void import100kLinkedInRows() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        StringBuilder out = new StringBuilder("\n[import-bench] JVM max heap " + maxHeap / (1024 * 1024) + " MB\n");
        for (int rows : new int[] {20_000, 100_000}) {
            Path file = linkedIn(rows);
            String owner = TestTokens.newOwner();
            resetPeaks();
            long t0 = System.nanoTime();
            JsonPath first = post(owner, "/api/v1/imports/linkedin", file);
            double importS = (System.nanoTime() - t0) / 1e9;
            long peak = peakHeapAfterReset();
            Assertions.assertEquals(rows, first.getInt("created"));
            t0 = System.nanoTime();
            JsonPath second = post(owner, "/api/v1/imports/linkedin", file);
            double reimportS = (System.nanoTime() - t0) / 1e9;
            Assertions.assertEquals(rows, second.getInt("unchanged"));
            t0 = System.nanoTime();
            JsonPath dry = post(TestTokens.newOwner(), "/api/v1/imports/linkedin?dryRun=true", file);
            double dryS = (System.nanoTime() - t0) / 1e9;
            Assertions.assertEquals(rows, dry.getInt("created"));
            t0 = System.nanoTime();
            long bytes = export(owner);
            double exportS = (System.nanoTime() - t0) / 1e9;
            out.append(String.format(
                    Locale.ROOT,
                    "[import-bench] %,d rows (%.1f MB): import %.1f s (%,.0f rows/s), "
                            + "re-import %.1f s (all unchanged), dry run %.1f s, CSV export %.1f s (%.1f MB); peak heap during import %d MB%n",
                    rows,
                    Files.size(file) / 1e6,
                    importS,
                    rows / importS,
                    reimportS,
                    dryS,
                    exportS,
                    bytes / 1e6,
                    peak / (1024 * 1024)));
            Files.delete(file);
            if (rows == 100_000) {
                Assertions.assertTrue(importS < 60, "100,000 rows in " + importS + " s");
            }
        }
        System.out.println(out);
        Files.writeString(Path.of("target", "import-bench.txt"), out.toString());
    }
}
