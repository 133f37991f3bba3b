package dev.threshold.importing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code threshold.imports.*}: when an import runs as a job, where its body is spooled, and the jobs' rhythm; each
 * default here and nowhere else (docs/operations.md, "Import jobs").
 */
@ConfigMapping(prefix = "threshold.imports")
public interface ImportJobsConfig {

    /**
     * A body larger than this runs as a job even without {@code Prefer: respond-async}
     * (THRESHOLD_IMPORTS_ASYNC_THRESHOLD); smaller ones run while the request waits.
     */
    @WithDefault("32M")
    MemorySize asyncThreshold();

    /**
     * Where job bodies are spooled (THRESHOLD_IMPORTS_SPOOL_DIRECTORY); default {@code <java.io.tmpdir>/threshold-imports}.
     * Local to the instance: the instance that received a body runs its job.
     */
    Optional<String> spoolDirectory();

    /** Free space the spool leaves on its disk; a body that would eat into it is a 507 (THRESHOLD_IMPORTS_SPOOL_RESERVE). */
    @WithDefault("256M")
    MemorySize spoolReserve();

    /** Jobs that run at once on one instance (each holds one database connection while it runs); more wait QUEUED. */
    @WithDefault("1")
    int concurrency();

    /** How often an instance writes its jobs' progress and renews their lease (THRESHOLD_IMPORTS_HEARTBEAT). */
    @WithDefault("PT2S")
    Duration heartbeat();

    /**
     * A QUEUED or RUNNING job whose heartbeat is older than this lost its instance and ends FAILED
     * (THRESHOLD_IMPORTS_LEASE); many heartbeats long, so that a slow database or a GC pause ends no live job.
     */
    @WithDefault("PT30S")
    Duration lease();

    /** How often every instance looks for jobs whose lease ran out (THRESHOLD_IMPORTS_SWEEP_INTERVAL). */
    @WithDefault("PT10S")
    Duration sweepInterval();
}
