package dev.threshold.score;

import dev.threshold.action.ActionRef;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.Peak;
import dev.threshold.score.math.Score;
import dev.threshold.score.math.ScoreCalculator;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.score.math.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An explainable score: every number traceable to the interaction log (docs/scoring.md). */
@Schema(name = "Score")
public record ScoreView(
        UUID contactId,
        Instant at,
        @Schema(description = "100·(1 − e^(−S/K)), one decimal") double strength,
        Tier tier,
        @Schema(description = "min(in, out) / max(in, out)") double reciprocity,
        @Schema(description = "Decayed INBOUND points (plus half of MUTUAL)") double inbound,
        @Schema(description = "Decayed OUTBOUND points (plus half of MUTUAL)") double outbound,
        @Schema(description = "S = (in + out)·(0.5 + 0.5·r)") double effectivePoints,
        @Schema(nullable = true) Instant lastInteractionAt,
        @Schema(nullable = true) Tier nextTier,
        @Schema(nullable = true) Double strengthToNextTier,
        @Schema(nullable = true, description = "Days until the tier drops with no new interaction; null for STRANGER")
                Double daysUntilTierDrop,
        @Schema(description = "The actions whose threshold this strength clears") List<ActionRef> actionable,
        @Schema(description = "Decayed points per interaction type") Map<InteractionType, Double> breakdown,
        @Schema(
                        description =
                                "The highest strength the history (up to `at`) reaches at any of its interaction instants, one decimal; 0 without interactions")
                double peakStrength,
        @Schema(
                        nullable = true,
                        description =
                                "The first interaction instant at which `peakStrength` is reached; null without interactions")
                Instant peakAt) {

    static ScoreView of(UUID contactId, Score s, List<ActionRef> actions, Peak peak, ScoringSettings settings) {
        List<ActionRef> cleared =
                actions.stream().filter(a -> s.exactStrength() >= a.threshold()).toList();
        return new ScoreView(
                contactId,
                s.at(),
                s.strength(),
                s.tier(),
                ScoreCalculator.round(s.reciprocity(), 4),
                ScoreCalculator.round(s.in(), 4),
                ScoreCalculator.round(s.out(), 4),
                ScoreCalculator.round(s.effectivePoints(), 4),
                s.lastInteractionAt(),
                s.nextTier(),
                s.strengthToNextTier(),
                s.daysUntilTierDrop(),
                cleared,
                s.breakdown(),
                peak.strength(settings),
                peak.at());
    }
}
