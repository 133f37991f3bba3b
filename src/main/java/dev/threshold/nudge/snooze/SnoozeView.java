package dev.threshold.nudge.snooze;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A contact's snooze. */
@Schema(name = "Snooze")
public record SnoozeView(
        UUID contactId,
        @Schema(description = "Hidden from recommendations and the feed until then") Instant snoozedUntil) {}
