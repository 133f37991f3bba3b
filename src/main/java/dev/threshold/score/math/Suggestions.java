package dev.threshold.score.math;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which interaction would lift a relationship to a target: the lightest type (by points) that gets the
 * stored key to {@code targetKey}, in the direction that improves reciprocity (OUTBOUND when they have
 * engaged more than you, else MUTUAL). Falls back to the heaviest type when no single interaction suffices.
 */
public final class Suggestions {

    /** A suggested interaction. */
    public record Suggestion(InteractionType type, Direction direction) {}

    private Suggestions() {}

    public static Suggestion suggest(ScoreState state, Instant at, ScoringSettings settings, double targetKey) {
        Objects.requireNonNull(state, "state");
        Direction direction = state.inKey() > state.outKey() ? Direction.OUTBOUND : Direction.MUTUAL;
        List<InteractionType> candidates = new ArrayList<>();
        for (InteractionType t : InteractionType.values()) {
            if (t != InteractionType.VIEW && settings.weight(t) > 0) {
                candidates.add(t);
            }
        }
        if (candidates.isEmpty()) {
            return new Suggestion(InteractionType.MESSAGE, direction);
        }
        candidates.sort(Comparator.comparingDouble(settings::weight).thenComparing(Enum::ordinal));
        for (InteractionType t : candidates) {
            ScoreState lifted = state.plus(new ScoredInteraction(t, direction, at, null), settings);
            if (lifted.scoreKey() >= targetKey) {
                return new Suggestion(t, direction);
            }
        }
        return new Suggestion(candidates.get(candidates.size() - 1), direction);
    }
}
