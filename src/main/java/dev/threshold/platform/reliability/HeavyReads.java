package dev.threshold.platform.reliability;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one {@link Bulkhead} of this instance's {@link HeavyRead}s: {@code threshold.db.heavy-reads} at once
 * (default 3, about the database's cores + 1), a caller waits up to {@code threshold.db.heavy-read-wait}
 * (default 5 s, as for a pooled connection), then gets a 503 with {@code Retry-After} ({@link HeavyReadConfig}).
 * Kept as one bean for every heavy read (not a limit per method): the summary and the recommendations compete for
 * the same database cores, so they share one limit (docs/benchmarks.md).
 */
@ApplicationScoped
public class HeavyReads {

    private final Bulkhead bulkhead;

    public HeavyReads(HeavyReadConfig config) {
        this.bulkhead = new Bulkhead(config.heavyReads(), config.heavyReadWait(), 5);
    }

    public Bulkhead bulkhead() {
        return bulkhead;
    }
}
