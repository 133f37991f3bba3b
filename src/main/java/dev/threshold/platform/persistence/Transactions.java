package dev.threshold.platform.persistence;

import java.time.Duration;

/** Transaction timeouts, one place for each (the default, 300 s, is Quarkus' own: quarkus.transaction-manager.default-transaction-timeout). */
public final class Transactions {

    /**
     * A transaction that carries a whole file (an import: up to {@code threshold.http.max-import-size} of rows,
     * streamed in chunks): fifteen minutes, shared by the import itself and by the idempotency filter that
     * wraps a keyed import in its own transaction.
     */
    public static final Duration LONG_RUNNING = Duration.ofMinutes(15);

    private Transactions() {}
}
