package dev.threshold.network;

import dev.threshold.action.ActionRef;
import dev.threshold.action.ActionService;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.reliability.HeavyRead;
import dev.threshold.score.OwnerScoring;
import dev.threshold.score.Scorer;
import dev.threshold.score.math.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * The network summary (the recommendations are {@link RecommendationService}). It reads the owner's
 * {@code score_histogram} and a few bounded ranges of the stored score key: it scans no interactions
 * and computes no score per contact of the owner.
 */
@ApplicationScoped
// No transaction of its own: every statement of this read (settings, actions, the read itself) goes through Jdbc,
// which outside a transaction takes a pooled connection per statement and gives it back, so the request never
// holds two (NetworkConnectionsTest). The ORM session, which outside a transaction would keep its connection to the
// end of the request, is never opened here: keep it that way, or make this REQUIRED.
@Transactional(Transactional.TxType.SUPPORTS)
public class NetworkService {

    private final Jdbc jdbc;
    private final OwnerScoring scoring;
    private final ActionService actions;

    public NetworkService(Jdbc jdbc, OwnerScoring scoring, ActionService actions) {
        this.jdbc = jdbc;
        this.scoring = scoring;
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
    @HeavyRead
    public NetworkSummary summary(String owner, Instant at) {
        Scorer scorer = scoring.scorer(owner, at);
        List<ActionRef> actionRefs = actions.actions(owner);
        TreeSet<Double> floors = new TreeSet<>();
        for (Tier tier : Tier.values()) {
            floors.add(scorer.keyFloor(tier));
        }
        for (ActionRef action : actionRefs) {
            floors.add(scorer.keyFloor(action.threshold()));
        }
        floors.removeIf(k -> Double.isInfinite(k));
        double[] lows = floors.stream().mapToDouble(Double::doubleValue).toArray();
        Histogram histogram = histogram(owner, lows);
        Map<Double, Long> inFloorBucket = new HashMap<>();
        for (int i = 0; i < lows.length; i++) {
            inFloorBucket.put(lows[i], histogram.edges[i]);
        }
        ToLongFunction<Double> atLeast =
                key -> ScoreBuckets.atLeast(histogram.contacts, key, inFloorBucket.getOrDefault(key, 0L));
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
            counts.add(new NetworkSummary.ActionCount(
                    action.id(),
                    action.name(),
                    action.threshold(),
                    atLeast.applyAsLong(scorer.keyFloor(action.threshold()))));
        }
        return new NetworkSummary(
                at,
                total,
                tiers,
                counts,
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
        return jdbc.first(
                        SUMMARY_SQL,
                        ps -> {
                            ps.setString(1, owner);
                            ps.setString(2, owner);
                            ps.setArray(3, ps.getConnection().createArrayOf("float8", lo));
                            ps.setArray(4, ps.getConnection().createArrayOf("float8", hi));
                            ps.setString(5, owner);
                        },
                        rs -> histogram(rs, lows.length))
                .orElseThrow(); // aggregates: always one row
    }

    private static Histogram histogram(ResultSet rs, int lows) throws SQLException {
        OffsetDateTime last = rs.getObject("last_at", OffsetDateTime.class);
        long[] edges = longs(rs.getArray("edges"), lows);
        NavigableMap<Long, Long> contacts = new TreeMap<>();
        long interactions = 0;
        Array bucketArray = rs.getArray("buckets");
        if (bucketArray != null) {
            Object[] buckets = (Object[]) bucketArray.getArray();
            Object[] n = (Object[]) rs.getArray("contacts").getArray();
            Object[] i = (Object[]) rs.getArray("interactions").getArray();
            for (int b = 0; b < buckets.length; b++) {
                contacts.put(((Number) buckets[b]).longValue(), ((Number) n[b]).longValue());
                interactions += ((Number) i[b]).longValue();
            }
        }
        return new Histogram(contacts, interactions, last == null ? null : last.toInstant(), edges);
    }

    private static long[] longs(Array array, int length) throws SQLException {
        long[] out = new long[length];
        Object[] raw = array == null ? new Object[0] : (Object[]) array.getArray();
        for (int i = 0; i < Math.min(length, raw.length); i++) {
            out[i] = ((Number) raw[i]).longValue();
        }
        return out;
    }

    /** Contacts per bucket (stripes summed), the interaction total, the last touch, and the floor-bucket counts. */
    private record Histogram(
            NavigableMap<Long, Long> contacts, long interactions, Instant lastInteractionAt, long[] edges) {}
}
