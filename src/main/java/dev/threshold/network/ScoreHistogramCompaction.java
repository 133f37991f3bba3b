package dev.threshold.network;

import dev.threshold.platform.persistence.Jdbc;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Folds the per-session stripes of {@code score_histogram} (migration V8) into stripe 0, every
 * {@link ScoreHistogramConfig#compactInterval()} (1 min; the first one interval after the start), so that an owner's histogram stays at about
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
            + " SELECT (SELECT count(*) FROM moved) AS moved,"
            + "   array_agg(owner_id) FILTER (WHERE contacts = 0 AND interactions = 0) AS zero_owners,"
            + "   array_agg(bucket) FILTER (WHERE contacts = 0 AND interactions = 0) AS zero_buckets"
            + " FROM folded";

    private static final String DROP_ZEROS = "DELETE FROM score_histogram h"
            + " USING unnest(CAST(? AS varchar[]), CAST(? AS bigint[])) AS z(owner_id, bucket)"
            + " WHERE h.owner_id = z.owner_id AND h.bucket = z.bucket AND h.stripe = 0"
            + " AND h.contacts = 0 AND h.interactions = 0";

    private final Jdbc jdbc;
    private final ScoreHistogramConfig config;

    public ScoreHistogramCompaction(Jdbc jdbc, ScoreHistogramConfig config) {
        this.jdbc = jdbc;
        this.config = config;
    }

    /**
     * Folds every unfolded row that no open transaction is writing into stripe 0; returns how many rows it
     * folded, or -1 when another instance holds the compaction lock.
     */
    public int compact() {
        // one connection for the session advisory lock and every slice; outside a transaction, each slice
        // commits on its own
        return jdbc.run(c -> {
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
        });
    }

    private static boolean advisory(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?) AS done")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean("done");
            }
        }
    }

    /** What a {@link #FOLD} moved, and the stripe 0 rows it left at zero (null when none). */
    private record Folded(int moved, Object[] zeroOwners, Object[] zeroBuckets) {

        static Folded of(ResultSet rs) throws SQLException {
            Array owners = rs.getArray("zero_owners");
            Array buckets = rs.getArray("zero_buckets");
            boolean zeros = owners != null && buckets != null;
            return new Folded(
                    rs.getInt("moved"),
                    zeros ? (Object[]) owners.getArray() : null,
                    zeros ? (Object[]) buckets.getArray() : null);
        }
    }

    private static int foldSlice(Connection c) throws SQLException {
        Folded folded;
        try (PreparedStatement fold = c.prepareStatement(FOLD);
                ResultSet rs = fold.executeQuery()) {
            rs.next();
            folded = Folded.of(rs);
        }
        if (folded.zeroOwners() != null) {
            try (PreparedStatement drop = c.prepareStatement(DROP_ZEROS)) {
                drop.setArray(1, c.createArrayOf("varchar", folded.zeroOwners()));
                drop.setArray(2, c.createArrayOf("int8", folded.zeroBuckets()));
                drop.executeUpdate();
            }
        }
        return folded.moved();
    }

    /**
     * The timer: every interval, the first one interval after the start (in tests an hour, so it never races
     * a test that folds by hand); a run still going when the next is due is skipped, not queued.
     */
    @Scheduled(
            identity = "score-histogram-compaction",
            every = "{threshold.score-histogram.compact-interval}",
            delayed = "{threshold.score-histogram.compact-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compactQuietly() {
        try {
            int n = compact();
            if (n > 0) {
                LOG.debugf("Folded %d score histogram rows", n);
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Compacting the score histogram failed (%s); next try in %s",
                    e.getClass().getSimpleName(), config.compactInterval());
        }
    }
}
