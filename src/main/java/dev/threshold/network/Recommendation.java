package dev.threshold.network;

import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Whom to engage next and why. */
@Schema(name = "Recommendation")
public record Recommendation(
        UUID contactId,
        String displayName,
        Tier tier,
        double strength,
        Reason reason,
        @Schema(nullable = true) Double daysUntilTierDrop,
        @Schema(nullable = true) Instant lastInteractionAt,
        SuggestedInteraction suggestedInteraction,
        @Schema(description = "Why, in words") String detail,
        @Schema(
                        description =
                                "When the move is due: the instant of the drop (TIER_DROP_SOON), the end of the cadence or now when it is past (CADENCE_DUE), now (NEXT_TIER_CLOSE, REKINDLE); the calendar feed's day")
                Instant dueAt) {

    /** Declared most urgent first: the recommendations are sorted by reason in this order. */
    public enum Reason {
        TIER_DROP_SOON,
        NEXT_TIER_CLOSE,
        CADENCE_DUE,
        /** A dormant strong tie: its peak reached FRIEND's floor, and it is below ACQUAINTANCE's now. */
        REKINDLE
    }

    @Schema(name = "SuggestedInteraction")
    public record SuggestedInteraction(InteractionType type, Direction direction) {}

    @Schema(name = "Recommendations")
    public record Items(List<Recommendation> items) {}
}
