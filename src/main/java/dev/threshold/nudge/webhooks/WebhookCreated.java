package dev.threshold.nudge.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The response to {@code POST /webhooks}: the endpoint and its signing secret, shown this once. */
@Schema(name = "WebhookCreated")
public record WebhookCreated(
        UUID id,
        String url,
        List<String> events,
        @Schema(nullable = true) String description,
        boolean enabled,
        @Schema(nullable = true) String disabledReason,
        Instant createdAt,
        Instant updatedAt,
        long version,
        @Schema(
                        description = "The signing secret (whsec_ + base64 of a 32-byte key): shown once, never again",
                        examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                String secret) {

    static WebhookCreated of(WebhookView v, String secret) {
        return new WebhookCreated(
                v.id(),
                v.url(),
                v.events(),
                v.description(),
                v.enabled(),
                v.disabledReason(),
                v.createdAt(),
                v.updatedAt(),
                v.version(),
                secret);
    }
}
