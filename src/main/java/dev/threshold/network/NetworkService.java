package dev.threshold.network;

import dev.threshold.scores.ActionRef;
import dev.threshold.scores.ActionThresholds;
import dev.threshold.scores.OwnerScoring;
import dev.threshold.scores.Ranking;
import dev.threshold.scores.Scorer;
import dev.threshold.scoring.InteractionType;
import dev.threshold.scoring.ScoreCalculator;
import dev.threshold.scoring.ScoreState;
import dev.threshold.scoring.ScoringSettings;
import dev.threshold.scoring.Suggestions;
import dev.threshold.scoring.Tier;
import dev.threshold.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The network views. Every query is a range on the stored score key (or, for personal cadences, on the
 * last touch) of {@code contacts}: none scans interactions or computes a score per contact of the owner.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NetworkService {

    private final EntityManager em;
    private final OwnerScoring scoring;
    private final Ranking ranking;
    private final ActionThresholds actions;

    public NetworkService(EntityManager em, OwnerScoring scoring, Ranking ranking, ActionThresholds actions) {
        this.em = em;
        this.scoring = scoring;
        this.ranking = ranking;
        this.actions = actions;
    }

    /**
     * One pass over the owner's score index: contacts bucketed by every floor that matters (the tier
     * floors and the action thresholds, as keys at {@code at}), summed in Java into the pyramid and the
     * per-action counts.
     */
    public NetworkSummary summary(String owner, Instant at) {
        Scorer scorer = scoring.scorer(owner, at);
        List<ActionRef> actionRefs = actions.actions(owner);
        java.util.TreeSet<Double> floors = new java.util.TreeSet<>();
        for (Tier tier : Tier.values()) {
            floors.add(scorer.keyFloor(tier));
        }
        for (ActionRef action : actionRefs) {
            floors.add(scorer.keyFloor(action.threshold()));
        }
        floors.removeIf(k -> Double.isInfinite(k));
        double[] bounds = floors.stream().mapToDouble(Double::doubleValue).toArray();
        Double[] boxed = floors.toArray(new Double[0]);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT width_bucket(score_key, CAST(?2 AS float8[])) AS bucket,"
                        + " count(*), coalesce(sum(interaction_count), 0), max(last_interaction_at)"
                        + " FROM contacts WHERE owner_id = ?1 GROUP BY 1")
                .setParameter(1, owner).setParameter(2, boxed).getResultList();
        long[] perBucket = new long[bounds.length + 1];
        long interactions = 0;
        Instant last = null;
        for (Object[] r : rows) {
            perBucket[((Number) r[0]).intValue()] += ((Number) r[1]).longValue();
            interactions += ((Number) r[2]).longValue();
            Instant touched = SqlValues.instant(r[3]);
            if (touched != null && (last == null || touched.isAfter(last))) {
                last = touched;
            }
        }
        Map<Tier, Long> tiers = new EnumMap<>(Tier.class);
        long total = 0;
        for (Tier tier : Tier.values()) {
            double max = tier.next() == null ? Double.POSITIVE_INFINITY : scorer.keyFloor(tier.next());
            long n = atLeast(perBucket, bounds, scorer.keyFloor(tier)) - atLeast(perBucket, bounds, max);
            tiers.put(tier, n);
            total += n;
        }
        List<NetworkSummary.ActionCount> counts = new ArrayList<>();
        for (ActionRef action : actionRefs) {
            counts.add(new NetworkSummary.ActionCount(action.id(), action.name(), action.threshold(),
                    atLeast(perBucket, bounds, scorer.keyFloor(action.threshold()))));
        }
        return new NetworkSummary(at, total, tiers, counts, new NetworkSummary.Interactions(interactions, last));
    }

    /** Contacts whose key is at least {@code key}; {@code key} is -∞, +∞, or one of {@code bounds}. */
    static long atLeast(long[] perBucket, double[] bounds, double key) {
        if (key == Double.POSITIVE_INFINITY) {
            return 0;
        }
        int from = key == Double.NEGATIVE_INFINITY ? 0 : java.util.Arrays.binarySearch(bounds, key) + 1;
        long n = 0;
        for (int b = from; b < perBucket.length; b++) {
            n += perBucket[b];
        }
        return n;
    }
}
