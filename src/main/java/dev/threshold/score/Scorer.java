package dev.threshold.score;

import dev.threshold.score.math.ScoreCalculator;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.score.math.Tier;

import java.time.Instant;

/** One owner's settings at one instant: turns stored score keys into strengths and tiers into key ranges. */
public record Scorer(ScoringSettings settings, Instant at) {

    /** Strength shown to clients, one decimal. */
    public double strength(double scoreKey) {
        return ScoreCalculator.round(exactStrength(scoreKey), 1);
    }

    public double exactStrength(double scoreKey) {
        return ScoreCalculator.strength(scoreKey, at, settings);
    }

    public Tier tier(double scoreKey) {
        return settings.tierOf(exactStrength(scoreKey));
    }

    /** Smallest stored key of a contact in {@code tier} (or above) at this instant. */
    public double keyFloor(Tier tier) {
        return tier == Tier.STRANGER
                ? Double.NEGATIVE_INFINITY
                : ScoreCalculator.keyFloor(settings.floor(tier), at, settings);
    }

    /** Smallest stored key whose strength is at least {@code strength} at this instant. */
    public double keyFloor(double strength) {
        return ScoreCalculator.keyFloor(strength, at, settings);
    }

    public Double daysUntilTierDrop(double scoreKey) {
        return ScoreCalculator.daysUntilTierDrop(scoreKey, at, settings);
    }
}
