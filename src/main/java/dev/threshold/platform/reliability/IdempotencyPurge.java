package dev.threshold.platform.reliability;

import dev.threshold.platform.persistence.Jdbc;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;

/**
 * Deletes expired idempotency keys of every owner, every {@code threshold.idempotency.purge-interval} (1 h).
 * A keyed request also deletes its own owner's expired keys, so this only sweeps owners who went quiet.
 * Every instance runs it; the deletes are idempotent. It deletes in slices so no transaction grows large.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);
    static final int SLICE = 5000;

    private final Jdbc jdbc;
    private final IdempotencyConfig config;

    public IdempotencyPurge(Jdbc jdbc, IdempotencyConfig config) {
        this.jdbc = jdbc;
        this.config = config;
    }

    /** Deletes every expired key, a slice at a time on one connection (each slice its own autocommit); how many. */
    public int purge() {
        return jdbc.run(c -> {
            int total = 0;
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY("
                    + "SELECT ctid FROM idempotency_keys WHERE expires_at < now() LIMIT " + SLICE + "))")) {
                int n;
                do {
                    n = delete.executeUpdate();
                    total += n;
                } while (n == SLICE);
            }
            return total;
        });
    }

    @Scheduled(
            identity = "idempotency-purge",
            every = "{threshold.idempotency.purge-interval}",
            delayed = "{threshold.idempotency.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeQuietly() {
        try {
            int n = purge();
            if (n > 0) {
                LOG.debugf("Purged %d expired idempotency keys", n);
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Purging expired idempotency keys failed (%s); next try in %s",
                    e.getClass().getSimpleName(), config.purgeInterval());
        }
    }
}
