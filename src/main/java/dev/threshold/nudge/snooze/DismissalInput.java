package dev.threshold.nudge.snooze;

import dev.threshold.network.Recommendation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The body of {@code POST /network/recommendations/dismissals}: which recommendation. */
@Schema(name = "DismissalInput")
public record DismissalInput(
        @Schema(required = true) UUID contactId, @Schema(required = true) Recommendation.Reason reason) {}
