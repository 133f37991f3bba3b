package dev.threshold.platform.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code threshold.jwt.cache.*}: the verified-token cache ({@link VerifiedTokenCache}); each default here only. */
@ConfigMapping(prefix = "threshold.jwt.cache")
public interface TokenCacheConfig {

    /** Verified tokens kept at most (THRESHOLD_JWT_CACHE_MAX_ENTRIES); 0 turns the cache off. */
    @WithDefault("1000")
    int maxEntries();

    /** How long a verification is trusted at most, never past the token's {@code exp} (THRESHOLD_JWT_CACHE_TTL). */
    @WithDefault("PT60S")
    Duration ttl();
}
