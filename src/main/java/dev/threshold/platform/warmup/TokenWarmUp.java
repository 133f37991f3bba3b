package dev.threshold.platform.warmup;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Bearer-token verification, warmed in-process before readiness ({@link WarmUpStep}): the warm-up's own requests
 * carry a token the instance issued itself, which skips the RS256 check, so the first real request of every client
 * would otherwise load and run that code cold (measured: one such request before the load took the first 2 s p99
 * from about 43 to 10–21 ms, docs/benchmarks.md). Here the application's own token parser verifies an RS256 token
 * signed with a key pair made up for this start, with a verification context of its own (that key, a made-up
 * issuer): the same parsing, signature check and claims validation as a client's token, without the configured
 * keys, and with nothing cached. One verification per {@value #ROUNDS_PER_TOKEN} rounds.
 */
@ApplicationScoped
class TokenWarmUp implements WarmUpStep {

    static final int ROUNDS_PER_TOKEN = 20;
    private static final String ISSUER = "urn:threshold:warm-up:token-step";

    private final JWTParser parser;

    TokenWarmUp(JWTParser parser) {
        this.parser = parser;
    }

    @Override
    public void exercise(int rounds) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            JWTAuthContextInfo context =
                    new JWTAuthContextInfo((java.security.interfaces.RSAPublicKey) keys.getPublic(), ISSUER);
            String subject = "threshold-warm-up:" + UUID.randomUUID();
            for (int i = 0; i < Math.max(1, rounds / ROUNDS_PER_TOKEN); i++) {
                String token = sign(keys, subject, i);
                if (!subject.equals(parser.parse(token, context).getSubject())) {
                    throw new IllegalStateException("the warm-up token's subject did not survive verification");
                }
            }
        } catch (NoSuchAlgorithmException | JoseException | ParseException e) {
            throw new IllegalStateException("token verification warm-up failed", e);
        }
    }

    /** An RS256 token as an identity provider issues one: issuer, subject, expiry, issued-at and a unique id. */
    private static String sign(KeyPair keys, String subject, int i) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setIssuedAtToNow();
        claims.setJwtId(subject + ":" + i);
        claims.setStringListClaim("groups", "user");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }
}
