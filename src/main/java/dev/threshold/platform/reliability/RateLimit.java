package dev.threshold.platform.reliability;

import dev.threshold.platform.auth.CurrentOwner;
import dev.threshold.platform.problem.ApiProblem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-owner rate limiting of {@code /api/} requests: a token bucket of {@code threshold.rate-limit.capacity}
 * tokens refilled at {@code threshold.rate-limit.refill-per-second}; a request without a token is a 429 problem
 * with {@code Retry-After}. Off unless {@code threshold.rate-limit.enabled=true}.
 *
 * <p>The buckets live in this instance's memory: with N instances behind a load balancer an owner may get up to
 * N times the configured rate. That bounds abuse of one instance, not of the fleet; see docs/reliability.md.
 */
public class RateLimit {

    /** Buckets kept before idle (full) ones are swept. */
    static final int SWEEP_AT = 50_000;

    private final boolean enabled;
    private final double capacity;
    private final double refillPerNano;
    private final CurrentOwner owner;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimit(CurrentOwner owner,
                     @ConfigProperty(name = "threshold.rate-limit.enabled", defaultValue = "false") boolean enabled,
                     @ConfigProperty(name = "threshold.rate-limit.capacity", defaultValue = "120") int capacity,
                     @ConfigProperty(name = "threshold.rate-limit.refill-per-second", defaultValue = "20") double refillPerSecond) {
        this.owner = owner;
        this.enabled = enabled;
        this.capacity = Math.max(1, capacity);
        this.refillPerNano = Math.max(1e-6, refillPerSecond) / 1e9;
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public void limit(UriInfo uri) {
        if (!enabled || !uri.getPath().startsWith("/api/")) {
            return;
        }
        long wait = take(owner.id(), System.nanoTime());
        if (wait > 0) {
            throw ApiProblem.tooManyRequests(Math.max(1, (wait + 999_999_999L) / 1_000_000_000L));
        }
    }

    /** Takes a token from the owner's bucket; returns 0, or the nanoseconds until a token is there. */
    long take(String ownerId, long now) {
        if (buckets.size() > SWEEP_AT) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(ownerId, k -> new Bucket(capacity, now)).take(now);
    }

    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / refillPerNano);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > at) {
                tokens = Math.min(capacity, tokens + (now - at) * refillPerNano);
                at = now;
            }
        }
    }
}
