package dev.threshold.score.math;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The stored, decay-free form of one contact's score: sums of points in base-2 log space relative to the
 * Unix epoch.
 *
 * <p>For contributions p_i at t_i, a key is {@code log2(sum p_i * 2^(d(t_i)/H))} with
 * d(t) = {@link LogSpace#epochDays(Instant)}; the empty sum is {@code -infinity}. The value of a key at
 * time t is {@code 2^(key - d(t)/H)}. {@code inKey} sums INBOUND points and half of MUTUAL points,
 * {@code outKey} OUTBOUND points and the other half of MUTUAL points, {@code typeKeys[type.ordinal()]}
 * every point of that type regardless of direction. Keys never materialise {@code 2^(d/H)} (2^47,000
 * for H = 1 in 2100), so any half-life from 1 to 3,650 days and any instant from 1970 to 2100 (and far
 * beyond) stays finite with full double precision.
 *
 * <p>Immutable. Keys depend on the half-life and the weights of the settings they were built with: when
 * either changes, rebuild with {@link #of(Iterable, ScoringSettings)}.
 */
public final class ScoreState {

    private static final int TYPES = InteractionType.count();

    /** No interactions. */
    public static final ScoreState EMPTY =
            new ScoreState(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, emptyKeys(), null, 0L, Peak.NONE);

    private final double inKey;
    private final double outKey;
    private final double[] typeKeys;
    private final Instant lastInteractionAt;
    private final long interactionCount;
    private final Peak peak;

    /**
     * A state whose {@link #peak()} is {@link Peak#UNKNOWN} (see the six-argument constructor).
     */
    public ScoreState(
            double inKey, double outKey, double[] typeKeys, Instant lastInteractionAt, long interactionCount) {
        this(inKey, outKey, typeKeys, lastInteractionAt, interactionCount, Peak.UNKNOWN);
    }

    /**
     * Rehydrates a stored state (e.g. from database columns).
     *
     * @param typeKeys one key per {@link InteractionType}, indexed by ordinal (copied)
     * @param peak     the stored peak ({@link Peak#UNKNOWN} when it is to be re-derived from the rows)
     * @throws IllegalArgumentException on NaN keys, a wrong number of type keys or a negative count
     */
    public ScoreState(
            double inKey,
            double outKey,
            double[] typeKeys,
            Instant lastInteractionAt,
            long interactionCount,
            Peak peak) {
        Objects.requireNonNull(typeKeys, "typeKeys");
        Objects.requireNonNull(peak, "peak");
        if (typeKeys.length != TYPES) {
            throw new IllegalArgumentException("typeKeys must have " + TYPES + " elements, had " + typeKeys.length);
        }
        if (Double.isNaN(inKey) || Double.isNaN(outKey)) {
            throw new IllegalArgumentException("keys must not be NaN");
        }
        for (double k : typeKeys) {
            if (Double.isNaN(k)) {
                throw new IllegalArgumentException("type keys must not be NaN");
            }
        }
        if (interactionCount < 0) {
            throw new IllegalArgumentException("interactionCount must be >= 0");
        }
        this.inKey = inKey;
        this.outKey = outKey;
        this.typeKeys = typeKeys.clone();
        this.lastInteractionAt = lastInteractionAt;
        this.interactionCount = interactionCount;
        this.peak = peak;
    }

    private static double[] emptyKeys() {
        double[] k = new double[TYPES];
        Arrays.fill(k, Double.NEGATIVE_INFINITY);
        return k;
    }

    /**
     * This state with one more interaction, in O(1). Arrival order does not matter: a backdated
     * interaction adds exactly what it would have added in time order; {@code lastInteractionAt} is the
     * maximum. The {@link #peak()} is updated in O(1) when the interaction is not before the latest one (the new
     * effective points at its instant against the stored peak); a backdated one makes it {@link Peak#UNKNOWN}, to be
     * re-derived from the rows ({@link Peak#of}).
     */
    public ScoreState plus(ScoredInteraction interaction, ScoringSettings settings) {
        double key = LogSpace.contributionKey(
                interaction.points(settings), interaction.occurredAt(), settings.halfLifeDays());
        double in = inKey;
        double out = outKey;
        double[] types = typeKeys.clone();
        switch (interaction.direction()) {
            case INBOUND -> in = LogSpace.logAddExp2(in, key);
            case OUTBOUND -> out = LogSpace.logAddExp2(out, key);
            case MUTUAL -> {
                double half = key - 1.0; // log2(p/2); -inf stays -inf
                in = LogSpace.logAddExp2(in, half);
                out = LogSpace.logAddExp2(out, half);
            }
        }
        int t = interaction.type().ordinal();
        types[t] = LogSpace.logAddExp2(types[t], key);
        Instant last = lastInteractionAt == null || interaction.occurredAt().isAfter(lastInteractionAt)
                ? interaction.occurredAt()
                : lastInteractionAt;
        Peak p = lastInteractionAt == null || !interaction.occurredAt().isBefore(lastInteractionAt)
                ? peak.reached(
                        scoreKey(in, out) - LogSpace.epochDays(interaction.occurredAt()) / settings.halfLifeDays(),
                        interaction.occurredAt())
                : Peak.UNKNOWN;
        return new ScoreState(in, out, types, last, interactionCount + 1, p, true);
    }

    /**
     * The state of {@code interactions} built from scratch (use after edits, deletes and settings
     * changes). Numerically stable: per sum, the largest exponent is found first and the sum is
     * {@code max + log2(sum 2^(k_i - max))}, every term in (0, 1]. The peak is {@link Peak#of} the same
     * interactions (a sort: O(n log n)).
     */
    public static ScoreState of(Iterable<ScoredInteraction> interactions, ScoringSettings settings) {
        double h = settings.halfLifeDays();
        List<ScoredInteraction> list = new ArrayList<>();
        for (ScoredInteraction i : interactions) {
            list.add(Objects.requireNonNull(i, "interaction"));
        }
        int n = list.size();
        if (n == 0) {
            return EMPTY;
        }
        // buckets: 0 = in, 1 = out, 2.. = types
        int buckets = 2 + TYPES;
        double[] keys = new double[n];
        double[] max = new double[buckets];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        Instant last = null;
        for (int j = 0; j < n; j++) {
            ScoredInteraction i = list.get(j);
            double k = LogSpace.contributionKey(i.points(settings), i.occurredAt(), h);
            keys[j] = k;
            switch (i.direction()) {
                case INBOUND -> max[0] = Math.max(max[0], k);
                case OUTBOUND -> max[1] = Math.max(max[1], k);
                case MUTUAL -> {
                    max[0] = Math.max(max[0], k - 1.0);
                    max[1] = Math.max(max[1], k - 1.0);
                }
            }
            int b = 2 + i.type().ordinal();
            max[b] = Math.max(max[b], k);
            if (last == null || i.occurredAt().isAfter(last)) {
                last = i.occurredAt();
            }
        }
        double[] sum = new double[buckets];
        for (int j = 0; j < n; j++) {
            double k = keys[j];
            if (k == Double.NEGATIVE_INFINITY) {
                continue;
            }
            ScoredInteraction i = list.get(j);
            switch (i.direction()) {
                case INBOUND -> sum[0] += LogSpace.exp2(k - max[0]);
                case OUTBOUND -> sum[1] += LogSpace.exp2(k - max[1]);
                case MUTUAL -> {
                    sum[0] += LogSpace.exp2(k - 1.0 - max[0]);
                    sum[1] += LogSpace.exp2(k - 1.0 - max[1]);
                }
            }
            int b = 2 + i.type().ordinal();
            sum[b] += LogSpace.exp2(k - max[b]);
        }
        double[] result = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            result[b] = max[b] == Double.NEGATIVE_INFINITY
                    ? Double.NEGATIVE_INFINITY
                    : max[b] == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : max[b] + LogSpace.log2(sum[b]);
        }
        return new ScoreState(
                result[0], result[1], Arrays.copyOfRange(result, 2, buckets), last, n, Peak.of(list, settings), true);
    }

    /** Trusted constructor: no copy, no checks (arrays built here). */
    private ScoreState(
            double inKey,
            double outKey,
            double[] typeKeys,
            Instant lastInteractionAt,
            long interactionCount,
            Peak peak,
            boolean trusted) {
        this.peak = peak;
        this.inKey = inKey;
        this.outKey = outKey;
        this.typeKeys = typeKeys;
        this.lastInteractionAt = lastInteractionAt;
        this.interactionCount = interactionCount;
    }

    /**
     * log2 of the effective points S = (in + out)(0.5 + 0.5 r) in the epoch frame: with a = max(in, out)
     * key, b = the other and r = 2^(b - a) (0 if b is -infinity),
     * {@code a + log2((1 + r)(0.5 + 0.5 r)) = a + 2 log2(1 + r) - 1}; -infinity if both are -infinity.
     */
    public static double scoreKey(double inKey, double outKey) {
        double a = Math.max(inKey, outKey);
        double b = Math.min(inKey, outKey);
        if (a == Double.NEGATIVE_INFINITY || Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        if (a == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double r = reciprocity(inKey, outKey);
        return a + (2.0 * StrictMath.log1p(r) / LogSpace.LN2 - 1.0); // one rounding on a: exact for r = 0 and r = 1
    }

    /** r = min/max of the two sums, computed from the keys (frame-independent): 2^(min - max), 0 if both are empty. */
    public static double reciprocity(double inKey, double outKey) {
        double a = Math.max(inKey, outKey);
        double b = Math.min(inKey, outKey);
        if (b == Double.NEGATIVE_INFINITY) {
            return 0.0;
        }
        if (a == Double.POSITIVE_INFINITY) {
            return b == Double.POSITIVE_INFINITY ? 1.0 : 0.0;
        }
        return LogSpace.exp2(b - a);
    }

    /** log2 of the effective points in the epoch frame; the value stored as {@code score_key}. */
    public double scoreKey() {
        return scoreKey(inKey, outKey);
    }

    public double reciprocity() {
        return reciprocity(inKey, outKey);
    }

    public double inKey() {
        return inKey;
    }

    public double outKey() {
        return outKey;
    }

    /** A copy of the per-type keys, indexed by {@link InteractionType#ordinal()}. */
    public double[] typeKeys() {
        return typeKeys.clone();
    }

    public double typeKey(InteractionType type) {
        return typeKeys[type.ordinal()];
    }

    /** Latest occurredAt among the interactions, or {@code null} when there are none. */
    public Instant lastInteractionAt() {
        return lastInteractionAt;
    }

    public long interactionCount() {
        return interactionCount;
    }

    /** The highest strength the history reaches, as log2 of effective points at an instant ({@link Peak}). */
    public Peak peak() {
        return peak;
    }

    /** This state with {@code peak} instead of its own (a peak re-derived from the rows). */
    public ScoreState withPeak(Peak peak) {
        return new ScoreState(
                inKey, outKey, typeKeys, lastInteractionAt, interactionCount, Objects.requireNonNull(peak), true);
    }

    public boolean isEmpty() {
        return interactionCount == 0;
    }

    /**
     * Bit-exact equality of every key, the count and lastInteractionAt. The peak is not compared: it depends on the
     * order of arrival ({@link Peak#UNKNOWN} after a backdated one) where the sums do not; compare {@link #peak()}.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ScoreState s)) {
            return false;
        }
        return Double.compare(inKey, s.inKey) == 0
                && Double.compare(outKey, s.outKey) == 0
                && Arrays.equals(typeKeys, s.typeKeys)
                && Objects.equals(lastInteractionAt, s.lastInteractionAt)
                && interactionCount == s.interactionCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inKey, outKey, Arrays.hashCode(typeKeys), lastInteractionAt, interactionCount);
    }

    @Override
    public String toString() {
        return "ScoreState[inKey=" + inKey + ", outKey=" + outKey + ", scoreKey=" + scoreKey()
                + ", typeKeys=" + Arrays.toString(typeKeys) + ", lastInteractionAt=" + lastInteractionAt
                + ", interactionCount=" + interactionCount + ", peak=" + peak + "]";
    }
}
