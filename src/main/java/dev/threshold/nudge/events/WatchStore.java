package dev.threshold.nudge.events;

import dev.threshold.platform.persistence.Columns;
import dev.threshold.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The {@code nudge_watch} rows (V13): per contact, the score key last announced, when, and the instant of its next
 * decay crossing. Written with the contact row locked (by the writer, or by the sweep's claim), so that one
 * contact's observations are serialised like its score.
 */
@ApplicationScoped
public class WatchStore {

    /** A new observation of one contact. */
    public record Observed(UUID contactId, double key, Instant nextAt) {}

    private final Jdbc jdbc;

    /** The columns of {@link #store}'s {@code unnest}. */
    private static final Columns<Observed> OBSERVED = Columns.<Observed>of()
            .add("uuid", Observed::contactId)
            .add("float8", Observed::key)
            .add("timestamptz", Observed::nextAt);

    public WatchStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the observations made at {@code at}, one statement. */
    public void store(String owner, Instant at, List<Observed> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(
                "INSERT INTO nudge_watch (owner_id, contact_id, checked_key, checked_at, next_at)"
                        + " SELECT ?, v.id, v.k, ?, v.next"
                        + " FROM unnest(CAST(? AS uuid[]), CAST(? AS float8[]), CAST(? AS timestamptz[])) AS v(id, k, next)"
                        + " ON CONFLICT (owner_id, contact_id) DO UPDATE SET checked_key = excluded.checked_key,"
                        + " checked_at = excluded.checked_at, next_at = excluded.next_at",
                ps -> {
                    ps.setString(1, owner);
                    ps.setObject(2, at.atOffset(ZoneOffset.UTC));
                    OBSERVED.bind(ps, 3, rows);
                });
    }

    /**
     * After a change of the owner's scoring settings: every scored contact is taken as announced as it is now,
     * and due for the sweep at once (which computes its next crossing under the new settings). A change of the
     * ruler is not a change of the relationships: it raises no events (docs/nudges.md).
     */
    public int resetOwner(String owner, Instant at) {
        return jdbc.update(
                "INSERT INTO nudge_watch (owner_id, contact_id, checked_key, checked_at, next_at)"
                        + " SELECT owner_id, id, score_key, ?, ? FROM contacts WHERE owner_id = ? AND interaction_count > 0"
                        + " ON CONFLICT (owner_id, contact_id) DO UPDATE SET checked_key = excluded.checked_key,"
                        + " checked_at = excluded.checked_at, next_at = excluded.next_at",
                ps -> {
                    ps.setObject(1, at.atOffset(ZoneOffset.UTC));
                    ps.setObject(2, at.atOffset(ZoneOffset.UTC));
                    ps.setString(3, owner);
                });
    }

    /**
     * After a change of the owner's actions: every scheduled crossing that lies ahead is brought forward to
     * {@code at}, so that the sweep computes it again with the new thresholds (announcing nothing for the change
     * itself: compared at the old and the new instant with the same thresholds).
     */
    public int rescheduleOwner(String owner, Instant at) {
        return jdbc.update(
                "UPDATE nudge_watch SET next_at = ? WHERE owner_id = ? AND (next_at IS NULL OR next_at > ?)"
                        + " AND checked_key > '-Infinity'",
                ps -> {
                    ps.setObject(1, at.atOffset(ZoneOffset.UTC));
                    ps.setString(2, owner);
                    ps.setObject(3, at.atOffset(ZoneOffset.UTC));
                });
    }
}
