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
 * last touch) of {@code contacts}, or reads the owner's {@code score_histogram}: none scans interactions or
 * computes a score per contact of the owner.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NetworkService {

    static final Duration DROP_HORIZON = Duration.ofDays(14);
    static final double CLOSE_POINTS = 5.0;

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
     * The pyramid, the per-action counts and the totals from the owner's score histogram (migration V8),
     * in one statement: whole buckets above a floor come from {@code score_histogram} (its rows are bounded
     * by buckets × stripes, not by contacts); the contacts in the floor's own bucket (1/16 of a halving)
     * are counted exactly in {@code contacts_owner_score_idx}; the last touch is the first entry of
     * {@code contacts_owner_last_idx}. One statement, so one snapshot: the histogram and the boundary
     * counts always agree.
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
        double[] lows = floors.stream().mapToDouble(Double::doubleValue).toArray();
        Histogram histogram = histogram(owner, lows);
        Map<Double, Long> inFloorBucket = new java.util.HashMap<>();
        for (int i = 0; i < lows.length; i++) {
            inFloorBucket.put(lows[i], histogram.edges[i]);
        }
        java.util.function.ToLongFunction<Double> atLeast = key -> ScoreBuckets.atLeast(histogram.contacts, key,
                inFloorBucket.getOrDefault(key, 0L));
        Map<Tier, Long> tiers = new EnumMap<>(Tier.class);
        long total = 0;
        for (Tier tier : Tier.values()) {
            double max = tier.next() == null ? Double.POSITIVE_INFINITY : scorer.keyFloor(tier.next());
            long n = atLeast.applyAsLong(scorer.keyFloor(tier)) - atLeast.applyAsLong(max);
            tiers.put(tier, n);
            total += n;
        }
        List<NetworkSummary.ActionCount> counts = new ArrayList<>();
        for (ActionRef action : actionRefs) {
            counts.add(new NetworkSummary.ActionCount(action.id(), action.name(), action.threshold(),
                    atLeast.applyAsLong(scorer.keyFloor(action.threshold()))));
        }
        return new NetworkSummary(at, total, tiers, counts,
                new NetworkSummary.Interactions(histogram.interactions, histogram.lastInteractionAt));
    }

    private static final String SUMMARY_SQL = "SELECT"
            + " (SELECT max(last_interaction_at) FROM contacts WHERE owner_id = ?) AS last_at,"
            + " ARRAY(SELECT (SELECT count(*) FROM contacts c WHERE c.owner_id = ? AND c.score_key >= f.lo AND c.score_key < f.hi)"
            + "   FROM unnest(CAST(? AS float8[]), CAST(? AS float8[])) WITH ORDINALITY AS f(lo, hi, i) ORDER BY f.i) AS edges,"
            + " h.buckets, h.contacts, h.interactions"
            + " FROM (SELECT array_agg(g.bucket ORDER BY g.bucket) AS buckets, array_agg(g.n ORDER BY g.bucket) AS contacts,"
            + "   array_agg(g.i ORDER BY g.bucket) AS interactions"
            + "   FROM (SELECT bucket, sum(contacts)::bigint AS n, sum(interactions)::bigint AS i FROM score_histogram"
            + "     WHERE owner_id = ? GROUP BY bucket) g) h";

    /** The owner's histogram (stripes summed) and the exact count of contacts in {@code [low, end(bucket(low)))} per low. */
    private Histogram histogram(String owner, double[] lows) {
        Double[] lo = new Double[lows.length];
        Double[] hi = new Double[lows.length];
        for (int i = 0; i < lows.length; i++) {
            lo[i] = lows[i];
            hi[i] = ScoreBuckets.end(ScoreBuckets.bucket(lows[i]));
        }
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(SUMMARY_SQL)) {
                ps.setString(1, owner);
                ps.setString(2, owner);
                ps.setArray(3, c.createArrayOf("float8", lo));
                ps.setArray(4, c.createArrayOf("float8", hi));
                ps.setString(5, owner);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    OffsetDateTime last = rs.getObject(1, OffsetDateTime.class);
                    long[] edges = longs(rs.getArray(2), lows.length);
                    java.util.NavigableMap<Long, Long> contacts = new java.util.TreeMap<>();
                    long interactions = 0;
                    java.sql.Array bucketArray = rs.getArray(3);
                    if (bucketArray != null) {
                        Object[] buckets = (Object[]) bucketArray.getArray();
                        Object[] n = (Object[]) rs.getArray(4).getArray();
                        Object[] i = (Object[]) rs.getArray(5).getArray();
                        for (int b = 0; b < buckets.length; b++) {
                            contacts.put(((Number) buckets[b]).longValue(), ((Number) n[b]).longValue());
                            interactions += ((Number) i[b]).longValue();
                        }
                    }
                    return new Histogram(contacts, interactions, last == null ? null : last.toInstant(), edges);
                }
            }
        });
    }

    private static long[] longs(java.sql.Array array, int length) throws java.sql.SQLException {
        long[] out = new long[length];
        Object[] raw = array == null ? new Object[0] : (Object[]) array.getArray();
        for (int i = 0; i < Math.min(length, raw.length); i++) {
            out[i] = ((Number) raw[i]).longValue();
        }
        return out;
    }

    /** Contacts per bucket (stripes summed), the interaction total, the last touch, and the floor-bucket counts. */
    private record Histogram(java.util.NavigableMap<Long, Long> contacts, long interactions, Instant lastInteractionAt,
                             long[] edges) {
    }

    public List<Recommendation> recommendations(String owner, int limit) {
        Instant now = Instant.now();
        Scorer scorer = scoring.scorer(owner, now);
        ScoringSettings settings = scorer.settings();
        Scorer later = scoring.scorer(owner, now.plus(DROP_HORIZON));
        List<Candidate> found = new ArrayList<>();
        for (Tier tier : List.of(Tier.ACQUAINTANCE, Tier.FRIEND, Tier.ALLY)) {
            double floor = settings.floor(tier);
            // TIER_DROP_SOON: in the tier now, below its floor DROP_HORIZON from now
            double inTier = scorer.keyFloor(tier);
            for (Row r : rows(owner, inTier, Math.min(later.keyFloor(tier), upper(scorer, tier)), null, limit)) {
                found.add(new Candidate(r, Recommendation.Reason.TIER_DROP_SOON, tier,
                        later.keyFloor(tier), 0, scorer.daysUntilTierDrop(r.key)));
            }
            // NEXT_TIER_CLOSE: within CLOSE_POINTS below the floor of `tier`
            double close = scorer.keyFloor(Math.max(0.0, floor - CLOSE_POINTS));
            for (Row r : rows(owner, close, inTier, null, limit)) {
                found.add(new Candidate(r, Recommendation.Reason.NEXT_TIER_CLOSE, tier, inTier, 1,
                        floor - scorer.exactStrength(r.key)));
            }
            // CADENCE_DUE by the tier's cadence, for contacts without a cadence of their own
            Integer cadence = settings.cadence(tier);
            if (cadence != null) {
                Instant due = now.minus(Duration.ofDays(cadence));
                Scorer next = scoring.scorer(owner, now.plus(Duration.ofDays(cadence)));
                for (Row r : rows(owner, inTier, upper(scorer, tier), due, limit)) {
                    found.add(new Candidate(r, Recommendation.Reason.CADENCE_DUE, tier, next.keyFloor(tier), 2,
                            overdueDays(r, cadence, now)));
                }
            }
        }
        Integer strangerCadence = settings.cadence(Tier.STRANGER);
        if (strangerCadence != null) {
            for (Row r : rows(owner, Double.NEGATIVE_INFINITY, scorer.keyFloor(Tier.ACQUAINTANCE),
                    now.minus(Duration.ofDays(strangerCadence)), limit)) {
                found.add(new Candidate(r, Recommendation.Reason.CADENCE_DUE, Tier.STRANGER, r.key, 2,
                        overdueDays(r, strangerCadence, now)));
            }
        }
        for (Row r : personalCadenceDue(owner, now, limit)) {
            Tier tier = scorer.tier(r.key);
            double target = tier == Tier.STRANGER ? r.key
                    : scoring.scorer(owner, now.plus(Duration.ofDays(r.cadenceDays))).keyFloor(tier);
            found.add(new Candidate(r, Recommendation.Reason.CADENCE_DUE, tier, target, 2,
                    overdueDays(r, r.cadenceDays, now)));
        }
        found.sort(Comparator.comparingInt(Candidate::priority).thenComparingDouble(c -> c.priority == 2 ? -c.order : c.order));
        List<Recommendation> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Candidate c : found) {
            if (items.size() >= limit) {
                break;
            }
            if (!seen.add(c.row.id + ":" + c.reason)) {
                continue;
            }
            items.add(toItem(c, scorer, now));
        }
        return items;
    }

    private Recommendation toItem(Candidate c, Scorer scorer, Instant now) {
        Row r = c.row;
        ScoreState state = new ScoreState(r.inKey, r.outKey, emptyTypes(), r.lastAt, 0);
        var suggestion = Suggestions.suggest(state, now, scorer.settings(), c.targetKey);
        Tier tier = scorer.tier(r.key);
        double strength = scorer.strength(r.key);
        String detail = switch (c.reason) {
            case TIER_DROP_SOON -> "Falls from " + tier + " in " + scorer.daysUntilTierDrop(r.key)
                    + " days without contact";
            case NEXT_TIER_CLOSE -> ScoreCalculator.round(c.order, 1) + " points below " + c.tier;
            case CADENCE_DUE -> r.lastAt == null ? "Never contacted; wanted every " + cadenceOf(r, c, scorer) + " days"
                    : "Last contact " + ScoreCalculator.round(Duration.between(r.lastAt, now).toMinutes() / 1440.0, 1)
                    + " days ago; wanted every " + cadenceOf(r, c, scorer) + " days";
        };
        return new Recommendation(r.id, r.displayName, tier, strength, c.reason, scorer.daysUntilTierDrop(r.key),
                r.lastAt, new Recommendation.SuggestedInteraction(suggestion.type(), suggestion.direction()), detail);
    }

    private static Integer cadenceOf(Row r, Candidate c, Scorer scorer) {
        return r.cadenceDays != null ? r.cadenceDays : scorer.settings().cadence(c.tier);
    }

    private static double upper(Scorer scorer, Tier tier) {
        return tier.next() == null ? Double.POSITIVE_INFINITY : scorer.keyFloor(tier.next());
    }

    private static double overdueDays(Row r, int cadence, Instant now) {
        if (r.lastAt == null) {
            return Double.MAX_VALUE;
        }
        return Duration.between(r.lastAt, now).toMinutes() / 1440.0 - cadence;
    }

    private static double[] emptyTypes() {
        double[] keys = new double[InteractionType.values().length];
        java.util.Arrays.fill(keys, Double.NEGATIVE_INFINITY);
        return keys;
    }

    private List<Row> rows(String owner, double minKey, double maxKey, Instant touchedBefore, int limit) {
        if (!(minKey < maxKey)) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT id, display_name, score_key, in_key, out_key, last_interaction_at,"
                + " cadence_days FROM contacts WHERE owner_id = :owner AND score_key >= :min");
        if (maxKey != Double.POSITIVE_INFINITY) {
            sql.append(" AND score_key < :max");
        }
        if (touchedBefore != null) {
            // the box bounds both dimensions in contacts_owner_cadence_due_idx (GiST); the plain conditions
            // above and below keep the result exact
            sql.append(" AND cadence_days IS NULL AND last_interaction_at < :before"
                    + " AND last_interaction_at IS NOT NULL AND score_key > '-Infinity'"
                    + " AND point(score_key, threshold_epoch(last_interaction_at))"
                    + " <@ box(point(:boxLow, -1e300), point(:boxHigh, threshold_epoch(CAST(:before AS timestamptz))))");
        }
        sql.append(" ORDER BY score_key DESC, id LIMIT :limit");
        var q = em.createNativeQuery(sql.toString()).setParameter("owner", owner).setParameter("min", minKey);
        if (maxKey != Double.POSITIVE_INFINITY) {
            q.setParameter("max", maxKey);
        }
        if (touchedBefore != null) {
            q.setParameter("before", touchedBefore);
            q.setParameter("boxLow", Math.max(minKey, -1e300));
            q.setParameter("boxHigh", Math.min(maxKey, 1e300));
        }
        q.setParameter("limit", limit);
        return map(q.getResultList());
    }

    private List<Row> personalCadenceDue(String owner, Instant now, int limit) {
        var q = em.createNativeQuery("SELECT id, display_name, score_key, in_key, out_key, last_interaction_at,"
                        + " cadence_days FROM contacts WHERE owner_id = ?1 AND cadence_days IS NOT NULL"
                        + " AND (last_interaction_at IS NULL OR last_interaction_at < CAST(?2 AS timestamptz) - make_interval(days => cadence_days))"
                        + " ORDER BY last_interaction_at NULLS FIRST LIMIT ?3")
                .setParameter(1, owner).setParameter(2, now).setParameter(3, limit);
        return map(q.getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<Row> map(List<?> raw) {
        List<Row> rows = new ArrayList<>();
        for (Object o : raw) {
            Object[] r = (Object[]) o;
            rows.add(new Row((UUID) r[0], (String) r[1], ((Number) r[2]).doubleValue(), ((Number) r[3]).doubleValue(),
                    ((Number) r[4]).doubleValue(), SqlValues.instant(r[5]), r[6] == null ? null : ((Number) r[6]).intValue()));
        }
        return rows;
    }


    private record Row(UUID id, String displayName, double key, double inKey, double outKey, Instant lastAt,
                       Integer cadenceDays) {
    }

    /** priority: 0 drop soon (fewest days first), 1 close to next tier (closest first), 2 cadence (most overdue first). */
    private record Candidate(Row row, Recommendation.Reason reason, Tier tier, double targetKey, int priority,
                             double order) {
    }
}
