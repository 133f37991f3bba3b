package dev.threshold.nudge.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.action.ActionRef;
import dev.threshold.action.ActionRefs;
import dev.threshold.action.ActionsChanged;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.score.ScoreChanged;
import dev.threshold.score.ScoreLedger;
import dev.threshold.score.ScoringChanged;
import dev.threshold.score.math.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Raises the events of a write, in its transaction: observes {@link ScoreChanged} (every write that changes stored
 * scores: single, batch, import, edit, delete) and {@link ScoringChanged} (a settings change).
 *
 * <p>Per contact it compares the score last announced ({@code nudge_watch}) with the new one: first the decay since
 * the last observation (events a sweep would have raised had it come first), then the write itself (cause
 * {@code interaction}); then stores the new observation and its next decay crossing. Two statements per write
 * (read the watch rows with the owner's actions; upsert them), plus one when there are events.
 */
@ApplicationScoped
public class ScoreWatch {

    private record Row(UUID id, String displayName, Double checkedKey, Instant checkedAt, String actions) {}

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final ScoreLedger ledger;
    private final WatchStore watch;
    private final Outbox outbox;
    private final NudgeConfig config;

    public ScoreWatch(
            Jdbc jdbc, ObjectMapper json, ScoreLedger ledger, WatchStore watch, Outbox outbox, NudgeConfig config) {
        this.jdbc = jdbc;
        this.json = json;
        this.ledger = ledger;
        this.watch = watch;
        this.outbox = outbox;
        this.config = config;
    }

    void onScoreChanged(@Observes ScoreChanged change) {
        String owner = change.owner();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Row> rows = jdbc.list(
                "WITH a AS (SELECT " + ActionRefs.json("o.owner_id") + " AS actions"
                        + "   FROM (SELECT CAST(? AS varchar) AS owner_id) o)"
                        + " SELECT c.id AS id, c.display_name AS display_name, w.checked_key AS checked_key,"
                        + "   w.checked_at AS checked_at, a.actions AS actions"
                        + " FROM a CROSS JOIN contacts c"
                        + " LEFT JOIN nudge_watch w ON w.owner_id = c.owner_id AND w.contact_id = c.id"
                        + " WHERE c.owner_id = ? AND c.id = ANY (?)",
                ps -> {
                    ps.setString(1, owner);
                    ps.setString(2, owner);
                    ps.setArray(
                            3,
                            ps.getConnection()
                                    .createArrayOf(
                                            "uuid", change.scoreKeys().keySet().toArray()));
                },
                rs -> {
                    double k = rs.getDouble("checked_key");
                    Double key = rs.wasNull() ? null : k;
                    OffsetDateTime at = rs.getObject("checked_at", OffsetDateTime.class);
                    return new Row(
                            rs.getObject("id", UUID.class),
                            rs.getString("display_name"),
                            key,
                            at == null ? null : at.toInstant(),
                            rs.getString("actions"));
                });
        if (rows.isEmpty()) {
            return;
        }
        ScoringSettings settings = ledger.settings(owner);
        List<ActionRef> actions = ActionRefs.fromJson(json, rows.get(0).actions());
        List<NudgeEvent> events = new ArrayList<>();
        List<WatchStore.Observed> observed = new ArrayList<>(rows.size());
        for (Row row : rows) {
            double key = change.scoreKeys().get(row.id());
            double before = row.checkedKey() == null ? Double.NEGATIVE_INFINITY : row.checkedKey();
            Instant since = row.checkedAt() == null || row.checkedAt().isAfter(now) ? now : row.checkedAt();
            events.addAll(Crossings.between(
                    row.id(),
                    row.displayName(),
                    before,
                    since,
                    before,
                    now,
                    settings,
                    actions,
                    config.dropSoonWindow(),
                    Crossings.BY_DECAY));
            events.addAll(Crossings.between(
                    row.id(),
                    row.displayName(),
                    before,
                    now,
                    key,
                    now,
                    settings,
                    actions,
                    config.dropSoonWindow(),
                    Crossings.BY_INTERACTION));
            observed.add(new WatchStore.Observed(
                    row.id(), key, Crossings.next(key, now, settings, actions, config.dropSoonWindow())));
        }
        watch.store(owner, now, observed);
        outbox.raise(owner, events, now);
    }

    void onActionsChanged(@Observes ActionsChanged change) {
        watch.rescheduleOwner(change.owner(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    void onScoringChanged(@Observes ScoringChanged change) {
        watch.resetOwner(change.owner(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
