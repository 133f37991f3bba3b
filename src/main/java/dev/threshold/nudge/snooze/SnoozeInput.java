package dev.threshold.nudge.snooze;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The body of {@code PUT /contacts/{id}/snooze}. */
@Schema(name = "SnoozeInput")
public record SnoozeInput(
        @Schema(
                        required = true,
                        description = "Hidden until this instant (ISO-8601), in the future, at most 10 years ahead")
                Instant until) {}
