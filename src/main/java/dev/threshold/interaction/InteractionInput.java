package dev.threshold.interaction;

import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * The writable fields of an interaction. {@code contactId} is required in the owner's timeline and the
 * batch endpoint, implied by the path under a contact, and cannot be changed afterwards.
 */
@Schema(name = "InteractionInput")
public record InteractionInput(
        @Schema(description = "Required in POST /interactions/batch; taken from the path under /contacts/{id}")
                UUID contactId,
        @NotNull @Schema(required = true) InteractionType type,
        @NotNull @Schema(required = true) Direction direction,
        @Schema(description = "Defaults to OTHER") Channel channel,
        @Schema(description = "When it happened (ISO-8601, UTC); defaults to now; at most 5 minutes in the future")
                Instant occurredAt,
        @PositiveOrZero @DecimalMax("1000000") @Schema(nullable = true, description = "Points override; null uses the type's weight")
                Double weight,
        @Size(max = 4000) String note) {

    static InteractionInput of(Interaction i) {
        return new InteractionInput(i.contactId, i.type, i.direction, i.channel, i.occurredAt, i.weight, i.note);
    }
}
