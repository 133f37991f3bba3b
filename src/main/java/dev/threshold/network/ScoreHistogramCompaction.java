package dev.threshold.network;

import dev.threshold.platform.reliability.Sweeps;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Folds the per-session stripes of {@code score_histogram} (migration V8) into stripe 0, every
 * {@code threshold.score-histogram.compact-interval} (1 h), so that an owner's histogram stays at about
 * one row per bucket: the summary reads buckets × stripes rows.
 *
 * <p>Each slice is one statement ({@code WITH picked … FOR UPDATE SKIP LOCKED, moved AS (DELETE …
 * RETURNING …) INSERT … ON CONFLICT DO UPDATE}), so the counts are moved atomically: a concurrent summary
 * sees them either in their stripe or in stripe 0, never in both or neither. {@code SKIP LOCKED} leaves
 * alone the rows that an open transaction is writing (the compaction never waits for a writer; a writer
 * waits at most for one slice). That is why it folds the stripes of live sessions too: pooled connections
 * live for days, and their stripes would otherwise never fold. Stripe 0 rows left at zero are deleted.
 *
 * <p>Every instance runs it; a session advisory lock lets one instance at a time do the work, so that
 * stripe 0 has a single writer. It is, with the idempotency-key sweep, one of the two statements that do
 * not lead with {@code owner_id} (docs/architecture.md): it walks the small partial index of unfolded rows.
 */
@ApplicationScoped
public class ScoreHistogramCompaction {

    private static final Logger LOG = Logger.getLogger(ScoreHistogramCompaction.class);
    /** pg_advisory_lock key of the compaction (any constant; "thresh" + "hist" in ASCII, roughly). */
    static final long LOCK_KEY = 0x7468726573686869L;
    static final int SLICE = 2000;
    private static final int MAX_SLICES = 10_000;

    private static final String FOLD = "WITH picked AS ("
            + "   SELECT owner_id, bucket, stripe FROM score_histogram WHERE stripe <> 0"
            + "   ORDER BY owner_id, bucket, stripe LIMIT " + SLICE + " FOR UPDATE SKIP LOCKED),"
            + " moved AS ("
            + "   DELETE FROM score_histogram h USING picked p"
            + "   WHERE h.owner_id = p.owner_id AND h.bucket = p.bucket AND h.stripe = p.stripe"
            + "   RETURNING h.owner_id, h.bucket, h.contacts, h.interactions),"
            + " folded AS ("
            + "   INSERT INTO score_histogram AS h (owner_id, bucket, stripe, contacts, interactions)"
            + "   SELECT owner_id, bucket, 0, sum(contacts), sum(interactions) FROM moved"
            + "   GROUP BY owner_id, bucket ORDER BY owner_id, bucket"
            + "   ON CONFLICT (owner_id, bucket, stripe) DO UPDATE"
            + "     SET contacts = h.contacts + excluded.contacts, interactions = h.interactions + excluded.interactions"
            + "   RETURNING h.owner_id, h.bucket, h.contacts, h.interactions)"
            + " SELECT (SELECT count(*) FROM moved),"
            + "   array_agg(owner_id) FILTER (WHERE contacts = 0 AND interactions = 0),"
            + "   array_agg(bucket) FILTER (WHERE contacts = 0 AND interactions = 0)"
            + " FROM folded";

    private static final String DROP_ZEROS = "DELETE FROM score_histogram h"
            + " USING unnest(CAST(? AS varchar[]), CAST(? AS bigint[])) AS z(owner_id, bucket)"
            + " WHERE h.owner_id = z.owner_id AND h.bucket = z.bucket AND h.stripe = 0"
            + " AND h.contacts = 0 AND h.interactions = 0";

    private final AgroalDataSource dataSource;
    private final Duration interval;
    private ScheduledExecutorService timer;

    public ScoreHistogramCompaction(AgroalDataSource dataSource,
                                    @ConfigProperty(name = "threshold.score-histogram.compact-interval", defaultValue = "PT1M")
                                    Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        timer = Sweeps.every("score-histogram-compaction", interval, this::compactQuietly);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /**
     * Folds every unfolded row that no open transaction is writing into stripe 0; returns how many rows it
     * folded, or -1 when another instance holds the compaction lock.
     */
    public int compact() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!advisory(c, "pg_try_advisory_lock")) {
                return -1;
            }
            try {
                int total = 0;
                for (int slice = 0; slice < MAX_SLICES; slice++) {
                    int moved = foldSlice(c);
                    total += moved;
                    if (moved < SLICE) {
                        break;
                    }
                }
                return total;
            } finally {
                advisory(c, "pg_advisory_unlock");
            }
        }
    }

    private static boolean advisory(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static int foldSlice(Connection c) throws SQLException {
        int moved;
        Object[] owners = null;
        Object[] buckets = null;
        try (PreparedStatement fold = c.prepareStatement(FOLD); ResultSet rs = fold.executeQuery()) {
            rs.next();
            moved = rs.getInt(1);
            Array o = rs.getArray(2);
            Array b = rs.getArray(3);
            if (o != null && b != null) {
                owners = (Object[]) o.getArray();
                buckets = (Object[]) b.getArray();
            }
        }
        if (owners != null) {
            try (PreparedStatement drop = c.prepareStatement(DROP_ZEROS)) {
                drop.setArray(1, c.createArrayOf("varchar", owners));
                drop.setArray(2, c.createArrayOf("int8", buckets));
                drop.executeUpdate();
            }
        }
        return moved;
    }

    private void compactQuietly() {
        try {
            int n = compact();
            if (n > 0) {
                LOG.debugf("Folded %d score histogram rows", n);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Compacting the score histogram failed (%s); next try in %s", e.getClass().getSimpleName(), interval);
        }
    }
}
