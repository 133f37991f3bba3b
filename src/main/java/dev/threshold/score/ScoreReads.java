package dev.threshold.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.action.ActionRef;
import dev.threshold.action.ActionRefs;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.score.math.ScoreState;
import dev.threshold.score.math.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a score read needs, in one statement and one round trip: the contact's stored state, the owner's
 * scoring settings and the owner's actions (the action feature's SQL, {@link ActionRefs}). (Three queries cost
 * three round trips and three trips through the ORM; this is the hottest read of the service, see
 * docs/benchmarks.md.) Read-only: through {@link Jdbc}, on the pool's connection, which inside a transaction is
 * the transaction's own connection.
 */
@ApplicationScoped
public class ScoreReads {

    private static final String SQL = "SELECT " + ScoreLedger.stateColumns("c") + ", "
            + OwnerScoring.settingsColumns("s") + ","
            + " " + ActionRefs.provisioned("c.owner_id") + " AS provisioned,"
            + " " + ActionRefs.json("c.owner_id") + " AS actions"
            + " FROM contacts c LEFT JOIN scoring_settings s ON s.owner_id = c.owner_id"
            + " WHERE c.owner_id = ? AND c.id = ?";

    /** {@code actions} is null when the owner was never provisioned (its default actions do not exist yet). */
    public record Snapshot(ScoreState state, ScoringSettings settings, List<ActionRef> actions) {}

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final OwnerScoring scoring;

    public ScoreReads(Jdbc jdbc, ObjectMapper json, OwnerScoring scoring) {
        this.jdbc = jdbc;
        this.json = json;
        this.scoring = scoring;
    }

    /** The snapshot, or empty when the owner has no such contact; the settings are remembered for the request. */
    public Optional<Snapshot> read(String owner, UUID contactId) {
        Optional<Snapshot> snapshot = jdbc.first(
                SQL,
                ps -> {
                    ps.setString(1, owner);
                    ps.setObject(2, contactId);
                },
                rs -> new Snapshot(
                        ScoreLedger.stateOf(rs),
                        scoring.settingsOf(rs),
                        rs.getBoolean("provisioned") ? ActionRefs.fromJson(json, rs.getString("actions")) : null));
        snapshot.ifPresent(s -> scoring.remember(owner, s.settings()));
        return snapshot;
    }
}
