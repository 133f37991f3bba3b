package dev.threshold.platform.auth;

import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parser the bearer-token authentication uses is the decorated one (in-process only: it injects the bean). */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    JWTParser parser;

    @Test
    void theAuthenticationsParserRemembersVerifiedTokensOnly() throws Exception {
        String owner = TestTokens.newOwner();
        String token = TestTokens.forOwner(owner);
        assertSame(parser.parse(token), parser.parse(token));
        assertNotSame(parser.parse(token), parser.parse(TestTokens.forOwner(TestTokens.newOwner())));
        String bad = TestTokens.otherKey(owner);
        assertThrows(ParseException.class, () -> parser.parse(bad));
        assertThrows(ParseException.class, () -> parser.parse(bad), "a failure is not remembered either way");
        assertThrows(ParseException.class, () -> parser.parse(TestTokens.expired(owner)));
    }
}
