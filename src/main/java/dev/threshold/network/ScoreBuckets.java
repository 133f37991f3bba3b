package dev.threshold.network;

import java.util.Map;
import java.util.NavigableMap;

/**
 * The buckets of {@code score_histogram} (migration V8): a score key's bucket is {@code floor(key · 16)},
 * 1/16 of a halving. Identical to the SQL function {@code threshold_bucket}: multiplying a double by 16
 * is exact, and so is {@code floor}. Pure functions, no framework types.
 */
public final class ScoreBuckets {

    /** Buckets per halving (per unit of the log2 key). */
    public static final int PER_UNIT = 16;
    /** The bucket of -∞ (a contact without interactions): below every other. */
    public static final long NONE = Long.MIN_VALUE;
    /** The bucket of +∞ and NaN (never stored): above every other. */
    public static final long TOP = Long.MAX_VALUE;
    /** Finite keys with {@code |key · 16| >= 2^52} share the buckets ±2^52 (no real key comes near). */
    static final long CLAMP = 1L << 52;

    private ScoreBuckets() {}

    /** The bucket of {@code key}, exactly as {@code threshold_bucket(key)} in SQL. */
    public static long bucket(double key) {
        if (key == Double.NEGATIVE_INFINITY) {
            return NONE;
        }
        if (Double.isNaN(key) || key == Double.POSITIVE_INFINITY) {
            return TOP;
        }
        double x = key * PER_UNIT;
        if (x >= CLAMP) {
            return CLAMP;
        }
        if (x <= -CLAMP) {
            return -CLAMP;
        }
        return (long) Math.floor(x);
    }

    /**
     * The smallest key of the bucket after the finite bucket {@code bucket}: the exclusive upper end of
     * that bucket ({@code (bucket + 1) / 16}, exact in doubles; +∞ for the top clamped bucket).
     */
    public static double end(long bucket) {
        if (bucket == NONE || bucket == TOP) {
            throw new IllegalArgumentException("not a finite bucket: " + bucket);
        }
        return bucket >= CLAMP ? Double.POSITIVE_INFINITY : (double) (bucket + 1) / PER_UNIT;
    }

    /**
     * Contacts with a key of at least {@code floor}, from the contacts per bucket and, for a finite
     * floor, {@code inFloorBucket}: the exact number of contacts with {@code floor <= key < end(bucket(floor))}
     * (ignored for an infinite floor). -∞ counts everyone, +∞ no one.
     *
     * @param perBucket contacts per bucket, in bucket order (zero and negative-free after summing stripes)
     */
    public static long atLeast(NavigableMap<Long, Long> perBucket, double floor, long inFloorBucket) {
        if (Double.isNaN(floor)) {
            throw new IllegalArgumentException("floor must not be NaN");
        }
        if (floor == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (floor == Double.NEGATIVE_INFINITY) {
            return sum(perBucket);
        }
        return sum(perBucket.tailMap(bucket(floor), false)) + inFloorBucket;
    }

    static long sum(Map<Long, Long> counts) {
        long n = 0;
        for (long c : counts.values()) {
            n += c;
        }
        return n;
    }
}
