package dev.threshold.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Verified bearer tokens, remembered for a short while so that a client's next requests skip the RS256
 * check and the claims parsing (a quarter of a score read's CPU). An entry is the outcome of a successful
 * verification only, keyed by the SHA-256 of the exact token text (so a lookup compares digests, never
 * token text, and a token that differs in one character is verified afresh). Failures are never cached.
 *
 * <p>A Caffeine cache: each entry expires at the earlier of the token's {@code exp} and {@code ttl} after its
 * verification (a per-entry {@link Expiry}; Caffeine never returns an expired entry, swept or not), and at most
 * {@code maxEntries} are kept (beyond that Caffeine evicts the least useful ones; each evicted token is verified
 * once more). Generic in the verified value, with the clocks passed in, so that it is testable alone.
 */
public final class VerifiedTokens<T> {

    private record Entry<T>(T value, long lifetimeNanos) {}

    private final Cache<String, Entry<T>> entries;
    private final long ttlMillis;
    private final LongSupplier wallClockMillis;

    /**
     * @param wallClockMillis the epoch clock the tokens' {@code exp} is compared with
     * @param ticker          the cache's clock for the entries' lifetimes (nanoseconds, monotonic)
     */
    public VerifiedTokens(int maxEntries, Duration ttl, LongSupplier wallClockMillis, Ticker ticker) {
        this.ttlMillis = ttl.toMillis();
        this.wallClockMillis = wallClockMillis;
        this.entries = maxEntries > 0 && ttlMillis > 0
                ? Caffeine.newBuilder()
                        .maximumSize(maxEntries)
                        .ticker(ticker)
                        .expireAfter(new UntilExpiry<T>())
                        // maintenance (expiry, eviction) on the calling thread, not handed to the common pool:
                        // a few map operations per request, and the cache's state is deterministic after each
                        // call (a sweep racing on the pool left VerifiedTokensTest seeing an expired entry counted)
                        .executor(Runnable::run)
                        .build()
                : null;
    }

    public boolean enabled() {
        return entries != null;
    }

    /** The value remembered for {@code token}, or null when it must be verified. */
    public T get(String token) {
        if (entries == null) {
            return null;
        }
        Entry<T> e = entries.getIfPresent(digest(token));
        return e == null ? null : e.value();
    }

    /**
     * Remembers a successful verification of {@code token}; {@code expiresAtMillis} is the token's
     * {@code exp} (≤ 0 when it has none).
     */
    public void put(String token, T value, long expiresAtMillis) {
        if (entries == null) {
            return;
        }
        long lifetimeMillis = ttlMillis;
        if (expiresAtMillis > 0) {
            lifetimeMillis = Math.min(lifetimeMillis, expiresAtMillis - wallClockMillis.getAsLong());
        }
        if (lifetimeMillis <= 0) {
            return;
        }
        entries.put(digest(token), new Entry<>(value, TimeUnit.MILLISECONDS.toNanos(lifetimeMillis)));
    }

    /** Entries held once Caffeine's pending maintenance (expiry, eviction) has run: for tests. */
    long size() {
        if (entries == null) {
            return 0;
        }
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** An entry lives its own lifetime from its (latest) verification; reading it does not extend it. */
    private static final class UntilExpiry<T> implements Expiry<String, Entry<T>> {

        @Override
        public long expireAfterCreate(String key, Entry<T> entry, long currentTime) {
            return entry.lifetimeNanos();
        }

        @Override
        public long expireAfterUpdate(String key, Entry<T> entry, long currentTime, long currentDuration) {
            return entry.lifetimeNanos();
        }

        @Override
        public long expireAfterRead(String key, Entry<T> entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
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
