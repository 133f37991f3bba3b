package dev.threshold.platform.webapp;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * The web app's run-time settings and its Content-Security-Policy.
 *
 * <ul>
 *   <li>{@code GET /ui/config} (no sign-in needed, not under {@code /api}: it is the platform's, not the API's)
 *       answers {@code {"oidc": {"authority", "clientId", "scope"}}} when {@code THRESHOLD_UI_OIDC_CLIENT_ID} is
 *       set, else {@code {"oidc": null}}. The authority is {@code THRESHOLD_UI_OIDC_AUTHORITY} or, by default, the
 *       token issuer the API verifies ({@code mp.jwt.verify.issuer}).
 *   <li>Every response outside {@code /api/} and {@code /q/} carries the app's policy: scripts and styles from
 *       {@code 'self'} only, no inline script, no {@code eval}, {@code frame-ancestors 'none'}; {@code connect-src}
 *       adds the issuer's origin only when OpenID Connect is configured (discovery, token and refresh requests).
 * </ul>
 */
@ApplicationScoped
public class WebAppRoutes {

    static final String CONFIG_PATH = "/ui/config";

    private final String configJson;
    private final String policy;

    public WebAppRoutes(WebAppConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        Optional<String> clientId = config.oidc().clientId().map(String::trim).filter(s -> !s.isEmpty());
        Optional<String> authority =
                config.oidc().authority().or(() -> issuer).map(String::trim).filter(s -> !s.isEmpty());
        JsonObject body = new JsonObject();
        String connect = "'self'";
        if (clientId.isPresent() && authority.isPresent()) {
            body.put(
                    "oidc",
                    new JsonObject()
                            .put("authority", authority.get())
                            .put("clientId", clientId.get())
                            .put("scope", config.oidc().scope().trim()));
            connect += " " + origin(authority.get());
        } else {
            body.putNull("oidc");
        }
        this.configJson = body.encode();
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src " + connect + "; font-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    /** The policy the app's pages are served with. */
    public String policy() {
        return policy;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String path = ctx.normalizedPath();
            if (!path.startsWith("/api/") && !path.startsWith("/q/")) {
                var response = ctx.response();
                ctx.addHeadersEndHandler(v -> response.headers().set("Content-Security-Policy", policy));
            }
            ctx.next();
        });
        router.get(CONFIG_PATH).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(configJson));
    }

    /** {@code scheme://host[:port]} of an absolute URL; an unusable one is a start-up error, not a silent gap. */
    static String origin(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "THRESHOLD_UI_OIDC_AUTHORITY / mp.jwt.verify.issuer is not an absolute URL: " + url);
        }
        return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
