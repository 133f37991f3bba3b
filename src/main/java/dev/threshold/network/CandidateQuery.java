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
            "id, display_name, score_key, in_key, out_key, last_interaction_at, cadence_days";

    /** A contact found in a candidate list. */
    record Row(
            UUID id,
            String displayName,
            double key,
            double inKey,
            double outKey,
            Instant lastAt,
            Integer cadenceDays) {}

    private record Found(int branch, Row row) {}

    private final String owner;
    private final int limit;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private int branches;

    CandidateQuery(String owner, int limit) {
        this.owner = owner;
        this.limit = limit;
    }

    /**
     * Adds {@code minKey <= score_key < maxKey} (a non-empty range) and, when {@code touchedBefore} is given,
     * no cadence of its own and the last touch before it.
     */
    CandidateQuery scoreRange(double minKey, double maxKey, Instant touchedBefore) {
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
                        + " OR last_interaction_at < CAST(? AS timestamptz) - make_interval(days => cadence_days))"
                        + " ORDER BY last_interaction_at NULLS FIRST LIMIT ?)");
        params.add(owner);
        params.add(now.atOffset(ZoneOffset.UTC));
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
        return new Found(
                rs.getInt("branch"),
                new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("display_name"),
                        rs.getDouble("score_key"),
                        rs.getDouble("in_key"),
                        rs.getDouble("out_key"),
                        last == null ? null : last.toInstant(),
                        rs.getObject("cadence_days", Integer.class)));
    }
}
