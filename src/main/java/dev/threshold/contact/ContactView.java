package dev.threshold.contact;

import dev.threshold.score.math.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A contact as the API returns it. */
@Schema(name = "Contact")
public record ContactView(
        UUID id,
        String displayName,
        @Schema(nullable = true) String firstName,
        @Schema(nullable = true) String lastName,
        List<String> emails,
        List<String> phones,
        @Schema(nullable = true) String company,
        @Schema(nullable = true) String position,
        @Schema(nullable = true) String location,
        List<String> tags,
        Map<String, String> profiles,
        @Schema(nullable = true) LocalDate connectedOn,
        @Schema(nullable = true) String notes,
        @Schema(nullable = true) Integer cadenceDays,
        @Schema(readOnly = true, description = "Threshold score now, 0–100, one decimal") double strength,
        @Schema(readOnly = true) Tier tier,
        @Schema(readOnly = true, nullable = true) Instant lastInteractionAt,
        @Schema(
                        readOnly = true,
                        nullable = true,
                        description =
                                "Hidden from the recommendations and the calendar feed until then (PUT /contacts/{id}/snooze); null when not snoozed or the snooze has passed")
                Instant snoozedUntil,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt,
        @Schema(readOnly = true) long version) {}
