package dev.threshold.platform.reliability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.threshold.platform.auth.CurrentOwner;
import dev.threshold.platform.auth.WarmUpTokens;
import dev.threshold.platform.problem.ApiProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;

/**
 * Per-owner rate limiting of {@code /api/} requests: a token bucket of {@code threshold.rate-limit.capacity}
 * tokens refilled at {@code threshold.rate-limit.refill-per-second}; a request without a token is a 429 problem
 * with {@code Retry-After}. Off unless {@code threshold.rate-limit.enabled=true} ({@link RateLimitConfig}).
 *
 * <p>The buckets live in this instance's memory: with N instances behind a load balancer an owner may get up to
 * N times the configured rate. That bounds abuse of one instance, not of the fleet; see docs/reliability.md.
 * They are a Caffeine map whose entries expire once idle for as long as an empty bucket takes to refill: a
 * forgotten bucket would have been full again, so forgetting it changes nothing.
 */
public class RateLimit {

    private final boolean enabled;
    private final double capacity;
    private final double refillPerNano;
    private final CurrentOwner owner;
    private final WarmUpTokens warmUp;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    @Inject
    public RateLimit(CurrentOwner owner, RateLimitConfig config, WarmUpTokens warmUp) {
        this(owner, config, warmUp, Ticker.systemTicker());
    }

    RateLimit(CurrentOwner owner, RateLimitConfig config, WarmUpTokens warmUp, Ticker ticker) {
        this.owner = owner;
        this.warmUp = warmUp;
        this.enabled = config.enabled();
        this.capacity = Math.max(1, config.capacity());
        this.refillPerNano = Math.max(1e-6, config.refillPerSecond()) / 1e9;
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterAccess(Duration.ofNanos((long) Math.ceil(this.capacity / refillPerNano)))
                // maintenance on the calling thread, as in VerifiedTokens: deterministic, no common-pool hand-off
                .executor(Runnable::run)
                .build();
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public void limit(UriInfo uri) {
        if (!enabled || !uri.getPath().startsWith("/api/") || isCalendarFeed(uri.getPath())) {
            return;
        }
        long wait = take(owner.id());
        if (wait > 0) {
            throw ApiProblem.tooManyRequests(Math.max(1, (wait + 999_999_999L) / 1_000_000_000L));
        }
    }

    /**
     * The calendar feed ({@code GET /api/v1/feeds/{secret}.ics}) carries no token, so it has no owner to count
     * against here; it answers from a short cache instead (nudge.feed).
     */
    static boolean isCalendarFeed(String path) {
        return path.startsWith("/api/v1/feeds/") && path.endsWith(".ics");
    }

    /**
     * Takes a token from the owner's bucket; returns 0, or the nanoseconds until a token is there. The instance's own
     * warm-up owner (while its token is open) has no bucket: its requests are the instance's, not a client's.
     */
    long take(String ownerId) {
        if (warmUp.isOpenFor(ownerId)) {
            return 0;
        }
        long now = ticker.read();
        return buckets.get(ownerId, k -> new Bucket(capacity, now)).take(now);
    }

    /** Buckets held once Caffeine's pending maintenance has run: for tests. */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take(long now) {
            if (now > at) {
                tokens = Math.min(capacity, tokens + (now - at) * refillPerNano);
                at = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / refillPerNano);
        }
    }
}
