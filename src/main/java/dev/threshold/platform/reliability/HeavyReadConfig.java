package dev.threshold.platform.reliability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code threshold.db.heavy-reads} and {@code threshold.db.heavy-read-wait}: {@link HeavyReads}' bulkhead; defaults here only. */
@ConfigMapping(prefix = "threshold.db")
public interface HeavyReadConfig {

    /** {@link HeavyRead}s at once per instance, about the database's cores + 1 (THRESHOLD_DB_HEAVY_READS). */
    @WithDefault("3")
    int heavyReads();

    /** How long a heavy read waits for its turn before a 503, as for a pooled connection (THRESHOLD_DB_HEAVY_READ_WAIT). */
    @WithDefault("PT5S")
    Duration heavyReadWait();
}
