package dev.threshold.platform.auth;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void remembersAVerifiedTokenUntilTheTtl() {
        VerifiedTokens<String> cache = new VerifiedTokens<>(10, 60_000, now::get);
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
        VerifiedTokens<String> cache = new VerifiedTokens<>(10, 60_000, now::get);
        cache.put("a.b.c", "alice", now.get() + 5_000);
        now.addAndGet(4_999);
        assertEquals("alice", cache.get("a.b.c"));
        now.addAndGet(1);
        assertNull(cache.get("a.b.c"));
    }

    @Test
    void anAlreadyExpiredTokenIsNotStored() {
        VerifiedTokens<String> cache = new VerifiedTokens<>(10, 60_000, now::get);
        cache.put("a.b.c", "alice", now.get());
        assertNull(cache.get("a.b.c"));
        assertEquals(0, cache.size());
    }

    @Test
    void aTokenWithoutExpiryLastsTheTtl() {
        VerifiedTokens<String> cache = new VerifiedTokens<>(10, 1_000, now::get);
        cache.put("a.b.c", "alice", 0);
        assertEquals("alice", cache.get("a.b.c"));
        now.addAndGet(1_000);
        assertNull(cache.get("a.b.c"));
    }

    @Test
    void onlyTheExactTextMatches() {
        VerifiedTokens<String> cache = new VerifiedTokens<>(10, 60_000, now::get);
        cache.put("a.b.c", "alice", 0);
        assertNull(cache.get("a.b.d"));
        assertNull(cache.get("a.b.c "));
        assertNull(cache.get("A.b.c"));
        assertEquals("alice", cache.get("a.b.c"));
    }

    @Test
    void boundedFullOfLiveEntriesStartsOver() {
        VerifiedTokens<String> cache = new VerifiedTokens<>(3, 60_000, now::get);
        for (int i = 0; i < 3; i++) {
            cache.put("t" + i, "v" + i, 0);
        }
        assertEquals(3, cache.size());
        cache.put("t3", "v3", 0);
        assertEquals(1, cache.size(), "full of live entries: forgets them, keeps the newcomer");
        assertEquals("v3", cache.get("t3"));
        assertNull(cache.get("t0"));
        cache.put("t4", "v4", 0);
        cache.put("t5", "v5", 0);
        now.addAndGet(60_000);
        cache.put("t6", "v6", 0);
        assertEquals(1, cache.size(), "expired entries make room first");
        assertEquals("v6", cache.get("t6"));
        for (int i = 0; i < 100; i++) {
            cache.put("n" + i, "x", 0);
            assertTrue(cache.size() <= 3);
        }
    }

    @Test
    void offWhenSizeOrTtlIsZero() {
        VerifiedTokens<String> none = new VerifiedTokens<>(0, 60_000, now::get);
        none.put("a", "x", 0);
        assertNull(none.get("a"));
        assertFalse(none.enabled());
        VerifiedTokens<String> instant = new VerifiedTokens<>(10, 0, now::get);
        instant.put("a", "x", 0);
        assertNull(instant.get("a"));
    }
}
