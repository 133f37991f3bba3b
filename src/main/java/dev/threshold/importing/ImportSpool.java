package dev.threshold.importing;

import dev.threshold.platform.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The spool directory of import jobs ({@code threshold.imports.spool-directory}): a job's body is written here as it
 * arrives, 64 KB at a time, and read from here by the job, so that memory never holds more than a buffer of it.
 * Refuses with a 507 problem a body that would leave less than {@code spool-reserve} free on the disk: before a byte
 * is written when its length is declared, else as soon as the disk runs that low while it is written.
 */
@ApplicationScoped
class ImportSpool {

    private static final Logger LOG = Logger.getLogger(ImportSpool.class);
    private static final int BUFFER = 64 * 1024;
    /** How often, in bytes written, the free space is looked at again. */
    private static final long CHECK_EVERY = 32L * 1024 * 1024;

    static final String SUFFIX = ".body";

    private final Path directory;
    private final long reserve;

    ImportSpool(ImportJobsConfig config) {
        this.directory = Path.of(config.spoolDirectory()
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "threshold-imports")
                        .toString()));
        this.reserve = config.spoolReserve().asLongValue();
    }

    Path directory() {
        return directory;
    }

    /** The file of job {@code id}'s part {@code part} (0 for a plain body; multipart uploads have one per part). */
    Path file(UUID id, int part) {
        return directory.resolve(id + "-" + part + SUFFIX);
    }

    /** Writes {@code body} to job {@code id}'s file {@code part}; its size. The file is deleted when this fails. */
    long receive(UUID id, int part, InputStream body, Long declaredLength) {
        Path file = file(id, part);
        FileStore store = store();
        if (declaredLength != null) {
            requireRoom(store, declaredLength);
        }
        long written = 0;
        boolean done = false;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            long nextCheck = CHECK_EVERY;
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException | UncheckedIOException e) {
                    throw new ApiProblem(
                            400,
                            "unreadable-file",
                            "Unreadable file",
                            "The upload could not be read to its end; nothing was imported.",
                            null);
                }
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                written += n;
                if (written >= nextCheck) {
                    requireRoom(store, 0);
                    nextCheck += CHECK_EVERY;
                }
            }
            done = true;
            return written;
        } catch (IOException e) {
            LOG.warnf("Spooling an import body to %s failed: %s", directory, e.getMessage());
            throw insufficient(written, usable(store));
        } finally {
            if (!done) {
                delete(file);
            }
        }
    }

    /** Moves a file Quarkus spooled (a multipart part) into job {@code id}'s part {@code part}; its size. */
    long adopt(UUID id, int part, Path uploaded) {
        try {
            Path file = file(id, part);
            long size = Files.size(uploaded);
            try {
                Files.move(uploaded, file);
            } catch (IOException e) {
                FileStore store = store();
                requireRoom(store, size);
                Files.copy(uploaded, file);
            }
            return size;
        } catch (IOException e) {
            throw insufficient(0, usable(store()));
        }
    }

    /** Deletes the files of job {@code id}. */
    void deleteAll(UUID id, int parts) {
        for (int i = 0; i < parts; i++) {
            delete(file(id, i));
        }
    }

    /**
     * Deletes spooled files left behind by a process that ended without cleaning up (a crash): those older than
     * {@code age} whose job {@code live} does not claim. Run at start-up.
     */
    int clean(Duration age, Predicate<UUID> live) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        Instant before = Instant.now().minus(age);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                Optional<UUID> id = jobOf(file);
                if (id.isPresent()
                        && Files.getLastModifiedTime(file).toInstant().isBefore(before)
                        && !live.test(id.get())) {
                    delete(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.warnf("Cleaning the import spool %s failed: %s", directory, e.getMessage());
        }
        return deleted;
    }

    static Optional<UUID> jobOf(Path file) {
        String name = file.getFileName().toString();
        int dash = name.lastIndexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(name.substring(0, dash)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private FileStore store() {
        try {
            Files.createDirectories(directory);
            return Files.getFileStore(directory);
        } catch (IOException e) {
            LOG.errorf("The import spool directory %s is not usable: %s", directory, e.getMessage());
            throw insufficient(0, 0);
        }
    }

    private void requireRoom(FileStore store, long bytes) {
        long usable = usable(store);
        if (usable - reserve < bytes) {
            throw insufficient(bytes, usable);
        }
    }

    private long usable(FileStore store) {
        try {
            return store.getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    private ApiProblem insufficient(long bytes, long usable) {
        return new ApiProblem(
                507,
                "insufficient-storage",
                "Insufficient storage",
                "The service has no room to keep this upload while it is imported"
                        + (bytes > 0 ? " (" + bytes + " bytes; " + Math.max(0, usable - reserve) + " free)" : "")
                        + "; nothing was imported. Try again later or split the file.",
                null);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the spooled import file %s: %s", file, e.getMessage());
        }
    }
}
