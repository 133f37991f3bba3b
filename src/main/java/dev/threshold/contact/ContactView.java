package dev.threshold.contact;

import dev.threshold.scoring.Tier;
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
        String firstName,
        String lastName,
        List<String> emails,
        List<String> phones,
        String company,
        String position,
        String location,
        List<String> tags,
        Map<String, String> profiles,
        LocalDate connectedOn,
        String notes,
        Integer cadenceDays,
        @Schema(readOnly = true, description = "Threshold score now, 0–100, one decimal") double strength,
        @Schema(readOnly = true) Tier tier,
        @Schema(readOnly = true, nullable = true) Instant lastInteractionAt,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt,
        @Schema(readOnly = true) long version) {
}
