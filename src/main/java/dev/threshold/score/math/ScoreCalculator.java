package dev.threshold.score.math;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Objects;

/**
 * Turns a {@link ScoreState} into a {@link Score}, and "strength >= T at time t" into a key range.
 *
 * <p>Strength at t of a state with score key k: S = 2^(k - d(t)/H), strength = 100(1 - e^(-S/K)),
 * computed as {@code -100 * expm1(-S/K)} through {@link StrictMath} (bit-identical on every JVM).
 * {@link #keyFloor(double, Instant, ScoringSettings)} is the exact inverse on doubles: for every key k,
 * {@code k >= keyFloor(T, t, s)} if and only if {@code strength(k, t, s) >= T}.
 */
public final class ScoreCalculator {

    private static final long ORD_NEG_INF = ordered(Double.NEGATIVE_INFINITY);
    private static final long ORD_POS_INF = ordered(Double.POSITIVE_INFINITY);
    private static final long MAX_STEP = 1L << 62;
    private static final double[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private ScoreCalculator() {}

    // ------------------------------------------------------------------ scoring a stored state

    /**
     * Score of {@code state} at {@code at}. Valid when no interaction of the state is after {@code at}
     * (callers ensure it; later interactions would count as if they had already happened, amplified).
     */
    public static Score score(ScoreState state, Instant at, ScoringSettings s) {
        Objects.requireNonNull(state, "state");
        double frame = frame(at, s);
        double inKey = state.inKey();
        double outKey = state.outKey();
        double scoreKey = state.scoreKey();
        double in = LogSpace.exp2(inKey - frame);
        double out = LogSpace.exp2(outKey - frame);
        double reciprocity = ScoreState.reciprocity(inKey, outKey);
        double effective = LogSpace.exp2(scoreKey - frame);
        double exact = strengthOfPoints(effective, s.saturation());
        Tier tier = s.tierOf(exact);
        Tier next = tier.next();
        Double toNext = next == null ? null : round(Math.max(0.0, s.floor(next) - exact), 1);
        Double days = tier == Tier.STRANGER
                ? null
                : round(Math.max(0.0, daysFromLog2Points(scoreKey - frame, s.floor(tier), s)), 1);
        EnumMap<InteractionType, Double> breakdown = new EnumMap<>(InteractionType.class);
        for (InteractionType t : InteractionType.values()) {
            breakdown.put(t, round(LogSpace.exp2(state.typeKey(t) - frame), 2));
        }
        return new Score(
                at,
                in,
                out,
                reciprocity,
                effective,
                round(exact, 1),
                exact,
                tier,
                next,
                toNext,
                days,
                state.lastInteractionAt(),
                breakdown);
    }

    /** Exact (unrounded) strength at {@code at} of a stored score key. */
    public static double strength(double scoreKey, Instant at, ScoringSettings s) {
        return strengthAt(scoreKey, frame(at, s), s.saturation());
    }

    /**
     * The smallest double key whose strength at {@code at} is >= {@code strengthThreshold}, so that
     * {@code scoreKey >= keyFloor(T, at, s)} is exactly {@code strength(scoreKey, at, s) >= T}: an index
     * range condition on the stored score key. Analytically
     * {@code log2(-K ln(1 - T/100)) + d(at)/H}; the result is then adjusted by a few ulps (a bounded
     * binary search over doubles) so the equivalence also holds for the rounded double arithmetic.
     *
     * <p>T <= 0 gives -infinity (everyone qualifies), T > 100 gives +infinity (no one does). T = 100 gives
     * the finite key from which the computed strength saturates to 100.0 in double precision.
     *
     * @throws IllegalArgumentException if T is NaN
     */
    public static double keyFloor(double strengthThreshold, Instant at, ScoringSettings s) {
        double t = strengthThreshold;
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("strength threshold must not be NaN");
        }
        if (t <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (t > 100) {
            return Double.POSITIVE_INFINITY;
        }
        double frame = frame(at, s);
        double k = s.saturation();
        double guess = LogSpace.log2(-k * StrictMath.log1p(-t / 100.0)) + frame; // +inf for T = 100
        if (!Double.isNaN(guess)
                && !Double.isInfinite(guess)
                && strengthAt(guess, frame, k) >= t
                && strengthAt(Math.nextDown(guess), frame, k) < t) {
            return guess; // the usual case
        }
        return searchFloor(guess, t, frame, k);
    }

    /**
     * Days from {@code at} until the strength falls below the floor of its current tier with no new
     * interaction, {@code H log2(S / S_floor)}, rounded to one decimal; {@code null} for STRANGER.
     */
    public static Double daysUntilTierDrop(double scoreKey, Instant at, ScoringSettings s) {
        double frame = frame(at, s);
        double exact = strengthAt(scoreKey, frame, s.saturation());
        Tier tier = s.tierOf(exact);
        if (tier == Tier.STRANGER) {
            return null;
        }
        return round(Math.max(0.0, daysFromLog2Points(scoreKey - frame, s.floor(tier), s)), 1);
    }

    /**
     * Unrounded days from {@code at} until the strength of {@code scoreKey} decays to {@code threshold}
     * with no new interaction, {@code H log2(S / S_T)}: negative if it is already below, +infinity for a
     * threshold <= 0 (never reached), -infinity for a threshold >= 100 (always below). Useful for reminders.
     */
    public static double daysUntilStrengthBelow(double scoreKey, Instant at, double threshold, ScoringSettings s) {
        if (threshold <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (threshold >= 100) {
            return Double.NEGATIVE_INFINITY;
        }
        return daysFromLog2Points(scoreKey - frame(at, s), threshold, s);
    }

    /**
     * Effective points S_floor at which the strength equals {@code strength}: {@code -K ln(1 - T/100)}.
     */
    public static double pointsForStrength(double strength, ScoringSettings s) {
        return -s.saturation() * StrictMath.log1p(-strength / 100.0);
    }

    // ------------------------------------------------------------------ rounding

    /**
     * HALF_UP rounding of the decimal representation of {@code value} (the shortest decimal that
     * {@link Double#toString(double)} prints), to {@code decimals} places; NaN and infinities are returned
     * unchanged. So a value printed as 33.05 rounds to 33.1.
     */
    public static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        if (decimals >= 0 && decimals < POW10.length) {
            // Fast path, identical to the BigDecimal result whenever the value is not within 1e-6 (in units
            // of the last kept decimal) of a tie: the scaled value's rounding error is far below that margin.
            double scale = POW10[decimals];
            double y = Math.abs(value) * scale;
            if (y < 1e9) {
                double f = Math.floor(y);
                double frac = y - f;
                if (Math.abs(frac - 0.5) > 1e-6) {
                    double r = (frac > 0.5 ? f + 1 : f) / scale;
                    return value < 0 && r != 0 ? -r : r;
                }
            }
        }
        return roundViaDecimal(value, decimals);
    }

    /** {@link #round(double, int)} without the fast path: BigDecimal HALF_UP of the shortest decimal. */
    private static double roundViaDecimal(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double r = BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
        return r == 0.0 ? 0.0 : r; // no -0.0
    }

    // ------------------------------------------------------------------ internals

    /** d(at)/H: the exponent offset between the epoch frame and {@code at}. */
    static double frame(Instant at, ScoringSettings s) {
        return LogSpace.epochDays(Objects.requireNonNull(at, "at")) / s.halfLifeDays();
    }

    /** THE strength function; every strength of a stored key goes through here. */
    static double strengthAt(double scoreKey, double frame, double saturation) {
        return strengthOfPoints(LogSpace.exp2(scoreKey - frame), saturation);
    }

    private static double strengthOfPoints(double effectivePoints, double saturation) {
        double v = -100.0 * StrictMath.expm1(-effectivePoints / saturation);
        return v == 0.0 ? 0.0 : v;
    }

    private static double daysFromLog2Points(double log2Points, double floorStrength, ScoringSettings s) {
        double floorLog2 = LogSpace.log2(pointsForStrength(floorStrength, s));
        return s.halfLifeDays() * (log2Points - floorLog2);
    }

    /**
     * Binary search over the ordered bit patterns of doubles for the smallest key with
     * strength >= t. Strength is non-decreasing in the key (every step is a monotone, correctly
     * rounded-within-1-ulp operation), -infinity scores 0 < t and +infinity scores 100 >= t.
     */
    private static double searchFloor(double guess, double t, double frame, double k) {
        long lo; // strength(lo) < t
        long hi; // strength(hi) >= t
        if (Double.isNaN(guess)) {
            lo = ORD_NEG_INF;
            hi = ORD_POS_INF;
        } else if (strengthAt(guess, frame, k) >= t) {
            hi = ordered(guess);
            long step = 1;
            while (true) {
                long cand = hi < ORD_NEG_INF + step ? ORD_NEG_INF : hi - step;
                if (strengthAt(unordered(cand), frame, k) < t) {
                    lo = cand;
                    break;
                }
                hi = cand;
                step = Math.min(step << 1, MAX_STEP);
            }
        } else {
            lo = ordered(guess);
            long step = 1;
            while (true) {
                long cand = lo > ORD_POS_INF - step ? ORD_POS_INF : lo + step;
                if (strengthAt(unordered(cand), frame, k) >= t) {
                    hi = cand;
                    break;
                }
                lo = cand;
                step = Math.min(step << 1, MAX_STEP);
            }
        }
        while (Long.compareUnsigned(hi - lo, 1) > 0) {
            long mid = (lo & hi) + ((lo ^ hi) >> 1); // overflow-free floor average
            if (strengthAt(unordered(mid), frame, k) >= t) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return unordered(hi);
    }

    /** Maps doubles (no NaN) to longs with the same order. */
    private static long ordered(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double unordered(long o) {
        return Double.longBitsToDouble(o >= 0 ? o : o ^ Long.MAX_VALUE);
    }
}
