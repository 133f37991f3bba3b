package dev.threshold.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.problem.ApiProblem;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The spool's disk checks and files, and the jobs' small parsing rules, without a server. */
class ImportSpoolTest {

    @TempDir
    Path dir;

    private static ImportJobsConfig config(Path directory, long reserve) {
        return new ImportJobsConfig() {
            @Override
            public MemorySize asyncThreshold() {
                return new MemorySize(BigInteger.valueOf(32L << 20));
            }

            @Override
            public Optional<String> spoolDirectory() {
                return Optional.of(directory.toString());
            }

            @Override
            public MemorySize spoolReserve() {
                return new MemorySize(BigInteger.valueOf(reserve));
            }

            @Override
            public int concurrency() {
                return 1;
            }

            @Override
            public Duration heartbeat() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration lease() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration sweepInterval() {
                return Duration.ofSeconds(10);
            }
        };
    }

    @Test
    void aBodyIsWrittenToItsJobsFile() throws IOException {
        ImportSpool spool = new ImportSpool(config(dir, 0));
        UUID id = UUID.randomUUID();
        long size = spool.receive(id, 0, new ByteArrayInputStream(new byte[200_000]), null);
        Assertions.assertEquals(200_000, size);
        Assertions.assertEquals(200_000, Files.size(spool.file(id, 0)));
        Assertions.assertEquals(Optional.of(id), ImportSpool.jobOf(spool.file(id, 0)));
        spool.deleteAll(id, 1);
        Assertions.assertFalse(Files.exists(spool.file(id, 0)));
    }

    @Test
    void aDeclaredBodyThatWouldNotFitIs507BeforeAByteIsWritten() throws IOException {
        long usable = Files.getFileStore(dir).getUsableSpace();
        ImportSpool spool = new ImportSpool(config(dir, usable)); // a reserve of all the disk: nothing fits
        UUID id = UUID.randomUUID();
        ApiProblem problem = Assertions.assertThrows(
                ApiProblem.class, () -> spool.receive(id, 0, new ByteArrayInputStream(new byte[10]), 10L));
        Assertions.assertEquals(507, problem.status());
        Assertions.assertEquals("insufficient-storage", problem.slug());
        Assertions.assertFalse(Files.exists(spool.file(id, 0)));
    }

    @Test
    void anUploadCutOffIsA400AndLeavesNoFile() throws IOException {
        ImportSpool spool = new ImportSpool(config(dir, 0));
        UUID id = UUID.randomUUID();
        InputStream broken = new InputStream() {
            private int left = 100_000;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                left--;
                return 'x';
            }
        };
        ApiProblem problem = Assertions.assertThrows(ApiProblem.class, () -> spool.receive(id, 0, broken, null));
        Assertions.assertEquals(400, problem.status());
        Assertions.assertFalse(Files.exists(spool.file(id, 0)));
    }

    @Test
    void theStartUpCleanUpDeletesOnlyOldFilesNoLiveJobClaims() throws IOException {
        ImportSpool spool = new ImportSpool(config(dir, 0));
        UUID dead = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        spool.receive(dead, 0, new ByteArrayInputStream(new byte[1]), null);
        spool.receive(alive, 0, new ByteArrayInputStream(new byte[1]), null);
        Assertions.assertEquals(0, spool.clean(Duration.ofHours(1), id -> false), "too young to be a leftover");
        Assertions.assertEquals(1, spool.clean(Duration.ZERO.minusSeconds(1), alive::equals));
        Assertions.assertFalse(Files.exists(spool.file(dead, 0)));
        Assertions.assertTrue(Files.exists(spool.file(alive, 0)));
    }

    @Test
    void theSummaryFlattensTheReportsCounts() throws IOException {
        var report = new ObjectMapper()
                .readTree("{\"dryRun\":false,\"created\":3,\"errors\":[{\"line\":2}],"
                        + "\"messages\":{\"created\":5,\"skipped\":1}}");
        Assertions.assertEquals(
                Map.of("created", 3L, "messages.created", 5L, "messages.skipped", 1L), ImportJobs.summary(report));
    }
}
