package dev.threshold.nudge.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.action.ActionRef;
import dev.threshold.action.ActionRefs;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.score.ScoreLedger;
import dev.threshold.score.math.ScoringSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the changes that decay alone causes (no write happened), within a minute of their instant: every
 * {@link NudgeConfig#sweepInterval()} each instance claims the {@code nudge_watch} rows whose next crossing is due
 * (the partial index {@code nudge_watch_due}: the cost grows with the number of due rows, not with the number of
 * contacts), raises their events (cause {@code decay}) and stores each one's next crossing, in slices of
 * {@link NudgeConfig#sweepBatch()} rows, one transaction each.
 *
 * <p>The claim locks the watch row and its contact row ({@code FOR NO KEY UPDATE … SKIP LOCKED}): N instances
 * sweep without duplicates and never wait for each other or for a writer; a writer that holds the contact raises
 * the decay events itself ({@link ScoreWatch}).
 */
@ApplicationScoped
public class DecaySweep {

    private static final Logger LOG = Logger.getLogger(DecaySweep.class);
    private static final int MAX_SLICES = 10_000;

    public static final String CLAIM = "SELECT w.owner_id AS owner_id, w.contact_id AS contact_id,"
            + " w.checked_key AS checked_key, w.checked_at AS checked_at, c.score_key AS score_key,"
            + " c.display_name AS display_name"
            + " FROM nudge_watch w JOIN contacts c ON c.owner_id = w.owner_id AND c.id = w.contact_id"
            + " WHERE w.next_at <= ? LIMIT ? FOR NO KEY UPDATE OF w, c SKIP LOCKED";

    private record Due(
            String owner, UUID contactId, double checkedKey, Instant checkedAt, double scoreKey, String name) {}

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final ScoreLedger ledger;
    private final WatchStore watch;
    private final Outbox outbox;
    private final NudgeConfig config;

    public DecaySweep(
            Jdbc jdbc, ObjectMapper json, ScoreLedger ledger, WatchStore watch, Outbox outbox, NudgeConfig config) {
        this.jdbc = jdbc;
        this.json = json;
        this.ledger = ledger;
        this.watch = watch;
        this.outbox = outbox;
        this.config = config;
    }

    /** Sweeps everything due at {@code now} (tests pass a later instant instead of waiting); rows handled. */
    @ActivateRequestContext
    public int sweep(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        int total = 0;
        for (int slice = 0; slice < MAX_SLICES; slice++) {
            int n = QuarkusTransaction.requiringNew().call(() -> slice(at));
            total += n;
            if (n < config.sweepBatch()) {
                break;
            }
        }
        return total;
    }

    private int slice(Instant now) {
        List<Due> due = jdbc.list(
                CLAIM,
                ps -> {
                    ps.setObject(1, now.atOffset(java.time.ZoneOffset.UTC));
                    ps.setInt(2, config.sweepBatch());
                },
                rs -> new Due(
                        rs.getString("owner_id"),
                        rs.getObject("contact_id", UUID.class),
                        rs.getDouble("checked_key"),
                        rs.getObject("checked_at", OffsetDateTime.class).toInstant(),
                        rs.getDouble("score_key"),
                        rs.getString("display_name")));
        Map<String, List<Due>> byOwner = new LinkedHashMap<>();
        for (Due d : due) {
            byOwner.computeIfAbsent(d.owner(), o -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<String, List<Due>> entry : byOwner.entrySet()) {
            String owner = entry.getKey();
            ScoringSettings settings = ledger.settingsUnderLock(owner);
            List<ActionRef> actions = actions(owner);
            List<NudgeEvent> events = new ArrayList<>();
            List<WatchStore.Observed> observed = new ArrayList<>();
            for (Due d : entry.getValue()) {
                Instant since = d.checkedAt().isAfter(now) ? now : d.checkedAt();
                events.addAll(Crossings.between(
                        d.contactId(),
                        d.name(),
                        d.checkedKey(),
                        since,
                        d.checkedKey(),
                        now,
                        settings,
                        actions,
                        config.dropSoonWindow(),
                        Crossings.BY_DECAY));
                if (Double.compare(d.checkedKey(), d.scoreKey()) != 0) { // not expected: every write observes
                    events.addAll(Crossings.between(
                            d.contactId(),
                            d.name(),
                            d.checkedKey(),
                            now,
                            d.scoreKey(),
                            now,
                            settings,
                            actions,
                            config.dropSoonWindow(),
                            Crossings.BY_INTERACTION));
                }
                observed.add(new WatchStore.Observed(
                        d.contactId(),
                        d.scoreKey(),
                        Crossings.next(d.scoreKey(), now, settings, actions, config.dropSoonWindow())));
            }
            watch.store(owner, now, observed);
            outbox.raise(owner, events, now);
        }
        return due.size();
    }

    private List<ActionRef> actions(String owner) {
        return jdbc.first(
                        "SELECT " + ActionRefs.json("o.owner_id") + " AS actions"
                                + " FROM (SELECT CAST(? AS varchar) AS owner_id) o",
                        ps -> ps.setString(1, owner),
                        rs -> ActionRefs.fromJson(json, rs.getString("actions")))
                .orElse(List.of());
    }

    /** The timer; a run still going when the next is due is skipped. */
    @Scheduled(
            identity = "nudge-decay-sweep",
            every = "{threshold.nudges.sweep-interval}",
            delayed = "{threshold.nudges.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepQuietly() {
        try {
            int n = sweep(Instant.now());
            if (n > 0) {
                LOG.debugf("Decay sweep handled %d contacts", n);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Decay sweep failed (%s); next try in %s", e.getClass().getSimpleName(), config.sweepInterval());
        }
    }
}
