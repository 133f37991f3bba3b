package dev.threshold.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.platform.api.ETags;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.score.math.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An owner's scoring settings. A change of half-life or weights re-scores that owner's contacts, and only
 * theirs, in one set-based statement, after locking them so that no concurrent write is scored with the
 * old settings or missed.
 */
@ApplicationScoped
@Transactional
public class ScoringSettingsService {

    private final EntityManager em;
    private final OwnerScoring scoring;
    private final ScoreLedger ledger;
    private final ObjectMapper json;

    public ScoringSettingsService(EntityManager em, OwnerScoring scoring, ScoreLedger ledger, ObjectMapper json) {
        this.em = em;
        this.scoring = scoring;
        this.ledger = ledger;
        this.json = json;
    }

    public record Versioned(ScoringSettingsView settings, long version) {
    }

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
            errors.add(new ApiProblem.FieldError("tiers.STRANGER", "STRANGER has no floor; it is everything below ACQUAINTANCE"));
        }
        ScoringSettings next = input.toSettings();
        for (ScoringSettings.Violation v : next.violations()) {
            errors.add(new ApiProblem.FieldError(apiField(v.field()), v.message()
                    .replace("acquaintanceFloor", "tiers.ACQUAINTANCE").replace("friendFloor", "tiers.FRIEND")));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        long current = lockVersion(owner);
        ETags.check(ifMatch, current);
        ScoringSettings previous = scoring.settings(owner);
        long version = current + 1;
        try {
            em.createNativeQuery("INSERT INTO scoring_settings (owner_id, half_life_days, saturation, weights,"
                            + " acquaintance_floor, friend_floor, ally_floor, cadence_days, updated_at, version)"
                            + " VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, ?6, ?7, CAST(?8 AS jsonb), ?9, ?10)"
                            + " ON CONFLICT (owner_id) DO UPDATE SET half_life_days = EXCLUDED.half_life_days,"
                            + " saturation = EXCLUDED.saturation, weights = EXCLUDED.weights,"
                            + " acquaintance_floor = EXCLUDED.acquaintance_floor, friend_floor = EXCLUDED.friend_floor,"
                            + " ally_floor = EXCLUDED.ally_floor, cadence_days = EXCLUDED.cadence_days,"
                            + " updated_at = EXCLUDED.updated_at, version = EXCLUDED.version")
                    .setParameter(1, owner).setParameter(2, next.halfLifeDays()).setParameter(3, next.saturation())
                    .setParameter(4, json.writeValueAsString(next.weights()))
                    .setParameter(5, next.acquaintanceFloor()).setParameter(6, next.friendFloor())
                    .setParameter(7, next.allyFloor()).setParameter(8, json.writeValueAsString(next.cadenceDays()))
                    .setParameter(9, Instant.now()).setParameter(10, version)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        scoring.forget(owner);
        if (previous.halfLifeDays() != next.halfLifeDays() || !previous.weights().equals(next.weights())) {
            // lock every contact of the owner (in key order, as every writer does) before re-scoring
            em.createNativeQuery("SELECT id FROM contacts WHERE owner_id = ?1 ORDER BY id FOR NO KEY UPDATE")
                    .setParameter(1, owner).getResultList();
            ledger.rescoreOwner(owner, next, version);
        }
        return new Versioned(ScoringSettingsView.of(next), version);
    }

    private long version(String owner) {
        List<?> rows = em.createNativeQuery("SELECT version FROM scoring_settings WHERE owner_id = ?1")
                .setParameter(1, owner).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    private long lockVersion(String owner) {
        List<?> rows = em.createNativeQuery("SELECT version FROM scoring_settings WHERE owner_id = ?1 FOR UPDATE")
                .setParameter(1, owner).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
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
