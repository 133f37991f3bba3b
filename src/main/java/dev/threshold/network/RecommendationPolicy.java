package dev.threshold.network;

import dev.threshold.network.Recommendation.Reason;
import dev.threshold.score.Scorer;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.Peak;
import dev.threshold.score.math.ScoreState;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.score.math.Suggestions;
import dev.threshold.score.math.Tier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * What is recommended, for one owner at one instant: which reasons there are and which range of the stored
 * score key (and of the last touch) each one reads, what a contact found in a range is recommended for and
 * how urgently, and the interaction that would help. It reads nothing itself: {@link CandidateQuery} reads
 * the ranges, {@link RecommendationText} words the result.
 */
final class RecommendationPolicy {

    /** TIER_DROP_SOON: the contact falls below its tier's floor within this, without contact. */
    static final Duration DROP_HORIZON = Duration.ofDays(14);
    /** NEXT_TIER_CLOSE: the contact is at most this many points below the next tier's floor. */
    static final double CLOSE_POINTS = 5.0;

    /** The tiers a contact can fall from or get close to (the stranger's only reason is its cadence). */
    private static final List<Tier> TIERS = List.of(Tier.ACQUAINTANCE, Tier.FRIEND, Tier.ALLY);

    /** Most urgent first: by reason in the order {@link Reason} declares them, then by {@link Candidate#urgency()}. */
    static final Comparator<Candidate> MOST_URGENT_FIRST =
            Comparator.comparing(Candidate::reason).thenComparingDouble(Candidate::urgency);

    /**
     * One candidate list: the contacts with {@code minKey <= score_key < maxKey}, for a tier's cadence also
     * without a cadence of their own and last touched before {@code touchedBefore} (else null), recommended
     * for {@code reason} in {@code tier}; {@code targetKey} is the key the suggested interaction aims at
     * (NaN for the stranger's cadence: the contact's own key).
     */
    record Range(Reason reason, Tier tier, double minKey, double maxKey, Instant touchedBefore, double targetKey) {

        boolean isEmpty() {
            return !(minKey < maxKey);
        }
    }

    /**
     * A contact found, what for, and how much: {@code measure} is the days until the drop (TIER_DROP_SOON),
     * the points below the tier (NEXT_TIER_CLOSE), the days overdue (CADENCE_DUE, with the wanted
     * {@code cadenceDays}; null for the other reasons) or the exact peak strength (REKINDLE).
     */
    record Candidate(
            CandidateQuery.Row row, Reason reason, Tier tier, double targetKey, double measure, Integer cadenceDays) {

        /**
         * Lower is more urgent within a reason: the fewest days to the drop, the closest, the most overdue, the
         * strongest peak.
         */
        double urgency() {
            return reason == Reason.CADENCE_DUE || reason == Reason.REKINDLE ? -measure : measure;
        }
    }

    private final Scorer scorer;
    private final ScoringSettings settings;
    private final Instant now;
    private final Function<Instant, Scorer> scorerAt;

    /** {@code scorer} at now; {@code scorerAt} the same owner's scorer at another instant. */
    RecommendationPolicy(Scorer scorer, Function<Instant, Scorer> scorerAt) {
        this.scorer = scorer;
        this.settings = scorer.settings();
        this.now = scorer.at();
        this.scorerAt = scorerAt;
    }

    /** Every non-empty candidate list of the tiers and the stranger's cadence (the personal cadences are apart). */
    List<Range> ranges() {
        Scorer later = scorerAt.apply(now.plus(DROP_HORIZON));
        List<Range> ranges = new ArrayList<>();
        for (Tier tier : TIERS) {
            double inTier = scorer.keyFloor(tier);
            // in the tier now, below its floor DROP_HORIZON from now
            add(
                    ranges,
                    new Range(
                            Reason.TIER_DROP_SOON,
                            tier,
                            inTier,
                            Math.min(later.keyFloor(tier), upper(tier)),
                            null,
                            later.keyFloor(tier)));
            // within CLOSE_POINTS below the floor of `tier`
            add(
                    ranges,
                    new Range(
                            Reason.NEXT_TIER_CLOSE,
                            tier,
                            scorer.keyFloor(Math.max(0.0, settings.floor(tier) - CLOSE_POINTS)),
                            inTier,
                            null,
                            inTier));
            // by the tier's cadence, for contacts without a cadence of their own
            Integer cadence = settings.cadence(tier);
            if (cadence != null) {
                add(
                        ranges,
                        new Range(
                                Reason.CADENCE_DUE,
                                tier,
                                inTier,
                                upper(tier),
                                now.minus(Duration.ofDays(cadence)),
                                scorerAt.apply(now.plus(Duration.ofDays(cadence)))
                                        .keyFloor(tier)));
            }
        }
        Integer strangerCadence = settings.cadence(Tier.STRANGER);
        if (strangerCadence != null) {
            add(
                    ranges,
                    new Range(
                            Reason.CADENCE_DUE,
                            Tier.STRANGER,
                            Double.NEGATIVE_INFINITY,
                            scorer.keyFloor(Tier.ACQUAINTANCE),
                            now.minus(Duration.ofDays(strangerCadence)),
                            Double.NaN));
        }
        return ranges;
    }

    /**
     * REKINDLE's range: a peak (log2 points, {@link Peak}) at or above FRIEND's floor, a score key now below
     * ACQUAINTANCE's floor, the suggested interaction aiming back at ACQUAINTANCE's floor. {@code minKey} bounds
     * the peak here, not the score key.
     */
    Range rekindle() {
        double acquaintance = scorer.keyFloor(Tier.ACQUAINTANCE);
        return new Range(
                Reason.REKINDLE,
                Tier.STRANGER,
                Peak.log2PointsFloor(settings.floor(Tier.FRIEND), settings),
                acquaintance,
                null,
                acquaintance);
    }

    /** The key floors at now of ALLY, FRIEND and ACQUAINTANCE (for {@link CandidateQuery}'s dismissals). */
    double[] tierKeys() {
        return new double[] {
            scorer.keyFloor(Tier.ALLY), scorer.keyFloor(Tier.FRIEND), scorer.keyFloor(Tier.ACQUAINTANCE)
        };
    }

    /** What {@code row}, found in {@code range}, is recommended for. */
    Candidate candidate(Range range, CandidateQuery.Row row) {
        Tier tier = range.tier();
        return switch (range.reason()) {
            case TIER_DROP_SOON -> new Candidate(
                    row, range.reason(), tier, range.targetKey(), scorer.daysUntilTierDrop(row.key()), null);
            case NEXT_TIER_CLOSE -> new Candidate(
                    row,
                    range.reason(),
                    tier,
                    range.targetKey(),
                    settings.floor(tier) - scorer.exactStrength(row.key()),
                    null);
            case CADENCE_DUE -> {
                int cadence = settings.cadence(tier);
                yield new Candidate(
                        row,
                        range.reason(),
                        tier,
                        tier == Tier.STRANGER ? row.key() : range.targetKey(),
                        overdueDays(row, cadence),
                        cadence);
            }
            case REKINDLE -> new Candidate(
                    row,
                    range.reason(),
                    tier,
                    range.targetKey(),
                    Peak.strengthOfLog2Points(row.peakLog2Points(), settings),
                    null);
        };
    }

    /** A contact due by its own cadence ({@link CandidateQuery#personalCadenceDue}). */
    Candidate personalCadence(CandidateQuery.Row row) {
        Tier tier = scorer.tier(row.key());
        double target = tier == Tier.STRANGER
                ? row.key()
                : scorerAt.apply(now.plus(Duration.ofDays(row.cadenceDays()))).keyFloor(tier);
        return new Candidate(
                row, Reason.CADENCE_DUE, tier, target, overdueDays(row, row.cadenceDays()), row.cadenceDays());
    }

    /** The interaction that moves the contact towards the candidate's target key. */
    Suggestions.Suggestion suggestion(Candidate candidate) {
        CandidateQuery.Row row = candidate.row();
        ScoreState state = new ScoreState(row.inKey(), row.outKey(), emptyTypes(), row.lastAt(), 0);
        return Suggestions.suggest(state, now, settings, candidate.targetKey());
    }

    private double upper(Tier tier) {
        return tier.next() == null ? Double.POSITIVE_INFINITY : scorer.keyFloor(tier.next());
    }

    private double overdueDays(CandidateQuery.Row row, int cadence) {
        if (row.lastAt() == null) {
            return Double.MAX_VALUE;
        }
        return Duration.between(row.lastAt(), now).toMinutes() / 1440.0 - cadence;
    }

    private static void add(List<Range> ranges, Range range) {
        if (!range.isEmpty()) {
            ranges.add(range);
        }
    }

    private static double[] emptyTypes() {
        double[] keys = new double[InteractionType.values().length];
        Arrays.fill(keys, Double.NEGATIVE_INFINITY);
        return keys;
    }
}
