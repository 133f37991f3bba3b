package dev.threshold.platform.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that an operation takes a whole file as its body, on a resource method or on a resource class (then for
 * every path under the class's {@code @Path}). Such an operation is allowed a larger body
 * ({@code threshold.http.max-import-size} instead of {@code threshold.http.max-body-size}, see
 * platform.http.BodyLimit), and a keyed request to it runs in a transaction of {@code Transactions.LONG_RUNNING}
 * (see platform.reliability.Idempotency). The platform knows no feature's paths: a feature declares this instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TakesFile {}
