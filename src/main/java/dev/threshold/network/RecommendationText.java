package dev.threshold.network;

import dev.threshold.score.Scorer;
import dev.threshold.score.math.ScoreCalculator;
import dev.threshold.score.math.Tier;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of a recommendation: why, for the person reading it ({@link Recommendation#detail()}). */
final class RecommendationText {

    private RecommendationText() {}

    /** Why {@code candidate} is recommended, at the scorer's instant. */
    static String detail(RecommendationPolicy.Candidate candidate, Scorer scorer) {
        CandidateQuery.Row row = candidate.row();
        return switch (candidate.reason()) {
            case TIER_DROP_SOON -> "Falls from " + scorer.tier(row.key()) + " in " + scorer.daysUntilTierDrop(row.key())
                    + " days without contact";
            case NEXT_TIER_CLOSE -> ScoreCalculator.round(candidate.measure(), 1) + " points below " + candidate.tier();
            case CADENCE_DUE -> row.lastAt() == null
                    ? "Never contacted; wanted every " + candidate.cadenceDays() + " days"
                    : "Last contact "
                            + ScoreCalculator.round(
                                    Duration.between(row.lastAt(), scorer.at()).toMinutes() / 1440.0, 1)
                            + " days ago; wanted every " + candidate.cadenceDays() + " days";
            case REKINDLE -> "Once " + withArticle(scorer.settings().tierOf(candidate.measure())) + " (strength "
                    + ScoreCalculator.round(candidate.measure(), 1)
                    + (row.peakAt() == null
                            ? ""
                            : " on " + DAY.format(row.peakAt().atZone(ZoneOffset.UTC)))
                    + "), now " + scorer.strength(row.key()) + ": a dormant strong tie, often the quickest way back";
        };
    }

    /** "9 Dec 2025": a day in words, in English whatever the server's locale. */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** "an Ally", "a Friend". */
    static String withArticle(Tier tier) {
        String word = words(tier);
        return ("AEIOU".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    /** A tier in words: "Friend". */
    static String words(Tier tier) {
        String name = tier.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
