package dev.threshold.nudge.events;

import dev.threshold.platform.persistence.Jdbc;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Deletes events older than {@link NudgeConfig#retention()} (30 days; their deliveries go with them, long finished:
 * retries end after 24 h), hourly, in slices of 5,000 through {@code nudge_events_created}. Like the idempotency
 * purge, a background statement that does not lead with {@code owner_id} (docs/architecture.md).
 */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);
    private static final int SLICE = 5000;

    private final Jdbc jdbc;
    private final NudgeConfig config;

    public OutboxPurge(Jdbc jdbc, NudgeConfig config) {
        this.jdbc = jdbc;
        this.config = config;
    }

    /** Deletes the events created before {@code now - retention}; how many. */
    public int purge(Instant now) {
        Instant before = now.minus(config.retention());
        int total = 0;
        for (int slice = 0; slice < 10_000; slice++) {
            int n = jdbc.update(
                    "DELETE FROM nudge_events e USING (SELECT owner_id, id FROM nudge_events WHERE created_at < ?"
                            + " ORDER BY created_at LIMIT " + SLICE + " FOR UPDATE SKIP LOCKED) old"
                            + " WHERE e.owner_id = old.owner_id AND e.id = old.id",
                    ps -> ps.setObject(1, before.atOffset(ZoneOffset.UTC)));
            total += n;
            if (n < SLICE) {
                break;
            }
        }
        return total;
    }

    @Scheduled(identity = "nudge-outbox-purge", every = "1h", delayed = "10m")
    void purgeQuietly() {
        try {
            int n = purge(Instant.now());
            if (n > 0) {
                LOG.debugf("Purged %d nudge events", n);
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Purging nudge events failed (%s); next try in an hour",
                    e.getClass().getSimpleName());
        }
    }
}
