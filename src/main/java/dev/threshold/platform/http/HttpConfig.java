package dev.threshold.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code threshold.http.*}: the request body limits and HSTS; each default here and nowhere else. */
@ConfigMapping(prefix = "threshold.http")
public interface HttpConfig {

    /** Largest declared request body outside imports; larger is a 413 problem (THRESHOLD_HTTP_MAX_BODY_SIZE). */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /**
     * Largest body of an operation that takes a whole file (THRESHOLD_HTTP_MAX_IMPORT_SIZE): the imports, whose
     * bodies over {@code threshold.imports.async-threshold} are spooled to disk and run as jobs; at most
     * {@code quarkus.http.limits.max-body-size}, the hard stop.
     */
    @WithDefault("4G")
    MemorySize maxImportSize();

    Hsts hsts();

    /** {@code Strict-Transport-Security} on every response (only meaningful behind HTTPS). */
    interface Hsts {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("31536000")
        long maxAge();
    }
}
