package dev.threshold.platform.webapp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** {@code threshold.ui.*}: how the web app signs people in; each default here and nowhere else. */
@ConfigMapping(prefix = "threshold.ui")
public interface WebAppConfig {

    Oidc oidc();

    /**
     * OpenID Connect sign-in (Authorization Code with PKCE) for a public client of the token issuer. Without a
     * client id the app asks for a bearer token instead.
     */
    interface Oidc {
        /** The public client's id at the issuer (THRESHOLD_UI_OIDC_CLIENT_ID); unset: no OpenID Connect sign-in. */
        Optional<String> clientId();

        /** The issuer's URL, when it differs from {@code mp.jwt.verify.issuer} (THRESHOLD_UI_OIDC_AUTHORITY). */
        Optional<String> authority();

        /** The scopes the app asks for, space-separated (THRESHOLD_UI_OIDC_SCOPE). */
        @WithDefault("openid")
        String scope();
    }
}
