package dev.threshold.network;

import dev.threshold.platform.reliability.HeavyRead;
import dev.threshold.score.OwnerScoring;
import dev.threshold.score.Scorer;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.ScoreCalculator;
import dev.threshold.score.math.ScoreState;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.score.math.Suggestions;
import dev.threshold.score.math.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Whom to engage next, and why. Every candidate list is a range on the stored score key (for CADENCE_DUE
 * also on the last touch, through the GiST index of V7, or the personal-cadence index of V3), at most
 * {@code limit} rows each; all of them are read in ONE statement (a {@code UNION ALL} of the bounded
 * ranges), so a request costs one round trip however many tiers and reasons there are.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RecommendationService {

    static final Duration DROP_HORIZON = Duration.ofDays(14);
    static final double CLOSE_POINTS = 5.0;
    private static final String COLUMNS = "id, display_name, score_key, in_key, out_key, last_interaction_at, cadence_days";

    private final EntityManager em;
    private final OwnerScoring scoring;

    public RecommendationService(EntityManager em, OwnerScoring scoring) {
        this.em = em;
        this.scoring = scoring;
    }

    /** One candidate list: which rows, and what each row found there recommends. */
    private record Range(Recommendation.Reason reason, Tier tier, double targetKey, int priority) {
    }

    @HeavyRead
    public List<Recommendation> recommendations(String owner, int limit) {
        Instant now = Instant.now();
        Scorer scorer = scoring.scorer(owner, now);
        ScoringSettings settings = scorer.settings();
        Scorer later = scoring.scorer(owner, now.plus(DROP_HORIZON));
        Query query = new Query(owner, limit);
        List<Range> ranges = new ArrayList<>();
        for (Tier tier : List.of(Tier.ACQUAINTANCE, Tier.FRIEND, Tier.ALLY)) {
            double floor = settings.floor(tier);
            double inTier = scorer.keyFloor(tier);
            // TIER_DROP_SOON: in the tier now, below its floor DROP_HORIZON from now
            if (query.scoreRange(inTier, Math.min(later.keyFloor(tier), upper(scorer, tier)), null)) {
                ranges.add(new Range(Recommendation.Reason.TIER_DROP_SOON, tier, later.keyFloor(tier), 0));
            }
            // NEXT_TIER_CLOSE: within CLOSE_POINTS below the floor of `tier`
            if (query.scoreRange(scorer.keyFloor(Math.max(0.0, floor - CLOSE_POINTS)), inTier, null)) {
                ranges.add(new Range(Recommendation.Reason.NEXT_TIER_CLOSE, tier, inTier, 1));
            }
            // CADENCE_DUE by the tier's cadence, for contacts without a cadence of their own
            Integer cadence = settings.cadence(tier);
            if (cadence != null && query.scoreRange(inTier, upper(scorer, tier), now.minus(Duration.ofDays(cadence)))) {
                Scorer next = scoring.scorer(owner, now.plus(Duration.ofDays(cadence)));
                ranges.add(new Range(Recommendation.Reason.CADENCE_DUE, tier, next.keyFloor(tier), 2));
            }
        }
        Integer strangerCadence = settings.cadence(Tier.STRANGER);
        if (strangerCadence != null && query.scoreRange(Double.NEGATIVE_INFINITY, scorer.keyFloor(Tier.ACQUAINTANCE),
                now.minus(Duration.ofDays(strangerCadence)))) {
            ranges.add(new Range(Recommendation.Reason.CADENCE_DUE, Tier.STRANGER, Double.NaN, 2));
        }
        query.personalCadenceDue(now);
        List<List<Row>> found = query.run();

        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            Range range = ranges.get(i);
            for (Row r : found.get(i)) {
                candidates.add(switch (range.reason()) {
                    case TIER_DROP_SOON -> new Candidate(r, range.reason(), range.tier(), range.targetKey(), 0,
                            scorer.daysUntilTierDrop(r.key));
                    case NEXT_TIER_CLOSE -> new Candidate(r, range.reason(), range.tier(), range.targetKey(), 1,
                            settings.floor(range.tier()) - scorer.exactStrength(r.key));
                    case CADENCE_DUE -> new Candidate(r, range.reason(), range.tier(),
                            range.tier() == Tier.STRANGER ? r.key : range.targetKey(), 2,
                            overdueDays(r, settings.cadence(range.tier()), now));
                });
            }
        }
        for (Row r : found.get(ranges.size())) {
            Tier tier = scorer.tier(r.key);
            double target = tier == Tier.STRANGER ? r.key
                    : scoring.scorer(owner, now.plus(Duration.ofDays(r.cadenceDays))).keyFloor(tier);
            candidates.add(new Candidate(r, Recommendation.Reason.CADENCE_DUE, tier, target, 2,
                    overdueDays(r, r.cadenceDays, now)));
        }
        candidates.sort(Comparator.comparingInt(Candidate::priority)
                .thenComparingDouble(c -> c.priority == 2 ? -c.order : c.order));
        List<Recommendation> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Candidate c : candidates) {
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
        Arrays.fill(keys, Double.NEGATIVE_INFINITY);
        return keys;
    }

    /**
     * The candidate lists as one {@code UNION ALL}: branch {@code i} is the i-th range added, each bounded by
     * its own index range and {@code LIMIT}; the personal-cadence branch comes last.
     */
    private final class Query {
        private final String owner;
        private final int limit;
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();
        private int branches;

        Query(String owner, int limit) {
            this.owner = owner;
            this.limit = limit;
        }

        /** Adds {@code minKey <= score_key < maxKey} (and, when given, last touch before {@code touchedBefore}); false when empty. */
        boolean scoreRange(double minKey, double maxKey, Instant touchedBefore) {
            if (!(minKey < maxKey)) {
                return false;
            }
            branch();
            sql.append("SELECT ").append(branches - 1).append(" AS branch, ").append(COLUMNS)
                    .append(" FROM contacts WHERE owner_id = ? AND score_key >= ?");
            params.add(owner);
            params.add(minKey);
            if (maxKey != Double.POSITIVE_INFINITY) {
                sql.append(" AND score_key < ?");
                params.add(maxKey);
            }
            if (touchedBefore != null) {
                // the box bounds both dimensions in contacts_owner_cadence_due_idx (GiST); the plain conditions
                // keep the result exact
                OffsetDateTime before = touchedBefore.atOffset(ZoneOffset.UTC);
                sql.append(" AND cadence_days IS NULL AND last_interaction_at < ?"
                        + " AND last_interaction_at IS NOT NULL AND score_key > '-Infinity'"
                        + " AND point(score_key, threshold_epoch(last_interaction_at))"
                        + " <@ box(point(?, -1e300), point(?, threshold_epoch(CAST(? AS timestamptz))))");
                params.add(before);
                params.add(Math.max(minKey, -1e300));
                params.add(Math.min(maxKey, 1e300));
                params.add(before);
            }
            sql.append(" ORDER BY score_key DESC, id LIMIT ?)");
            params.add(limit);
            return true;
        }

        void personalCadenceDue(Instant now) {
            branch();
            sql.append("SELECT ").append(branches - 1).append(" AS branch, ").append(COLUMNS)
                    .append(" FROM contacts WHERE owner_id = ? AND cadence_days IS NOT NULL"
                            + " AND (last_interaction_at IS NULL"
                            + " OR last_interaction_at < CAST(? AS timestamptz) - make_interval(days => cadence_days))"
                            + " ORDER BY last_interaction_at NULLS FIRST LIMIT ?)");
            params.add(owner);
            params.add(now.atOffset(ZoneOffset.UTC));
            params.add(limit);
        }

        private void branch() {
            sql.append(branches == 0 ? "(" : " UNION ALL (");
            branches++;
        }

        /** The rows of every branch, in the order the branches were added. */
        List<List<Row>> run() {
            List<List<Row>> rows = new ArrayList<>();
            for (int i = 0; i < branches; i++) {
                rows.add(new ArrayList<>());
            }
            // the request's own connection (the one the settings were read on): a second connection per
            // request could exhaust the pool under load, every request holding one and waiting for another
            return em.unwrap(Session.class).doReturningWork(c -> read(c, rows));
        }

        private List<List<Row>> read(Connection c, List<List<Row>> rows) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime last = rs.getObject(7, OffsetDateTime.class);
                        Integer cadence = rs.getObject(8) == null ? null : rs.getInt(8);
                        rows.get(rs.getInt(1)).add(new Row(rs.getObject(2, UUID.class), rs.getString(3), rs.getDouble(4),
                                rs.getDouble(5), rs.getDouble(6), last == null ? null : last.toInstant(), cadence));
                    }
                }
            }
            return rows;
        }
    }

    private record Row(UUID id, String displayName, double key, double inKey, double outKey, Instant lastAt,
                       Integer cadenceDays) {
    }

    /** priority: 0 drop soon (fewest days first), 1 close to next tier (closest first), 2 cadence (most overdue first). */
    private record Candidate(Row row, Recommendation.Reason reason, Tier tier, double targetKey, int priority,
                             double order) {
    }
}
