package dev.threshold.platform.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.function.LongSupplier;

/**
 * The one bearer token the instance issues to itself, for its warm-up ({@code platform.warmup}): 256 random bits
 * from {@link SecureRandom}, held in this object's memory only (never logged, never written), accepted by
 * {@link VerifiedTokenCache} as the given owner while it is open and at most for its lifetime, then forgotten for
 * good by {@link #close()}. At most one is open at a time; opening another replaces it. Nobody outside the process
 * can present it, so it opens no door: the owner it names is the warm-up's own synthetic one.
 */
@ApplicationScoped
public class WarmUpTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Open(byte[] digest, JsonWebToken identity, long notAfterNanos) {}

    private final LongSupplier nanoClock;
    private volatile Open open;

    public WarmUpTokens() {
        this(System::nanoTime);
    }

    WarmUpTokens(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A fresh token that authenticates as {@code owner} until {@link #close()} or {@code lifetime}, whichever first. */
    public String open(String owner, Duration lifetime) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        JwtClaims claims = new JwtClaims();
        claims.setSubject(owner);
        claims.setIssuer("urn:threshold:warm-up");
        claims.setExpirationTime(NumericDate.fromMilliseconds(System.currentTimeMillis() + lifetime.toMillis()));
        open = new Open(
                digest(token), new DefaultJWTCallerPrincipal(claims), nanoClock.getAsLong() + lifetime.toNanos());
        return token;
    }

    /** Forgets the open token: from now on it is an unknown bearer token like any other. */
    public void close() {
        open = null;
    }

    /**
     * Whether {@code owner} is the owner of the open, unexpired warm-up token: the instance's own synthetic owner,
     * made up for this start, whose requests the per-owner rate limit does not count.
     */
    public boolean isOpenFor(String owner) {
        Open current = open;
        return current != null
                && owner != null
                && nanoClock.getAsLong() - current.notAfterNanos() <= 0
                && owner.equals(current.identity().getSubject());
    }

    /** The warm-up identity when {@code token} is the open, unexpired warm-up token; otherwise null. */
    public JsonWebToken identify(String token) {
        Open current = open;
        if (current == null || token == null) {
            return null;
        }
        if (nanoClock.getAsLong() - current.notAfterNanos() > 0) {
            open = null;
            return null;
        }
        // constant time: the comparison tells nothing about how much of a guess was right
        return MessageDigest.isEqual(current.digest(), digest(token)) ? current.identity() : null;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
