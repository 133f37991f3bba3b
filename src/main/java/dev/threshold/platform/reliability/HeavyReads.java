package dev.threshold.platform.reliability;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The one {@link Bulkhead} of this instance's {@link HeavyRead}s: {@code threshold.db.heavy-reads} at once
 * (default 3, about the database's cores + 1), a caller waits up to {@code threshold.db.heavy-read-wait}
 * (default 5 s, as for a pooled connection), then gets a 503 with {@code Retry-After}.
 */
@ApplicationScoped
public class HeavyReads {

    private final Bulkhead bulkhead;

    public HeavyReads(@ConfigProperty(name = "threshold.db.heavy-reads", defaultValue = "3") int permits,
                      @ConfigProperty(name = "threshold.db.heavy-read-wait", defaultValue = "PT5S") Duration wait) {
        this.bulkhead = new Bulkhead(permits, wait, 5);
    }

    public Bulkhead bulkhead() {
        return bulkhead;
    }
}
