package dev.threshold.platform.reliability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * {@code threshold.idempotency.*} (docs/reliability.md): how long a stored first response is replayed, and how
 * often expired keys are swept; each default here and nowhere else.
 */
@ConfigMapping(prefix = "threshold.idempotency")
public interface IdempotencyConfig {

    /** How long a keyed POST's first response is replayed to retries (THRESHOLD_IDEMPOTENCY_TTL). */
    @WithDefault("PT24H")
    Duration ttl();

    /** How often {@link IdempotencyPurge} deletes every owner's expired keys (THRESHOLD_IDEMPOTENCY_PURGE_INTERVAL). */
    @WithDefault("PT1H")
    Duration purgeInterval();
}
