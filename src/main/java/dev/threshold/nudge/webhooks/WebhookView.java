package dev.threshold.nudge.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook endpoint as the API shows it; {@code secret} only in the response that created it. */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookView(
        UUID id,
        String url,
        List<String> events,
        @Schema(nullable = true) String description,
        boolean enabled,
        @Schema(nullable = true, description = "Why deliveries stopped, e.g. the receiver answered 410 Gone")
                String disabledReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
