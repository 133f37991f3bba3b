package dev.threshold.platform.http;

import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code Strict-Transport-Security} on every response, errors from the HTTP layer (401, 413) included: it is added
 * just before the head is written. The other security headers ({@code nosniff}, {@code X-Frame-Options},
 * {@code Referrer-Policy}, the {@code /api/} {@code Cache-Control} and {@code Content-Security-Policy}) are the HTTP
 * layer's header configuration in application.properties; HSTS stays here because configuration cannot switch a
 * header off ({@code threshold.http.hsts.enabled}, see {@link HttpConfig}). Browsers honour it only over HTTPS,
 * which the proxy in front of the service terminates.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String hsts;

    public SecurityHeaders(HttpConfig config) {
        this.hsts = config.hsts().enabled() ? "max-age=" + config.hsts().maxAge() + "; includeSubDomains" : null;
    }

    void install(@Observes @Priority(1000) Router router) {
        if (hsts == null) {
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            var response = ctx.response();
            ctx.addHeadersEndHandler(v -> response.headers().set("Strict-Transport-Security", hsts));
            ctx.next();
        });
    }
}
