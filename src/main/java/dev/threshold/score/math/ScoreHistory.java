package dev.threshold.score.math;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A contact's strength over time: points at {@code from}, {@code from + step}, ... up to and including
 * {@code to}, computed in one sweep over the interactions sorted by time, O(n log n + points).
 * Each point counts exactly the interactions that occurred at or before it.
 */
public final class ScoreHistory {

    /** Most points one call may produce. */
    public static final int MAX_POINTS = 1000;

    /**
     * One point of a history.
     *
     * @param at       instant
     * @param strength strength rounded to one decimal
     * @param tier     tier of the exact strength
     */
    public record Point(Instant at, double strength, Tier tier) {
        public Point {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(tier, "tier");
        }
    }

    private ScoreHistory() {}

    /** Strength and tier at every step from {@code from} to {@code to} (inclusive). */
    public static List<Point> compute(
            Collection<ScoredInteraction> interactions,
            Instant from,
            Instant to,
            Duration step,
            ScoringSettings settings) {
        List<Score> scores = scores(interactions, from, to, step, settings);
        List<Point> points = new ArrayList<>(scores.size());
        for (Score s : scores) {
            points.add(new Point(s.at(), s.strength(), s.tier()));
        }
        return List.copyOf(points);
    }

    /** Full {@link Score}s at every step from {@code from} to {@code to} (inclusive). */
    public static List<Score> scores(
            Collection<ScoredInteraction> interactions,
            Instant from,
            Instant to,
            Duration step,
            ScoringSettings settings) {
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(settings, "settings");
        int count = pointCount(from, to, step);
        List<ScoredInteraction> sorted = new ArrayList<>(interactions);
        sorted.sort(Comparator.comparing(ScoredInteraction::occurredAt));
        List<Score> out = new ArrayList<>(count);
        ScoreState state = ScoreState.EMPTY;
        int next = 0;
        for (int p = 0; p < count; p++) {
            Instant at = p == 0 ? from : from.plus(step.multipliedBy(p));
            while (next < sorted.size() && !sorted.get(next).occurredAt().isAfter(at)) {
                state = state.plus(sorted.get(next++), settings);
            }
            out.add(ScoreCalculator.score(state, at, settings));
        }
        return List.copyOf(out);
    }

    /**
     * Number of points from {@code from} to {@code to} with {@code step}.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}, the step is not positive,
     *                                  or there would be more than {@link #MAX_POINTS} points
     */
    public static int pointCount(Instant from, Instant to, Duration step) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive");
        }
        long intervals;
        try {
            intervals = Duration.between(from, to).dividedBy(step);
        } catch (ArithmeticException e) {
            intervals = Long.MAX_VALUE;
        }
        if (intervals >= MAX_POINTS) {
            throw new IllegalArgumentException("at most " + MAX_POINTS + " points per history; from/to/step give "
                    + (intervals == Long.MAX_VALUE ? "more" : String.valueOf(intervals + 1)));
        }
        return (int) intervals + 1;
    }
}
