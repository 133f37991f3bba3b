package dev.threshold.platform.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedTokensTest {

    /** One clock for both the tokens' {@code exp} (epoch milliseconds) and the cache's ticker (nanoseconds). */
    private final AtomicLong now = new AtomicLong(1_000_000);

    private VerifiedTokens<String> cache(int maxEntries, long ttlMillis) {
        return new VerifiedTokens<>(maxEntries, Duration.ofMillis(ttlMillis), now::get, () -> now.get() * 1_000_000L);
    }

    @Test
    void remembersAVerifiedTokenUntilTheTtl() {
        VerifiedTokens<String> cache = cache(10, 60_000);
        cache.put("a.b.c", "alice", now.get() + 3_600_000);
        assertEquals("alice", cache.get("a.b.c"));
        now.addAndGet(59_999);
        assertEquals("alice", cache.get("a.b.c"));
        now.addAndGet(1);
        assertNull(cache.get("a.b.c"));
        assertEquals(0, cache.size());
    }

    @Test
    void neverPastTheTokensExpiry() {
        VerifiedTokens<String> cache = cache(10, 60_000);
        cache.put("a.b.c", "alice", now.get() + 5_000);
        now.addAndGet(4_999);
        assertEquals("alice", cache.get("a.b.c"));
        now.addAndGet(1);
        assertNull(cache.get("a.b.c"), "gone at the token's exp, though the ttl has 55 s left");
        assertEquals(0, cache.size());
    }

    @Test
    void eachEntryHasItsOwnExpiry() {
        VerifiedTokens<String> cache = cache(10, 60_000);
        cache.put("short", "s", now.get() + 1_000);
        cache.put("long", "l", now.get() + 30_000);
        cache.put("none", "n", 0);
        now.addAndGet(1_000);
        assertNull(cache.get("short"));
        assertEquals("l", cache.get("long"));
        assertEquals("n", cache.get("none"));
        now.addAndGet(29_000);
        assertNull(cache.get("long"));
        assertEquals("n", cache.get("none"));
        now.addAndGet(30_000);
        assertNull(cache.get("none"));
    }

    @Test
    void readingAnEntryDoesNotExtendIt() {
        VerifiedTokens<String> cache = cache(10, 10_000);
        cache.put("a.b.c", "alice", 0);
        for (int i = 0; i < 9; i++) {
            now.addAndGet(1_000);
            assertEquals("alice", cache.get("a.b.c"));
        }
        now.addAndGet(1_000);
        assertNull(cache.get("a.b.c"));
    }

    @Test
    void aNewVerificationStartsANewLifetime() {
        VerifiedTokens<String> cache = cache(10, 10_000);
        cache.put("a.b.c", "alice", 0);
        now.addAndGet(9_000);
        cache.put("a.b.c", "alice again", now.get() + 2_000);
        now.addAndGet(1_999);
        assertEquals("alice again", cache.get("a.b.c"));
        now.addAndGet(1);
        assertNull(cache.get("a.b.c"), "the new entry's exp holds too");
    }

    @Test
    void anAlreadyExpiredTokenIsNotStored() {
        VerifiedTokens<String> cache = cache(10, 60_000);
        cache.put("a.b.c", "alice", now.get());
        assertNull(cache.get("a.b.c"));
        assertEquals(0, cache.size());
    }

    @Test
    void aTokenWithoutExpiryLastsTheTtl() {
        VerifiedTokens<String> cache = cache(10, 1_000);
        cache.put("a.b.c", "alice", 0);
        assertEquals("alice", cache.get("a.b.c"));
        now.addAndGet(1_000);
        assertNull(cache.get("a.b.c"));
    }

    @Test
    void onlyTheExactTextMatches() {
        VerifiedTokens<String> cache = cache(10, 60_000);
        cache.put("a.b.c", "alice", 0);
        assertNull(cache.get("a.b.d"));
        assertNull(cache.get("a.b.c "));
        assertNull(cache.get("A.b.c"));
        assertEquals("alice", cache.get("a.b.c"));
    }

    @Test
    void aFullCacheEvictsInsteadOfStartingOver() {
        VerifiedTokens<String> cache = cache(3, 60_000);
        for (int i = 0; i < 3; i++) {
            cache.put("t" + i, "v" + i, 0);
        }
        assertEquals(3, cache.size());
        cache.put("t3", "v3", 0);
        assertEquals(3, cache.size(), "full of live entries: one is evicted, the others stay");
        int live = 0;
        for (int i = 0; i <= 3; i++) {
            live += cache.get("t" + i) == null ? 0 : 1;
        }
        assertEquals(3, live);
        for (int i = 0; i < 100; i++) {
            cache.put("n" + i, "x", 0);
            assertTrue(cache.size() <= 3);
        }
        assertEquals(3, cache.size());
    }

    @Test
    void expiredEntriesLeave() {
        VerifiedTokens<String> cache = cache(3, 60_000);
        cache.put("t0", "v0", 0);
        cache.put("t1", "v1", now.get() + 1_000);
        now.addAndGet(1_000);
        assertEquals(1, cache.size());
        now.addAndGet(59_000);
        assertEquals(0, cache.size());
    }

    @Test
    void offWhenSizeOrTtlIsZero() {
        VerifiedTokens<String> none = cache(0, 60_000);
        none.put("a", "x", 0);
        assertNull(none.get("a"));
        assertFalse(none.enabled());
        VerifiedTokens<String> instant = cache(10, 0);
        instant.put("a", "x", 0);
        assertNull(instant.get("a"));
        assertFalse(instant.enabled());
    }
}
