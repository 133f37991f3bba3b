package dev.threshold.network;

import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.reliability.HeavyRead;
import dev.threshold.score.OwnerScoring;
import dev.threshold.score.Scorer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whom to engage next, and why: the {@link RecommendationPolicy}'s candidate lists, read in one statement by
 * {@link CandidateQuery}, most urgent first, each contact once per reason, worded by {@link RecommendationText}.
 */
@ApplicationScoped
// No transaction of its own: every statement of this read (settings, actions, the read itself) goes through Jdbc,
// which outside a transaction takes a pooled connection per statement and gives it back, so the request never
// holds two (NetworkConnectionsTest). The ORM session, which outside a transaction would keep its connection to the
// end of the request, is never opened here: keep it that way, or make this REQUIRED.
@Transactional(Transactional.TxType.SUPPORTS)
public class RecommendationService {

    private final Jdbc jdbc;
    private final OwnerScoring scoring;

    public RecommendationService(Jdbc jdbc, OwnerScoring scoring) {
        this.jdbc = jdbc;
        this.scoring = scoring;
    }

    @HeavyRead
    public List<Recommendation> recommendations(String owner, int limit) {
        Scorer scorer = scoring.scorer(owner, Instant.now());
        RecommendationPolicy policy = new RecommendationPolicy(scorer, at -> scoring.scorer(owner, at));
        List<RecommendationPolicy.Range> ranges = policy.ranges();
        CandidateQuery query = new CandidateQuery(owner, limit, scorer.at(), policy.tierKeys());
        for (RecommendationPolicy.Range range : ranges) {
            query.scoreRange(range.reason(), range.minKey(), range.maxKey(), range.touchedBefore());
        }
        RecommendationPolicy.Range rekindle = policy.rekindle();
        query.personalCadenceDue(scorer.at());
        List<List<CandidateQuery.Row>> found =
                query.rekindle(rekindle.minKey(), rekindle.maxKey()).read(jdbc);

        List<RecommendationPolicy.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            for (CandidateQuery.Row row : found.get(i)) {
                candidates.add(policy.candidate(ranges.get(i), row));
            }
        }
        for (CandidateQuery.Row row : found.get(ranges.size())) {
            candidates.add(policy.personalCadence(row));
        }
        for (CandidateQuery.Row row : found.get(ranges.size() + 1)) {
            candidates.add(policy.candidate(rekindle, row));
        }
        candidates.sort(RecommendationPolicy.MOST_URGENT_FIRST);
        List<Recommendation> items = new ArrayList<>();
        Set<Map.Entry<?, ?>> seen = new HashSet<>();
        for (RecommendationPolicy.Candidate c : candidates) {
            if (items.size() >= limit) {
                break;
            }
            if (seen.add(Map.entry(c.row().id(), c.reason()))) {
                items.add(item(c, policy, scorer));
            }
        }
        return items;
    }

    private static Recommendation item(RecommendationPolicy.Candidate c, RecommendationPolicy policy, Scorer scorer) {
        CandidateQuery.Row row = c.row();
        var suggestion = policy.suggestion(c);
        return new Recommendation(
                row.id(),
                row.displayName(),
                scorer.tier(row.key()),
                scorer.strength(row.key()),
                c.reason(),
                scorer.daysUntilTierDrop(row.key()),
                row.lastAt(),
                new Recommendation.SuggestedInteraction(suggestion.type(), suggestion.direction()),
                RecommendationText.detail(c, scorer),
                dueAt(c, scorer.at()));
    }

    /** When the candidate's move is due ({@link Recommendation#dueAt()}). */
    private static Instant dueAt(RecommendationPolicy.Candidate c, Instant now) {
        return switch (c.reason()) {
            case TIER_DROP_SOON -> now.plusMillis(Math.round(c.measure() * 86_400_000.0));
            case CADENCE_DUE -> {
                Instant lastAt = c.row().lastAt();
                Instant due = lastAt == null ? now : lastAt.plus(Duration.ofDays(c.cadenceDays()));
                yield due.isAfter(now) ? due : now;
            }
            case NEXT_TIER_CLOSE, REKINDLE -> now;
        };
    }
}
