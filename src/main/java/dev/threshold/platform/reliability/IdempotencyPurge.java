package dev.threshold.platform.reliability;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Deletes expired idempotency keys of every owner, every {@code threshold.idempotency.purge-interval} (1 h).
 * A keyed request also deletes its own owner's expired keys, so this only sweeps owners who went quiet.
 * Every instance runs it; the deletes are idempotent. It deletes in slices so no transaction grows large.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);
    private final AgroalDataSource dataSource;
    private final Duration interval;
    private ScheduledExecutorService timer;

    public IdempotencyPurge(AgroalDataSource dataSource,
                            @ConfigProperty(name = "threshold.idempotency.purge-interval", defaultValue = "PT1H") Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        timer = Sweeps.every("idempotency-purge", interval, this::purgeQuietly);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Deletes every expired key; returns how many. */
    public int purge() throws SQLException {
        int total = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY("
                     + "SELECT ctid FROM idempotency_keys WHERE expires_at < now() LIMIT 5000))")) {
            int n;
            do {
                n = delete.executeUpdate();
                total += n;
            } while (n == 5000);
        }
        return total;
    }

    private void purgeQuietly() {
        try {
            int n = purge();
            if (n > 0) {
                LOG.debugf("Purged %d expired idempotency keys", n);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Purging expired idempotency keys failed (%s); next try in %s", e.getClass().getSimpleName(), interval);
        }
    }
}
