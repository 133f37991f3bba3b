package dev.threshold.platform.warmup;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTParser;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token step verifies real RS256 tokens with SmallRye's own parser, one per twenty rounds, and notices a parser
 * that answers someone else.
 */
class TokenWarmUpTest {

    @Test
    void verifiesOneSignedTokenPerTwentyRoundsWithItsOwnKeyAndIssuer() {
        List<JsonWebToken> verified = new ArrayList<>();
        new TokenWarmUp(parser(jwt -> {
                    verified.add(jwt);
                    return jwt;
                }))
                .exercise(200);
        assertEquals(10, verified.size());
        assertTrue(verified.stream().allMatch(j -> j.getSubject().startsWith("threshold-warm-up:")));
        assertTrue(verified.stream().allMatch(j -> j.getIssuer().equals("urn:threshold:warm-up:token-step")));
        assertEquals(
                10, verified.stream().map(JsonWebToken::getTokenID).distinct().count());
    }

    @Test
    void aParserThatAnswersSomeoneElseFailsTheStep() {
        TokenWarmUp step = new TokenWarmUp(parser(jwt -> {
            JwtClaims other = new JwtClaims();
            other.setSubject("someone-else");
            return new DefaultJWTCallerPrincipal(other);
        }));
        assertThrows(IllegalStateException.class, () -> step.exercise(20));
    }

    /** SmallRye's parser (a real verification), its answers passed through {@code then}. */
    private static JWTParser parser(UnaryOperator<JsonWebToken> then) {
        DefaultJWTParser real = new DefaultJWTParser();
        return (JWTParser) Proxy.newProxyInstance(
                JWTParser.class.getClassLoader(), new Class<?>[] {JWTParser.class}, (proxy, method, args) -> {
                    try {
                        Object answer = method.invoke(real, args);
                        return answer instanceof JsonWebToken jwt ? then.apply(jwt) : answer;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
