package dev.threshold.action;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Action")
public record ActionView(
        UUID id,
        String name,
        @Schema(nullable = true) String description,
        double threshold,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt,
        @Schema(readOnly = true) long version) {

    static ActionView of(Action a) {
        return new ActionView(a.id, a.name, a.description, a.threshold, a.createdAt, a.updatedAt, a.version);
    }
}
