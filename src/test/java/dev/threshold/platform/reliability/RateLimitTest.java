package dev.threshold.platform.reliability;

import dev.threshold.platform.auth.WarmUpTokens;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token buckets alone, on a clock the test moves (HardeningTest holds the 429 and Retry-After over HTTP). */
class RateLimitTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final WarmUpTokens warmUp = new WarmUpTokens();

    private RateLimit limit(int capacity, double refillPerSecond) {
        return new RateLimit(
                null,
                new RateLimitConfig() {
                    @Override
                    public boolean enabled() {
                        return true;
                    }

                    @Override
                    public int capacity() {
                        return capacity;
                    }

                    @Override
                    public double refillPerSecond() {
                        return refillPerSecond;
                    }
                },
                warmUp,
                nanos::get);
    }

    private void advance(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void theWarmUpsOwnerIsNotCountedWhileItsTokenIsOpenAndIsLikeAnyOtherOnceClosed() {
        RateLimit limit = limit(2, 1);
        warmUp.open("threshold-warm-up:this-start", java.time.Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            assertEquals(0, limit.take("threshold-warm-up:this-start"));
        }
        assertEquals(0, limit.take("threshold-warm-up:another"));
        assertEquals(0, limit.take("threshold-warm-up:another"));
        assertTrue(limit.take("threshold-warm-up:another") > 0, "only the open token's owner is exempt");
        warmUp.close();
        assertEquals(0, limit.take("threshold-warm-up:this-start"));
        assertEquals(0, limit.take("threshold-warm-up:this-start"));
        assertTrue(limit.take("threshold-warm-up:this-start") > 0, "closed: a bucket like anyone's");
    }

    @Test
    void aBucketEmptiesThenRefillsAtItsRate() {
        RateLimit limit = limit(3, 2);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limit.take("alice"));
        }
        assertEquals(TimeUnit.MILLISECONDS.toNanos(500), limit.take("alice"), "half a second to the next token");
        advance(499);
        assertTrue(limit.take("alice") > 0);
        advance(1);
        assertEquals(0, limit.take("alice"));
        assertEquals(0, limit.take("bob"), "each owner has their own bucket");
    }

    @Test
    void anIdleBucketIsForgottenOnceItWouldBeFullAgain() {
        RateLimit limit = limit(4, 2); // an empty bucket is full again after 2 s
        for (int i = 0; i < 4; i++) {
            limit.take("alice");
        }
        assertTrue(limit.take("alice") > 0);
        assertEquals(1, limit.size());
        advance(1_999);
        assertEquals(1, limit.size(), "not yet full: kept");
        advance(1);
        assertEquals(0, limit.size(), "would be full again: forgotten");
        for (int i = 0; i < 4; i++) {
            assertEquals(0, limit.take("alice"), "a new bucket is a full one, as the old one would have been");
        }
        assertTrue(limit.take("alice") > 0);
    }

    @Test
    void aBucketInUseIsKept() {
        RateLimit limit = limit(2, 1); // forgotten after 2 s idle
        limit.take("alice");
        limit.take("alice");
        for (int i = 0; i < 10; i++) {
            advance(1_999);
            assertEquals(1, limit.size(), "used within the last 2 s: kept");
            limit.take("alice");
        }
        assertEquals(0, limit.take("alice"));
        assertTrue(limit.take("alice") > 0, "one token left, not a new bucket's two: the same bucket all along");
    }
}
