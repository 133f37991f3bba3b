package dev.threshold.network;

import dev.threshold.score.math.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The owner's network at an instant: the tier pyramid, who clears each action, and the log's size. */
@Schema(name = "NetworkSummary")
public record NetworkSummary(
        Instant at, long contacts, Map<Tier, Long> tiers, List<ActionCount> actions, Interactions interactions) {

    @Schema(name = "ActionCount")
    public record ActionCount(UUID id, String name, double threshold, long contacts) {}

    @Schema(name = "InteractionTotals")
    public record Interactions(long total, @Schema(nullable = true) Instant lastInteractionAt) {}
}
