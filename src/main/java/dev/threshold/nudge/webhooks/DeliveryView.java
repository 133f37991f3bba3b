package dev.threshold.nudge.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One event's delivery to one endpoint: its state and its latest attempt. */
@Schema(name = "WebhookDelivery")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryView(
        UUID id,
        @Schema(description = "The event's id, sent as webhook-id (the same on every attempt)") UUID eventId,
        String eventType,
        @Schema(nullable = true) UUID contactId,
        @Schema(
                        description = "PENDING (waiting or retrying), DELIVERED (a 2xx), FAILED (given up after 24 h,"
                                + " or the endpoint was disabled)",
                        enumeration = {"PENDING", "DELIVERED", "FAILED"})
                String status,
        int attempts,
        @Schema(nullable = true, description = "HTTP status of the latest attempt; null when it got no answer")
                Integer responseCode,
        @Schema(nullable = true) String lastError,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(nullable = true) Instant nextAttemptAt,
        Instant createdAt,
        @Schema(nullable = true) Instant deliveredAt) {}
