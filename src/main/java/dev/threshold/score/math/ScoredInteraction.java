package dev.threshold.score.math;

import java.time.Instant;
import java.util.Objects;

/**
 * One interaction as the scoring core sees it.
 *
 * @param type       interaction type
 * @param direction  who acted
 * @param occurredAt when it happened
 * @param weight     the user's override of the points (finite, >= 0), or {@code null} to use the type weight
 */
public record ScoredInteraction(InteractionType type, Direction direction, Instant occurredAt, Double weight) {

    public ScoredInteraction {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (weight != null) {
            double w = weight;
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weight must be a finite number >= 0, was " + weight);
            }
            if (w == 0.0) {
                weight = 0.0; // normalise -0.0
            }
        }
    }

    /** Interaction without a weight override. */
    public ScoredInteraction(InteractionType type, Direction direction, Instant occurredAt) {
        this(type, direction, occurredAt, null);
    }

    /** Points w: the override if set, else the type's weight in {@code settings}. */
    public double points(ScoringSettings settings) {
        return weight != null ? weight : settings.weight(type);
    }

    public ScoredInteraction withWeight(Double newWeight) {
        return new ScoredInteraction(type, direction, occurredAt, newWeight);
    }

    public ScoredInteraction withOccurredAt(Instant newOccurredAt) {
        return new ScoredInteraction(type, direction, newOccurredAt, weight);
    }
}
