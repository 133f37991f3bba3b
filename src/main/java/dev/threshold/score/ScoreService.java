package dev.threshold.score;

import dev.threshold.action.ActionService;
import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.score.math.Score;
import dev.threshold.score.math.ScoreCalculator;
import dev.threshold.score.math.ScoreHistory;
import dev.threshold.score.math.ScoreState;
import dev.threshold.score.math.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads of scores: one contact (now or at any instant), its history, the owner's ranking, and the contacts that
 * clear one of the owner's actions.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScoreService {

    private final ScoreLedger ledger;
    private final OwnerScoring scoring;
    private final Ranking ranking;
    private final ActionService actions;
    private final ScoreReads reads;

    public ScoreService(
            ScoreLedger ledger, OwnerScoring scoring, Ranking ranking, ActionService actions, ScoreReads reads) {
        this.ledger = ledger;
        this.reads = reads;
        this.scoring = scoring;
        this.ranking = ranking;
        this.actions = actions;
    }

    /**
     * The score at {@code at}. From the stored state in O(1) when nothing was recorded after {@code at}
     * (the normal case, {@code at} = now); otherwise re-derived from the contact's rows up to {@code at}.
     * State, settings and actions come in one round trip ({@link ScoreReads}).
     */
    public ScoreView score(String owner, UUID contactId, Instant at) {
        ScoreReads.Snapshot read =
                reads.read(owner, contactId).orElseThrow(() -> ApiProblem.notFound("Contact " + contactId));
        ScoreState stored = read.state();
        var settings = read.settings();
        ScoreState state = stored;
        if (stored.lastInteractionAt() != null && stored.lastInteractionAt().isAfter(at)) {
            state = ScoreState.of(ledger.interactions(owner, contactId, at), settings);
        }
        Score score = ScoreCalculator.score(state, at, settings);
        return ScoreView.of(
                contactId,
                score,
                read.actions() != null ? read.actions() : actions.actions(owner),
                state.peak(),
                settings);
    }

    public ScoreHistoryView history(String owner, UUID contactId, Instant from, Instant to, Duration step) {
        if (!ledger.contactExists(owner, contactId)) {
            throw ApiProblem.notFound("Contact " + contactId);
        }
        var points = ScoreHistory.compute(
                ledger.interactions(owner, contactId, to), from, to, step, scoring.settings(owner));
        return new ScoreHistoryView(points.stream()
                .map(p -> new ScoreHistoryView.Point(p.at(), p.strength(), p.tier()))
                .toList());
    }

    public Page<RankedContact> rank(String owner, Tier tier, Double minStrength, PageRequest page) {
        Scorer scorer = scoring.scorer(owner);
        double min = Double.NEGATIVE_INFINITY;
        double max = Double.POSITIVE_INFINITY;
        if (tier != null) {
            min = scorer.keyFloor(tier);
            if (tier.next() != null) {
                max = scorer.keyFloor(tier.next());
            }
        }
        if (minStrength != null) {
            min = Math.max(min, scorer.keyFloor(minStrength));
        }
        return ranking.rank(owner, scorer, min, max, page);
    }

    /** The contacts that clear the action now, strongest first: a range scan on the stored score key. */
    public Page<RankedContact> actionContacts(String owner, UUID actionId, PageRequest page) {
        double threshold = actions.threshold(owner, actionId);
        Scorer scorer = scoring.scorer(owner);
        return ranking.rank(owner, scorer, scorer.keyFloor(threshold), Double.POSITIVE_INFINITY, page);
    }
}
