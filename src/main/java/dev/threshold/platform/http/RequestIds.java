package dev.threshold.platform.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token (1–128 characters of
 * letters, digits and {@code . _ : -}), else a new UUID. The id is echoed in the {@code X-Request-Id} response
 * header, put in the log MDC as {@code requestId} (so every log line of the request carries it, in JSON logs as
 * {@code mdc.requestId}), and added to every problem response by {@code Problem}. Kept: Quarkus has no request id
 * of its own short of OpenTelemetry tracing, and the id must reach the logs, the response and the problem bodies.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    void install(@Observes Router router) {
        // Before everything else (the body limit and authentication answer with problems too).
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String id = accept(ctx.request().getHeader(HEADER));
            MDC.put(MDC_KEY, id);
            ctx.put(MDC_KEY, id);
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        });
    }

    /** The caller's id when it is safe to log and echo, else a fresh one. */
    static String accept(String offered) {
        if (offered != null) {
            String trimmed = offered.trim();
            if (SAFE.matcher(trimmed).matches()) {
                return trimmed;
            }
        }
        return UUID.randomUUID().toString();
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
