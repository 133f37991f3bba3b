package dev.threshold.network;

import dev.threshold.platform.persistence.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The recommendations' one statement: every candidate list is a {@code UNION ALL} branch, a range on the
 * stored score key (for a tier's cadence also on the last touch, through the GiST index of V7; the personal
 * cadences through the index of V3), each bounded by its own {@code LIMIT}. Branch {@code i} is the i-th
 * range added, the personal-cadence branch comes last; so a request costs one round trip however many
 * tiers and reasons there are. {@code bench/scale.sh} benchmarks these branches: keep its copies in step.
 */
final class CandidateQuery {

    private static final String COLUMNS =
            "id, display_name, score_key, in_key, out_key, last_interaction_at, cadence_days, peak_log2_points, peak_at";

    /**
     * What every branch adds: not snoozed at {@code now}, and not dismissed for this reason in the situation the
     * contact is still in (the same score key, number of interactions and tier: docs/nudges.md). The tier is the
     * score key's at {@code now}, by the tier floors' keys (bit-exact with the Java tier, ScoreCalculator.keyFloor).
     * Parameters: now, reason, the ALLY, FRIEND and ACQUAINTANCE floors' keys.
     */
    private static final String VISIBLE = " AND (snoozed_until IS NULL OR snoozed_until <= ?)"
            + " AND NOT EXISTS (SELECT 1 FROM recommendation_dismissals d WHERE d.owner_id = contacts.owner_id"
            + " AND d.contact_id = contacts.id AND d.reason = ? AND d.score_key = contacts.score_key"
            + " AND d.interaction_count = contacts.interaction_count"
            + " AND d.tier = CASE WHEN contacts.score_key >= ? THEN 'ALLY' WHEN contacts.score_key >= ? THEN 'FRIEND'"
            + " WHEN contacts.score_key >= ? THEN 'ACQUAINTANCE' ELSE 'STRANGER' END)";

    /** A contact found in a candidate list. */
    record Row(
            UUID id,
            String displayName,
            double key,
            double inKey,
            double outKey,
            Instant lastAt,
            Integer cadenceDays,
            double peakLog2Points,
            Instant peakAt) {}

    private record Found(int branch, Row row) {}

    private final String owner;
    private final int limit;
    private final OffsetDateTime now;
    private final double[] tierKeys;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private int branches;

    /**
     * @param tierKeys the key floors at {@code now} of ALLY, FRIEND and ACQUAINTANCE, in this order (for the tier a
     *                 dismissal was made in)
     */
    CandidateQuery(String owner, int limit, Instant now, double... tierKeys) {
        if (tierKeys.length != 3) {
            throw new IllegalArgumentException("the floors of ALLY, FRIEND and ACQUAINTANCE");
        }
        this.owner = owner;
        this.limit = limit;
        this.now = now.atOffset(ZoneOffset.UTC);
        this.tierKeys = tierKeys.clone();
    }

    /** {@link #VISIBLE} for {@code reason}. */
    private void visible(Recommendation.Reason reason) {
        sql.append(VISIBLE);
        params.add(now);
        params.add(reason.name());
        for (double key : tierKeys) {
            params.add(key);
        }
    }

    /**
     * Adds {@code minKey <= score_key < maxKey} (a non-empty range) and, when {@code touchedBefore} is given,
     * no cadence of its own and the last touch before it.
     */
    CandidateQuery scoreRange(Recommendation.Reason reason, double minKey, double maxKey, Instant touchedBefore) {
        branch();
        sql.append("SELECT ")
                .append(branches - 1)
                .append(" AS branch, ")
                .append(COLUMNS)
                .append(" FROM contacts WHERE owner_id = ? AND score_key >= ?");
        params.add(owner);
        params.add(minKey);
        if (maxKey != Double.POSITIVE_INFINITY) {
            sql.append(" AND score_key < ?");
            params.add(maxKey);
        }
        if (touchedBefore != null) {
            // the box bounds both dimensions in contacts_owner_cadence_due_idx (GiST); the plain conditions
            // keep the result exact
            OffsetDateTime before = touchedBefore.atOffset(ZoneOffset.UTC);
            sql.append(" AND cadence_days IS NULL AND last_interaction_at < ?"
                    + " AND last_interaction_at IS NOT NULL AND score_key > '-Infinity'"
                    + " AND point(score_key, threshold_epoch(last_interaction_at))"
                    + " <@ box(point(?, -1e300), point(?, threshold_epoch(CAST(? AS timestamptz))))");
            params.add(before);
            params.add(Math.max(minKey, -1e300));
            params.add(Math.min(maxKey, 1e300));
            params.add(before);
        }
        visible(reason);
        sql.append(" ORDER BY score_key DESC, id LIMIT ?)");
        params.add(limit);
        return this;
    }

    /** Adds the contacts with a cadence of their own that are due at {@code now}, never touched first. */
    CandidateQuery personalCadenceDue(Instant now) {
        branch();
        sql.append("SELECT ")
                .append(branches - 1)
                .append(" AS branch, ")
                .append(COLUMNS)
                .append(" FROM contacts WHERE owner_id = ? AND cadence_days IS NOT NULL"
                        + " AND (last_interaction_at IS NULL"
                        + " OR last_interaction_at < CAST(? AS timestamptz) - make_interval(days => cadence_days))");
        params.add(owner);
        params.add(now.atOffset(ZoneOffset.UTC));
        visible(Recommendation.Reason.CADENCE_DUE);
        sql.append(" ORDER BY last_interaction_at NULLS FIRST LIMIT ?)");
        params.add(limit);
        return this;
    }

    /**
     * Adds REKINDLE: a peak of at least {@code minPeak} (log2 points, {@link dev.threshold.score.math.Peak}) and a
     * score key now below {@code maxKey}, strongest peak first. Both bounds are one box in the GiST index of V14
     * ({@code contacts_owner_rekindle_idx} over the point (peak, score key)); the plain conditions keep it exact.
     */
    CandidateQuery rekindle(double minPeak, double maxKey) {
        branch();
        sql.append("SELECT ")
                .append(branches - 1)
                .append(" AS branch, ")
                .append(COLUMNS)
                .append(" FROM contacts WHERE owner_id = ? AND peak_log2_points >= ? AND score_key < ?"
                        + " AND peak_log2_points > '-Infinity' AND score_key > '-Infinity'"
                        + " AND point(peak_log2_points, score_key) <@ box(point(?, -1e300), point(1e300, ?))");
        params.add(owner);
        params.add(minPeak);
        params.add(maxKey);
        params.add(Math.max(minPeak, -1e300));
        params.add(Math.min(maxKey, 1e300));
        visible(Recommendation.Reason.REKINDLE);
        sql.append(" ORDER BY peak_log2_points DESC, id LIMIT ?)");
        params.add(limit);
        return this;
    }

    private void branch() {
        sql.append(branches == 0 ? "(" : " UNION ALL (");
        branches++;
    }

    /** The rows of every branch, in the order the branches were added: one statement. */
    List<List<Row>> read(Jdbc jdbc) {
        List<List<Row>> rows = new ArrayList<>();
        for (int i = 0; i < branches; i++) {
            rows.add(new ArrayList<>());
        }
        List<Found> found = jdbc.list(
                sql.toString(),
                ps -> {
                    for (int i = 0; i < params.size(); i++) {
                        ps.setObject(i + 1, params.get(i));
                    }
                },
                CandidateQuery::found);
        for (Found f : found) {
            rows.get(f.branch()).add(f.row());
        }
        return rows;
    }

    private static Found found(ResultSet rs) throws SQLException {
        OffsetDateTime last = rs.getObject("last_interaction_at", OffsetDateTime.class);
        OffsetDateTime peakAt = rs.getObject("peak_at", OffsetDateTime.class);
        return new Found(
                rs.getInt("branch"),
                new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("display_name"),
                        rs.getDouble("score_key"),
                        rs.getDouble("in_key"),
                        rs.getDouble("out_key"),
                        last == null ? null : last.toInstant(),
                        rs.getObject("cadence_days", Integer.class),
                        rs.getDouble("peak_log2_points"),
                        peakAt == null ? null : peakAt.toInstant()));
    }
}
