package dev.threshold.nudge.webhooks;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Encrypts webhook signing keys at rest with AES-256-GCM under a key from configuration, so that a database dump
 * alone cannot forge signatures. The stored value is {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}; the
 * associated data binds it to its row ({@code owner + "/" + webhook id}), so a ciphertext copied to another row does
 * not decrypt. The AES key is SHA-256 of the configured string (a high-entropy value, not a password).
 */
public final class SecretBox {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(String configuredKey) {
        if (configuredKey == null || configuredKey.length() < 32) {
            throw new IllegalArgumentException("threshold.webhooks.secret-key must be at least 32 characters");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(configuredKey.getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] seal(byte[] plain, String binding) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(binding.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing a webhook secret", e);
        }
    }

    /** The plain key; throws when the value was not sealed by this key for this binding. */
    public byte[] open(byte[] stored, String binding) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE));
            cipher.updateAAD(binding.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(Arrays.copyOfRange(stored, NONCE, stored.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret does not open with the configured key", e);
        }
    }
}
