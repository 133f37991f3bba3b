package dev.threshold.nudge.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A feed's secret: 256 bits from {@link SecureRandom}, base64url without padding (43 characters), and its SHA-256,
 * the only form stored. A hash without salt suffices: the secret is random and as long as the hash, so a dump of the
 * hashes cannot be turned back into working URLs.
 */
final class FeedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private FeedSecrets() {}

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code secret} can be one (else it is not looked up at all). */
    static boolean wellFormed(String secret) {
        return secret != null && SHAPE.matcher(secret).matches();
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
