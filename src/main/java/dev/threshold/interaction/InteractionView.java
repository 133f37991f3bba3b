package dev.threshold.interaction;

import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Interaction")
public record InteractionView(
        UUID id,
        UUID contactId,
        InteractionType type,
        Direction direction,
        Channel channel,
        Instant occurredAt,
        @Schema(nullable = true, description = "The override, or null when the type's weight applies") Double weight,
        @Schema(nullable = true) String note,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt,
        @Schema(readOnly = true) long version) {

    static InteractionView of(Interaction i) {
        return new InteractionView(
                i.id,
                i.contactId,
                i.type,
                i.direction,
                i.channel,
                i.occurredAt,
                i.weight,
                i.note,
                i.createdAt,
                i.updatedAt,
                i.version);
    }
}
