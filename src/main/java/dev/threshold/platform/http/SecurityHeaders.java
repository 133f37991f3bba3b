package dev.threshold.platform.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every response, errors from the HTTP layer (401, 413) included: they are added just
 * before the head is written. {@code /api/} responses are never cached and may never render anything.
 * HSTS is on by default ({@code threshold.http.hsts.enabled}); browsers honour it only over HTTPS, which the
 * proxy in front of the service terminates.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final boolean hsts;
    private final long hstsMaxAge;

    public SecurityHeaders(@ConfigProperty(name = "threshold.http.hsts.enabled", defaultValue = "true") boolean hsts,
                           @ConfigProperty(name = "threshold.http.hsts.max-age", defaultValue = "31536000") long hstsMaxAge) {
        this.hsts = hsts;
        this.hstsMaxAge = hstsMaxAge;
    }

    void install(@Observes @Priority(1000) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            boolean api = ctx.request().path().startsWith("/api/");
            HttpServerResponse response = ctx.response();
            ctx.addHeadersEndHandler(v -> {
                var headers = response.headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                if (hsts) {
                    headers.set("Strict-Transport-Security", "max-age=" + hstsMaxAge + "; includeSubDomains");
                }
                if (api) {
                    headers.set("Cache-Control", "no-store");
                    headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                } else if (!headers.contains("Content-Security-Policy")) {
                    headers.set("Content-Security-Policy", "frame-ancestors 'none'");
                }
            });
            ctx.next();
        });
    }
}
