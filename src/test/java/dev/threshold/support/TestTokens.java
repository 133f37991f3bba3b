package dev.threshold.support;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Real RS256 tokens signed with the test key pair (src/test/resources/test-jwt). */
public final class TestTokens {

    public static final String ISSUER = "https://threshold.test/issuer";

    private TestTokens() {}

    public static String newOwner() {
        return "owner-" + UUID.randomUUID();
    }

    public static String forOwner(String owner) {
        return Jwt.issuer(ISSUER).subject(owner).expiresIn(3600).sign(key("privateKey.pem"));
    }

    public static String expired(String owner) {
        return Jwt.issuer(ISSUER)
                .subject(owner)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign(key("privateKey.pem"));
    }

    public static String wrongIssuer(String owner) {
        return Jwt.issuer("https://evil.example/issuer")
                .subject(owner)
                .expiresIn(3600)
                .sign(key("privateKey.pem"));
    }

    public static String otherKey(String owner) {
        return Jwt.issuer(ISSUER).subject(owner).expiresIn(3600).sign(key("otherPrivateKey.pem"));
    }

    public static String withoutSubject() {
        return Jwt.issuer(ISSUER).claim("scope", "none").expiresIn(3600).sign(key("privateKey.pem"));
    }

    private static PrivateKey key(String name) {
        try (InputStream in = TestTokens.class.getResourceAsStream("/test-jwt/" + name)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test key " + name, e);
        }
    }
}
