package dev.threshold.score.math;

import java.time.Instant;

/**
 * Base-2 log-space arithmetic used by the stored score form.
 *
 * <p>All transcendental functions go through {@link StrictMath} so that every JVM, on every CPU and in
 * every compilation mode, produces bit-identical keys: the stored {@code score_key} written by one service
 * instance is compared with a {@code keyFloor} computed by another.
 */
public final class LogSpace {

    /** Milliseconds per day; {@link #epochDays(Instant)} divides by this. */
    public static final double MILLIS_PER_DAY = 86_400_000.0;

    static final double LN2 = StrictMath.log(2.0);

    private LogSpace() {}

    /** d(t): fractional days since 1970-01-01T00:00Z, at millisecond resolution ({@code epochMillis / 86 400 000}). */
    public static double epochDays(Instant t) {
        return t.toEpochMilli() / MILLIS_PER_DAY;
    }

    /** log2(x); log2(0) = -infinity. */
    public static double log2(double x) {
        return StrictMath.log(x) / LN2;
    }

    /** 2^x; 2^-infinity = 0. */
    public static double exp2(double x) {
        return StrictMath.pow(2.0, x);
    }

    /**
     * log2(2^a + 2^b) without ever forming 2^a or 2^b. Handles -infinity (the empty sum) on either side;
     * NaN propagates.
     */
    public static double logAddExp2(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (a == Double.POSITIVE_INFINITY || b == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double max = Math.max(a, b);
        double diff = Math.abs(a - b); // NaN if either is NaN
        return max + StrictMath.log1p(StrictMath.pow(2.0, -diff)) / LN2;
    }

    /**
     * Log-space key of one contribution of {@code points} made at {@code at}:
     * log2(points * 2^(d(at)/H)) = log2(points) + d(at)/H. Zero points give -infinity.
     */
    public static double contributionKey(double points, Instant at, double halfLifeDays) {
        if (points == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        return log2(points) + epochDays(at) / halfLifeDays;
    }
}
