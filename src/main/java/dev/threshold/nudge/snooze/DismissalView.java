package dev.threshold.nudge.snooze;

import dev.threshold.network.Recommendation;
import dev.threshold.score.math.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A dismissed recommendation, in effect until the contact's situation changes (docs/nudges.md). */
@Schema(name = "Dismissal")
public record DismissalView(
        UUID contactId,
        Recommendation.Reason reason,
        @Schema(description = "The contact's tier when dismissed: a change of tier ends the dismissal") Tier tier,
        Instant dismissedAt) {}
