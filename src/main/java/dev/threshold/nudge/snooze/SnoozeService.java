package dev.threshold.nudge.snooze;

import dev.threshold.network.Recommendation;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.score.OwnerScoring;
import dev.threshold.score.Scorer;
import dev.threshold.score.math.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Owns the snooze ({@code contacts.snoozed_until}, written here only, in SQL: a snooze changes neither the
 * contact's {@code version} nor its {@code ETag}, like its score) and the dismissals of recommendations
 * ({@code recommendation_dismissals}, V14). Network's recommendation query reads both.
 */
@ApplicationScoped
@Transactional
public class SnoozeService {

    /** The longest snooze: a bound so that no instant can overflow PostgreSQL's timestamptz. */
    static final Duration MAX_SNOOZE = Duration.ofDays(3653);

    private final Jdbc jdbc;
    private final OwnerScoring scoring;

    public SnoozeService(Jdbc jdbc, OwnerScoring scoring) {
        this.jdbc = jdbc;
        this.scoring = scoring;
    }

    public SnoozeView snooze(String owner, UUID contactId, SnoozeInput input) {
        Instant now = Instant.now();
        Instant until = input == null ? null : input.until();
        if (until == null) {
            throw ApiProblem.invalid("until", "must not be null");
        }
        if (!until.isAfter(now)) {
            throw ApiProblem.invalid("until", "must be in the future");
        }
        if (until.isAfter(now.plus(MAX_SNOOZE))) {
            throw ApiProblem.invalid("until", "must be at most 10 years ahead");
        }
        Instant stored = until.truncatedTo(ChronoUnit.MICROS);
        set(owner, contactId, stored);
        return new SnoozeView(contactId, stored);
    }

    public void unsnooze(String owner, UUID contactId) {
        set(owner, contactId, null);
    }

    private void set(String owner, UUID contactId, Instant until) {
        int rows = jdbc.update("UPDATE contacts SET snoozed_until = ? WHERE owner_id = ? AND id = ?", ps -> {
            ps.setObject(1, until == null ? null : until.atOffset(ZoneOffset.UTC));
            ps.setString(2, owner);
            ps.setObject(3, contactId);
        });
        if (rows == 0) {
            throw ApiProblem.notFound("Contact " + contactId);
        }
    }

    /**
     * Dismisses the recommendation of {@code input.contactId()} for {@code input.reason()} in its situation now: its
     * score key, number of interactions and tier (at now, by the tier floors' keys, exactly as the recommendations'
     * query computes it). Dismissing again refreshes it.
     */
    public DismissalView dismiss(String owner, DismissalInput input) {
        if (input == null) {
            throw ApiProblem.invalid("body", "is required");
        }
        if (input.contactId() == null) {
            throw ApiProblem.invalid("contactId", "must not be null");
        }
        if (input.reason() == null) {
            throw ApiProblem.invalid("reason", "must not be null");
        }
        Scorer scorer = scoring.scorer(owner);
        OffsetDateTime now = scorer.at().atOffset(ZoneOffset.UTC);
        return jdbc.first(
                        "INSERT INTO recommendation_dismissals"
                                + " (owner_id, contact_id, reason, tier, score_key, interaction_count, dismissed_at)"
                                + " SELECT owner_id, id, ?, CASE WHEN score_key >= ? THEN 'ALLY' WHEN score_key >= ? THEN 'FRIEND'"
                                + " WHEN score_key >= ? THEN 'ACQUAINTANCE' ELSE 'STRANGER' END, score_key, interaction_count, ?"
                                + " FROM contacts WHERE owner_id = ? AND id = ?"
                                + " ON CONFLICT (owner_id, contact_id, reason) DO UPDATE SET tier = excluded.tier,"
                                + " score_key = excluded.score_key, interaction_count = excluded.interaction_count,"
                                + " dismissed_at = excluded.dismissed_at"
                                + " RETURNING tier, dismissed_at",
                        ps -> {
                            ps.setString(1, input.reason().name());
                            ps.setDouble(2, scorer.keyFloor(Tier.ALLY));
                            ps.setDouble(3, scorer.keyFloor(Tier.FRIEND));
                            ps.setDouble(4, scorer.keyFloor(Tier.ACQUAINTANCE));
                            ps.setObject(5, now);
                            ps.setString(6, owner);
                            ps.setObject(7, input.contactId());
                        },
                        rs -> new DismissalView(
                                input.contactId(),
                                input.reason(),
                                Tier.valueOf(rs.getString("tier")),
                                rs.getObject("dismissed_at", OffsetDateTime.class)
                                        .toInstant()))
                .orElseThrow(() -> ApiProblem.invalid("contactId", "no such contact"));
    }

    /** Undoes a dismissal; 404 when there is none. */
    public void undismiss(String owner, UUID contactId, Recommendation.Reason reason) {
        int rows = jdbc.update(
                "DELETE FROM recommendation_dismissals WHERE owner_id = ? AND contact_id = ? AND reason = ?", ps -> {
                    ps.setString(1, owner);
                    ps.setObject(2, contactId);
                    ps.setString(3, reason.name());
                });
        if (rows == 0) {
            throw ApiProblem.notFound("Dismissal of " + contactId + " for " + reason);
        }
    }
}
