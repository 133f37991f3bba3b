package dev.threshold.platform.http;

import dev.threshold.platform.api.TakesFile;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.platform.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses a request whose declared body exceeds {@code threshold.http.max-body-size} with a 413 problem,
 * before any of it is read. Operations that take a whole file ({@link TakesFile}) are allowed
 * {@code threshold.http.max-import-size} instead; their paths are read from the resource classes at start-up.
 * Kept as a Vert.x route: Quarkus' own limit, {@code quarkus.http.limits.max-body-size}, is one for all paths and
 * answers with an empty body; it stays as the hard stop. A body sent without a length (chunked) is held to the same
 * per-path limit while it is read: a second route, right after Quarkus' own, replaces the limit Quarkus hands to the
 * request's input stream (the routing context's {@value #QUARKUS_LIMIT_KEY}) by this path's, and reads the body
 * of any other path with Vert.x' body handler, limited to {@code max-body-size}, so that raising the hard stop for
 * the imports' large bodies raises it for no other path.
 */
@ApplicationScoped
public class BodyLimit {

    /** Where Quarkus (HttpServerCommonHandlers, order -2) leaves the limit its VertxInputStream enforces. */
    static final String QUARKUS_LIMIT_KEY = "io.quarkus.max-request-size";

    private final long maxBytes;
    private final long maxFileBytes;
    private final BeanManager beans;

    public BodyLimit(HttpConfig config, BeanManager beans) {
        this.maxBytes = config.maxBodySize().asLongValue();
        this.maxFileBytes = config.maxImportSize().asLongValue();
        this.beans = beans;
    }

    void install(@Observes Router router) {
        Pattern takesFile = takesFilePaths(resourceClasses());
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
                long limit = takesFile.matcher(ctx.normalizedPath()).matches() ? maxFileBytes : maxBytes;
                if (declared > limit) {
                    Problem problem = Problem.of(
                            ApiProblem.payloadTooLarge(declared, limit),
                            ctx.request().path());
                    ctx.response()
                            .setStatusCode(413)
                            .putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close")
                            .end(Json.encode(problem));
                    return;
                }
            }
            ctx.next();
        });
        // After Quarkus' upload limit (order -2), which stored its single limit for bodies without a length: a file
        // operation's stream stops at max-import-size; any other body without a length is read here, up to
        // max-body-size (a larger one is a 413), and handed on as read.
        BodyHandler bounded = BodyHandler.create(false).setBodyLimit(maxBytes);
        router.route().order(-1).handler(ctx -> {
            if (ctx.request().getHeader("Content-Length") == null
                    && ctx.request().getHeader("Transfer-Encoding") != null) {
                if (takesFile.matcher(ctx.normalizedPath()).matches()) {
                    ctx.put(QUARKUS_LIMIT_KEY, maxFileBytes);
                } else {
                    ctx.put(QUARKUS_LIMIT_KEY, maxBytes);
                    bounded.handle(ctx);
                    return;
                }
            }
            ctx.next();
        });
    }

    /** The JAX-RS resource classes: in Quarkus REST every resource class is a bean. */
    private List<Class<?>> resourceClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                classes.add(bean.getBeanClass());
            }
        }
        return classes;
    }

    /**
     * The paths of the operations that take a file: under a class annotated {@link TakesFile} every path below its
     * {@code @Path}; of an annotated method its own path. A pattern that matches nothing when none is.
     */
    static Pattern takesFilePaths(Collection<Class<?>> resources) {
        List<String> alternatives = new ArrayList<>();
        for (Class<?> resource : resources) {
            String base = path(resource.getAnnotation(Path.class));
            if (resource.isAnnotationPresent(TakesFile.class)) {
                alternatives.add(below(base));
                continue;
            }
            for (Method method : resource.getMethods()) {
                if (method.isAnnotationPresent(TakesFile.class)) {
                    alternatives.add(exactly(base + path(method.getAnnotation(Path.class))));
                }
            }
        }
        return Pattern.compile(alternatives.isEmpty() ? "(?!)" : String.join("|", alternatives));
    }

    /** Every path below {@code path}: it and a slash, then anything. */
    static String below(String path) {
        return Pattern.quote(path + "/") + ".*";
    }

    /** A path template as a regular expression: literal text quoted, each {@code {param}} one segment, "/" optional at the end. */
    static String exactly(String path) {
        String[] literals = path.split("\\{[^}]*}", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append("[^/]+");
            }
            if (!literals[i].isEmpty()) {
                regex.append(Pattern.quote(literals[i]));
            }
        }
        return regex.append("/?").toString();
    }

    /** A {@code @Path} value as "/a/b" (no trailing slash), "" when absent. */
    private static String path(Path path) {
        if (path == null) {
            return "";
        }
        String value = path.value().replaceAll("/+$", "");
        return value.isEmpty() || value.startsWith("/") ? value : "/" + value;
    }
}
