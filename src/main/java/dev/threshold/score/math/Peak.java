package dev.threshold.score.math;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The highest strength a contact's history reaches at any of its interaction instants, and the first instant it
 * reaches it. Between interactions every sum only decays, so the strength only rises at an interaction instant and
 * its maximum over all time is at one of them (with every interaction of that instant counted).
 *
 * <p>Stored as {@code log2 S} at {@code at} (the effective points then, not a key in the epoch frame): a plain
 * number at an instant, comparable across time and independent of the saturation K and of the tier floors (the
 * strength is {@code 100·(1 − e^(−S/K))}, increasing in S, so the instant of the peak does not depend on K either).
 * The half-life and the weights do change it: a settings change re-derives it with the other sums.
 *
 * <p>{@link #NONE}: no interaction yet ({@code log2Points} −∞, {@code at} null). With interactions that are all
 * worth zero points it is −∞ at the first instant. {@link #UNKNOWN} (NaN): an interaction arrived before the
 * latest one, so the peak must be re-derived from the rows ({@link #of}); it is never stored.
 *
 * @param log2Points log2 of the effective points S at {@code at}; −∞ for S = 0; NaN when unknown
 * @param at         the first interaction instant at which S reaches its maximum; null for none or unknown
 */
public record Peak(double log2Points, Instant at) {

    /** No interactions. */
    public static final Peak NONE = new Peak(Double.NEGATIVE_INFINITY, null);

    /** To be re-derived from the rows: an out-of-order write. Never stored. */
    public static final Peak UNKNOWN = new Peak(Double.NaN, null);

    public Peak {
        if (!Double.isNaN(log2Points) && log2Points != Double.NEGATIVE_INFINITY && at == null) {
            throw new IllegalArgumentException("a peak above zero points has an instant");
        }
    }

    public boolean known() {
        return !Double.isNaN(log2Points);
    }

    /**
     * log2 of the effective points at {@code at} of a state none of whose interactions is after {@code at}:
     * {@code scoreKey − d(at)/H}.
     */
    public static double log2PointsAt(ScoreState state, Instant at, ScoringSettings s) {
        return state.scoreKey() - LogSpace.epochDays(at) / s.halfLifeDays();
    }

    /**
     * This peak after the history reached {@code log2Points} at {@code at}, an instant not before this peak's:
     * the new one when it is strictly higher (or when there was none), else this one (the first instant wins a tie).
     * O(1): this is the update of a write in time order.
     */
    public Peak reached(double log2Points, Instant at) {
        Objects.requireNonNull(at, "at");
        if (!known()) {
            return this;
        }
        return this.at == null || log2Points > this.log2Points ? new Peak(log2Points, at) : this;
    }

    /**
     * The peak of {@code interactions} from scratch: sorted by instant (stably), each added to running sums exactly
     * as {@link ScoreState#plus} adds it, and the effective points taken after each one. Within one instant the
     * points only grow as its interactions are added (S is non-decreasing in {@code in} and in {@code out}), so the
     * value after the instant's last interaction is the largest and the one that counts. O(n log n).
     */
    public static Peak of(Iterable<ScoredInteraction> interactions, ScoringSettings s) {
        List<ScoredInteraction> sorted = new ArrayList<>();
        for (ScoredInteraction i : interactions) {
            sorted.add(Objects.requireNonNull(i, "interaction"));
        }
        sorted.sort(Comparator.comparing(ScoredInteraction::occurredAt));
        double h = s.halfLifeDays();
        double in = Double.NEGATIVE_INFINITY;
        double out = Double.NEGATIVE_INFINITY;
        Peak peak = NONE;
        for (ScoredInteraction i : sorted) {
            double key = LogSpace.contributionKey(i.points(s), i.occurredAt(), h);
            switch (i.direction()) {
                case INBOUND -> in = LogSpace.logAddExp2(in, key);
                case OUTBOUND -> out = LogSpace.logAddExp2(out, key);
                case MUTUAL -> {
                    in = LogSpace.logAddExp2(in, key - 1.0);
                    out = LogSpace.logAddExp2(out, key - 1.0);
                }
            }
            peak = peak.reached(ScoreState.scoreKey(in, out) - LogSpace.epochDays(i.occurredAt()) / h, i.occurredAt());
        }
        return peak;
    }

    /** The exact strength at the peak under {@code s}'s saturation: {@code 100·(1 − e^(−S/K))}. */
    public double exactStrength(ScoringSettings s) {
        return strengthOfLog2Points(log2Points, s);
    }

    /** The peak strength shown to clients: one decimal. */
    public double strength(ScoringSettings s) {
        return ScoreCalculator.round(exactStrength(s), 1);
    }

    /** The strength of {@code log2Points} (log2 of effective points): the same function as every strength. */
    public static double strengthOfLog2Points(double log2Points, ScoringSettings s) {
        return ScoreCalculator.strengthAt(log2Points, 0.0, s.saturation());
    }

    /**
     * The smallest double {@code log2Points} whose strength is at least {@code strength}: so that
     * {@code peak_log2_points >= floor} is exactly {@code peakStrength >= strength}, bit for bit (the frame of the
     * epoch itself, where a key is log2 of the points: {@link ScoreCalculator#keyFloor}).
     */
    public static double log2PointsFloor(double strength, ScoringSettings s) {
        return ScoreCalculator.keyFloor(strength, Instant.EPOCH, s);
    }
}
