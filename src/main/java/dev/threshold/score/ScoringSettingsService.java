package dev.threshold.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.api.ETags;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.score.math.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An owner's scoring settings. A change of half-life or weights re-scores that owner's contacts, and only
 * theirs, in one set-based statement, after locking them so that no concurrent write is scored with the
 * old settings or missed.
 */
@ApplicationScoped
@Transactional
public class ScoringSettingsService {

    private final Jdbc jdbc;
    private final OwnerScoring scoring;
    private final ScoreLedger ledger;
    private final ObjectMapper json;
    private final Event<ScoringChanged> changed;

    public ScoringSettingsService(
            Jdbc jdbc, OwnerScoring scoring, ScoreLedger ledger, ObjectMapper json, Event<ScoringChanged> changed) {
        this.jdbc = jdbc;
        this.scoring = scoring;
        this.ledger = ledger;
        this.json = json;
        this.changed = changed;
    }

    public record Versioned(ScoringSettingsView settings, long version) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Versioned get(String owner) {
        return new Versioned(ScoringSettingsView.of(scoring.settings(owner)), version(owner));
    }

    public Versioned replace(String owner, ScoringSettingsView input, String ifMatch) {
        if (input == null) {
            throw ApiProblem.invalid("body", "is required");
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (input.tiers() != null && input.tiers().containsKey(Tier.STRANGER)) {
            errors.add(new ApiProblem.FieldError(
                    "tiers.STRANGER", "STRANGER has no floor; it is everything below ACQUAINTANCE"));
        }
        ScoringSettings next = input.toSettings();
        for (ScoringSettings.Violation v : next.violations()) {
            errors.add(new ApiProblem.FieldError(
                    apiField(v.field()),
                    v.message()
                            .replace("acquaintanceFloor", "tiers.ACQUAINTANCE")
                            .replace("friendFloor", "tiers.FRIEND")));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        long current = lockVersion(owner);
        ETags.check(ifMatch, current);
        ScoringSettings previous = scoring.settings(owner);
        long version = current + 1;
        String weights;
        String cadence;
        try {
            weights = json.writeValueAsString(next.weights());
            cadence = json.writeValueAsString(next.cadenceDays());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update(
                "INSERT INTO scoring_settings (owner_id, half_life_days, saturation, weights,"
                        + " acquaintance_floor, friend_floor, ally_floor, cadence_days, updated_at, version)"
                        + " VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, CAST(? AS jsonb), ?, ?)"
                        + " ON CONFLICT (owner_id) DO UPDATE SET half_life_days = EXCLUDED.half_life_days,"
                        + " saturation = EXCLUDED.saturation, weights = EXCLUDED.weights,"
                        + " acquaintance_floor = EXCLUDED.acquaintance_floor, friend_floor = EXCLUDED.friend_floor,"
                        + " ally_floor = EXCLUDED.ally_floor, cadence_days = EXCLUDED.cadence_days,"
                        + " updated_at = EXCLUDED.updated_at, version = EXCLUDED.version",
                ps -> {
                    ps.setString(1, owner);
                    ps.setDouble(2, next.halfLifeDays());
                    ps.setDouble(3, next.saturation());
                    ps.setString(4, weights);
                    ps.setDouble(5, next.acquaintanceFloor());
                    ps.setDouble(6, next.friendFloor());
                    ps.setDouble(7, next.allyFloor());
                    ps.setString(8, cadence);
                    ps.setObject(9, Instant.now().atOffset(ZoneOffset.UTC));
                    ps.setLong(10, version);
                });
        scoring.forget(owner);
        if (previous.halfLifeDays() != next.halfLifeDays()
                || !previous.weights().equals(next.weights())) {
            // lock every contact of the owner (in key order, as every writer does) before re-scoring
            jdbc.list(
                    "SELECT id FROM contacts WHERE owner_id = ? ORDER BY id FOR NO KEY UPDATE",
                    ps -> ps.setString(1, owner),
                    rs -> rs.getObject("id", UUID.class));
            ledger.rescoreOwner(owner, next, version);
        }
        changed.fire(new ScoringChanged(owner));
        return new Versioned(ScoringSettingsView.of(next), version);
    }

    private long version(String owner) {
        return jdbc.first(
                        "SELECT version FROM scoring_settings WHERE owner_id = ?",
                        ps -> ps.setString(1, owner),
                        rs -> rs.getLong("version"))
                .orElse(0L);
    }

    private long lockVersion(String owner) {
        return jdbc.first(
                        "SELECT version FROM scoring_settings WHERE owner_id = ? FOR UPDATE",
                        ps -> ps.setString(1, owner),
                        rs -> rs.getLong("version"))
                .orElse(0L);
    }

    private static String apiField(String field) {
        return switch (field) {
            case "acquaintanceFloor" -> "tiers.ACQUAINTANCE";
            case "friendFloor" -> "tiers.FRIEND";
            case "allyFloor" -> "tiers.ALLY";
            default -> field;
        };
    }
}
