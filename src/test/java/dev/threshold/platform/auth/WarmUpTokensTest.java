package dev.threshold.platform.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The warm-up's own token: accepted only while open, only within its lifetime, only the exact text. */
class WarmUpTokensTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final WarmUpTokens tokens = new WarmUpTokens(nanos::get);

    @Test
    void theOpenTokenIsTheWarmUpOwnerUntilClosed() {
        String token = tokens.open("threshold-warm-up:a", Duration.ofSeconds(30));
        assertEquals("threshold-warm-up:a", tokens.identify(token).getSubject());
        assertNull(tokens.identify(token + "x"));
        assertNull(tokens.identify(token.substring(1)));
        assertNull(tokens.identify(null));
        tokens.close();
        assertNull(tokens.identify(token), "closed for good");
    }

    @Test
    void theTokenLapsesAtItsLifetimeEvenIfNeverClosed() {
        String token = tokens.open("threshold-warm-up:b", Duration.ofSeconds(30));
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertEquals("threshold-warm-up:b", tokens.identify(token).getSubject(), "still within its lifetime");
        nanos.addAndGet(1);
        assertNull(tokens.identify(token));
        nanos.addAndGet(-1);
        assertNull(tokens.identify(token), "a lapsed token is forgotten, not only refused");
    }

    @Test
    void eachOpeningIsAFreshSecretAndReplacesThePreviousOne() {
        String first = tokens.open("threshold-warm-up:c", Duration.ofSeconds(30));
        String second = tokens.open("threshold-warm-up:d", Duration.ofSeconds(30));
        assertNotEquals(first, second);
        assertNull(tokens.identify(first));
        assertEquals("threshold-warm-up:d", tokens.identify(second).getSubject());
        assertEquals(43, second.length(), "256 random bits, base64url");
    }
}
