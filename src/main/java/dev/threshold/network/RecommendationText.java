package dev.threshold.network;

import dev.threshold.score.Scorer;
import dev.threshold.score.math.ScoreCalculator;

import java.time.Duration;

/** The words of a recommendation: why, for the person reading it ({@link Recommendation#detail()}). */
final class RecommendationText {

    private RecommendationText() {}

    /** Why {@code candidate} is recommended, at the scorer's instant. */
    static String detail(RecommendationPolicy.Candidate candidate, Scorer scorer) {
        CandidateQuery.Row row = candidate.row();
        return switch (candidate.reason()) {
            case TIER_DROP_SOON -> "Falls from " + scorer.tier(row.key()) + " in " + scorer.daysUntilTierDrop(row.key())
                    + " days without contact";
            case NEXT_TIER_CLOSE -> ScoreCalculator.round(candidate.measure(), 1) + " points below " + candidate.tier();
            case CADENCE_DUE -> row.lastAt() == null
                    ? "Never contacted; wanted every " + candidate.cadenceDays() + " days"
                    : "Last contact "
                            + ScoreCalculator.round(
                                    Duration.between(row.lastAt(), scorer.at()).toMinutes() / 1440.0, 1)
                            + " days ago; wanted every " + candidate.cadenceDays() + " days";
        };
    }
}
