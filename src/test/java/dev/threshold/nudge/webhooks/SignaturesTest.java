package dev.threshold.nudge.webhooks;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignaturesTest {

    /** The Standard Webhooks specification's published test vector (standard-webhooks, spec tests). */
    @Test
    void signsTheSpecificationTestVector() {
        byte[] key = Signatures.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                Signatures.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}"));
    }

    @Test
    void aChangedBodyIdOrTimestampChangesTheSignature() {
        byte[] key = Signatures.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String good = Signatures.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");
        assertNotEquals(
                good, Signatures.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232315}"));
        assertNotEquals(good, Signatures.sign(key, "msg_other", 1614265330L, "{\"test\": 2432232314}"));
        assertNotEquals(
                good, Signatures.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331L, "{\"test\": 2432232314}"));
    }

    @Test
    void newSecretsAreWhsecWithA32ByteKey() {
        byte[] key = Signatures.newKey();
        String secret = Signatures.secret(key);
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertArrayEquals(key, Signatures.key(secret));
        assertNotEquals(secret, Signatures.secret(Signatures.newKey()));
    }

    @Test
    void sealedSecretsOpenOnlyWithTheirKeyAndRow() {
        SecretBox box = new SecretBox("a-test-key-of-at-least-thirty-two-characters");
        byte[] key = Signatures.newKey();
        byte[] sealed = box.seal(key, "owner/1");
        assertArrayEquals(key, box.open(sealed, "owner/1"));
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "owner/2"));
        SecretBox other = new SecretBox("another-test-key-of-at-least-thirty-two-characters");
        assertThrows(IllegalStateException.class, () -> other.open(sealed, "owner/1"));
        assertNotEquals(
                Base64.getEncoder().encodeToString(sealed),
                Base64.getEncoder().encodeToString(box.seal(key, "owner/1")));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox("short"));
    }
}
