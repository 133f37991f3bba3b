package dev.threshold.platform.http;

import dev.threshold.platform.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body exceeds {@code threshold.http.max-body-size} with a 413 problem,
 * before any of it is read. Imports ({@value #IMPORTS}…) carry whole files and are allowed
 * {@code threshold.http.max-import-size} instead. (Quarkus' own limit, {@code quarkus.http.limits.max-body-size}, stays as the
 * hard stop for bodies sent without a length, but answers with an empty body.)
 */
@ApplicationScoped
public class BodyLimit {

    static final String IMPORTS = "/api/v1/imports/";

    private final long maxBytes;
    private final long maxImportBytes;

    public BodyLimit(@ConfigProperty(name = "threshold.http.max-body-size", defaultValue = "10M") MemorySize max,
                     @ConfigProperty(name = "threshold.http.max-import-size", defaultValue = "64M") MemorySize maxImport) {
        this.maxBytes = max.asLongValue();
        this.maxImportBytes = maxImport.asLongValue();
    }

    void install(@Observes Router router) {
        // Right after RequestIds (Integer.MIN_VALUE), so that the 413 problem carries the request id.
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null) {
                long declared;
                try {
                    declared = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    declared = -1;
                }
                long limit = ctx.normalizedPath().startsWith(IMPORTS) ? maxImportBytes : maxBytes;
                if (declared > limit) {
                    Problem problem = new Problem(Problem.TYPE_BASE + "payload-too-large", "Payload too large", 413,
                            "The request body is " + declared + " bytes; at most " + limit + " are accepted.",
                            ctx.request().path(), null);
                    ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close").end(Json.encode(problem));
                    return;
                }
            }
            ctx.next();
        });
    }
}
