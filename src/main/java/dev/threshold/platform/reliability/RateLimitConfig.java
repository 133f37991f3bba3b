package dev.threshold.platform.reliability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code threshold.rate-limit.*}: the per-owner token bucket of {@link RateLimit} (per instance); each default here
 * only. Off unless enabled, e.g. {@code THRESHOLD_RATE_LIMIT_ENABLED=true}.
 */
@ConfigMapping(prefix = "threshold.rate-limit")
public interface RateLimitConfig {

    @WithDefault("false")
    boolean enabled();

    /** Requests an owner may make at once, the bucket's size (THRESHOLD_RATE_LIMIT_CAPACITY). */
    @WithDefault("120")
    int capacity();

    /** Tokens added back per second (THRESHOLD_RATE_LIMIT_REFILL_PER_SECOND). */
    @WithDefault("20")
    double refillPerSecond();
}
