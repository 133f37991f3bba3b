package dev.threshold.score.math;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;

/**
 * The references the scoring tests hold the service's computations to (not a test class; only tests use it): the
 * naive score with plain double sums, the exact BigDecimal rounding, and equality of stored states up to a key
 * tolerance.
 */
public final class ScoreReference {

    private ScoreReference() {}

    /**
     * The score computed directly from the interactions with plain double sums, decay taken relative to
     * {@code at} ({@code w * 2^(-(at - t_i)/H)}, ages in milliseconds); interactions after {@code at} are
     * ignored. This is the naive reference against which the stored form is tested. O(n).
     */
    public static Score scoreFromScratch(List<ScoredInteraction> all, Instant at, ScoringSettings s) {
        Objects.requireNonNull(at, "at");
        double h = s.halfLifeDays();
        double k = s.saturation();
        long atMillis = at.toEpochMilli();
        double in = 0;
        double out = 0;
        double[] types = new double[InteractionType.count()];
        Instant last = null;
        for (ScoredInteraction i : all) {
            if (i.occurredAt().isAfter(at)) {
                continue;
            }
            double ageDays = (atMillis - i.occurredAt().toEpochMilli()) / LogSpace.MILLIS_PER_DAY;
            double v = i.points(s) * Math.pow(2.0, -ageDays / h);
            switch (i.direction()) {
                case INBOUND -> in += v;
                case OUTBOUND -> out += v;
                case MUTUAL -> {
                    in += v / 2;
                    out += v / 2;
                }
            }
            types[i.type().ordinal()] += v;
            if (last == null || i.occurredAt().isAfter(last)) {
                last = i.occurredAt();
            }
        }
        double max = Math.max(in, out);
        double r = max == 0 ? 0.0 : Math.min(in, out) / max;
        double effective = (in + out) * (0.5 + 0.5 * r);
        double exact = 100.0 * (1.0 - Math.exp(-effective / k));
        Tier tier = s.tierOf(exact);
        Tier next = tier.next();
        Double toNext = next == null ? null : ScoreCalculator.round(Math.max(0.0, s.floor(next) - exact), 1);
        Double days = null;
        if (tier != Tier.STRANGER) {
            double floorPoints = -k * Math.log(1.0 - s.floor(tier) / 100.0);
            days = ScoreCalculator.round(Math.max(0.0, h * (Math.log(effective / floorPoints) / Math.log(2.0))), 1);
        }
        EnumMap<InteractionType, Double> breakdown = new EnumMap<>(InteractionType.class);
        for (InteractionType t : InteractionType.values()) {
            breakdown.put(t, ScoreCalculator.round(types[t.ordinal()], 2));
        }
        return new Score(
                at,
                in,
                out,
                r,
                effective,
                ScoreCalculator.round(exact, 1),
                exact,
                tier,
                next,
                toNext,
                days,
                last,
                breakdown);
    }

    /** {@link ScoreCalculator#round(double, int)} without the fast path: BigDecimal HALF_UP of the shortest decimal. */
    static double roundExact(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double r = BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
        return r == 0.0 ? 0.0 : r; // no -0.0
    }

    /**
     * Equality up to {@code maxKeyDelta} on every key (an absolute difference of log2 values, i.e. a
     * relative difference of about {@code 0.69 * maxKeyDelta} on the sums); -infinity only equals -infinity.
     * The count and lastInteractionAt must be equal.
     */
    public static boolean approximatelyEquals(ScoreState a, ScoreState b, double maxKeyDelta) {
        if (a == null
                || b == null
                || a.interactionCount() != b.interactionCount()
                || !Objects.equals(a.lastInteractionAt(), b.lastInteractionAt())) {
            return false;
        }
        if (!close(a.inKey(), b.inKey(), maxKeyDelta) || !close(a.outKey(), b.outKey(), maxKeyDelta)) {
            return false;
        }
        for (InteractionType t : InteractionType.values()) {
            if (!close(a.typeKey(t), b.typeKey(t), maxKeyDelta)) {
                return false;
            }
        }
        return true;
    }

    private static boolean close(double a, double b, double delta) {
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == b;
        }
        return Math.abs(a - b) <= delta;
    }
}
