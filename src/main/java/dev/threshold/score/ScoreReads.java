package dev.threshold.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.score.math.ScoreState;
import dev.threshold.score.math.ScoringSettings;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a score read needs, in one statement and one round trip: the contact's stored state, the owner's
 * scoring settings and the owner's actions. (Three queries cost three round trips and three trips through
 * the ORM; this is the hottest read of the service, see docs/benchmarks.md.) Read-only: it takes a
 * connection from the pool directly, which inside a transaction is the transaction's own connection.
 */
@ApplicationScoped
public class ScoreReads {

    private static final String SQL = "SELECT " + ScoreLedger.prefixed("c.", ScoreLedger.STATE_COLUMNS) + ", "
            + ScoreLedger.prefixed("s.", OwnerScoring.SETTINGS_COLUMNS) + ","
            + " EXISTS (SELECT 1 FROM owners o WHERE o.owner_id = c.owner_id),"
            + " (SELECT json_agg(json_build_array(a.id, a.name, a.threshold) ORDER BY a.threshold, a.name, a.id)"
            + "    FROM actions a WHERE a.owner_id = c.owner_id)"
            + " FROM contacts c LEFT JOIN scoring_settings s ON s.owner_id = c.owner_id"
            + " WHERE c.owner_id = ? AND c.id = ?";

    /** {@code actions} is null when the owner was never provisioned (its default actions do not exist yet). */
    public record Snapshot(ScoreState state, ScoringSettings settings, List<ActionRef> actions) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final OwnerScoring scoring;

    public ScoreReads(AgroalDataSource dataSource, ObjectMapper json, OwnerScoring scoring) {
        this.dataSource = dataSource;
        this.json = json;
        this.scoring = scoring;
    }

    /** The snapshot, or empty when the owner has no such contact; the settings are remembered for the request. */
    public Optional<Snapshot> read(String owner, UUID contactId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, owner);
            ps.setObject(2, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ScoreState state = ScoreLedger.read(rs, 0);
                ScoringSettings settings = scoring.settingsAt(rs, 6);
                scoring.remember(owner, settings);
                boolean provisioned = rs.getBoolean(13);
                return Optional.of(new Snapshot(state, settings, provisioned ? actions(rs.getString(14)) : null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a score failed", e);
        }
    }

    private List<ActionRef> actions(String array) {
        if (array == null) {
            return List.of();
        }
        try {
            List<ActionRef> refs = new ArrayList<>();
            for (JsonNode a : json.readTree(array)) {
                refs.add(new ActionRef(UUID.fromString(a.get(0).asText()), a.get(1).asText(), a.get(2).asDouble()));
            }
            return refs;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
