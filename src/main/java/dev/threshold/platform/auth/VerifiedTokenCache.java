package dev.threshold.platform.auth;

import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decorates SmallRye's token parser (the one the bearer-token authentication calls for every request)
 * with {@link VerifiedTokens}: a token verified in the last {@code threshold.jwt.cache.ttl} (60 s) and not
 * yet expired is not verified again. Everything else (bad signature, wrong issuer, expiry) still goes
 * through SmallRye, and its failures are not remembered. {@code threshold.jwt.cache.max-entries=0} turns it off
 * ({@link TokenCacheConfig}). The instance's own warm-up token ({@link WarmUpTokens}), while it is open, is
 * accepted as the warm-up's synthetic owner; it is never put in the cache.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {

    private final JWTParser delegate;
    private final VerifiedTokens<JsonWebToken> verified;
    private final WarmUpTokens warmUp;

    @Inject
    public VerifiedTokenCache(@Delegate JWTParser delegate, TokenCacheConfig config, WarmUpTokens warmUp) {
        this.delegate = delegate;
        this.warmUp = warmUp;
        this.verified = new VerifiedTokens<>(
                config.maxEntries(), config.ttl(), System::currentTimeMillis, Ticker.systemTicker());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (token == null) {
            return delegate.parse(null);
        }
        JsonWebToken known = verified.get(token);
        if (known != null) {
            return known;
        }
        JsonWebToken warm = warmUp.identify(token);
        if (warm != null) {
            return warm;
        }
        JsonWebToken jwt = delegate.parse(token);
        verified.put(token, jwt, jwt.getExpirationTime() * 1000L);
        return jwt;
    }
}
