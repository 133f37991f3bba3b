package dev.threshold.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Verified bearer tokens, remembered for a short while so that a client's next requests skip the RS256
 * check and the claims parsing (a quarter of a score read's CPU). An entry is the outcome of a successful
 * verification only, keyed by the SHA-256 of the exact token text (so a lookup compares digests, never
 * token text, and a token that differs in one character is verified afresh). It is used until the
 * earlier of the token's {@code exp} and {@code ttlMillis} after its verification, and the cache holds
 * at most {@code maxEntries} (once full of live entries it starts over): memory stays bounded. Failures are never cached. Generic in the verified value so that it is testable alone.
 */
public final class VerifiedTokens<T> {

    private record Entry<T>(T value, long usableUntil) {
    }

    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long ttlMillis;
    private final LongSupplier clock;

    public VerifiedTokens(int maxEntries, long ttlMillis, LongSupplier clock) {
        this.maxEntries = maxEntries;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    public boolean enabled() {
        return maxEntries > 0 && ttlMillis > 0;
    }

    /** The value remembered for {@code token}, or null when it must be verified. */
    public T get(String token) {
        if (!enabled()) {
            return null;
        }
        String key = digest(token);
        Entry<T> e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (clock.getAsLong() >= e.usableUntil()) {
            entries.remove(key, e);
            return null;
        }
        return e.value();
    }

    /**
     * Remembers a successful verification of {@code token}; {@code expiresAtMillis} is the token's
     * {@code exp} (≤ 0 when it has none).
     */
    public void put(String token, T value, long expiresAtMillis) {
        if (!enabled()) {
            return;
        }
        long now = clock.getAsLong();
        long until = now + ttlMillis;
        if (expiresAtMillis > 0) {
            until = Math.min(until, expiresAtMillis);
        }
        if (until <= now) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now >= e.usableUntil());
            if (entries.size() >= maxEntries) {
                // full of live entries (more active tokens than it holds): start over rather than stop
                // caching newcomers; each forgotten token is verified once more
                entries.clear();
            }
        }
        entries.put(digest(token), new Entry<>(value, until));
    }

    int size() {
        return entries.size();
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
