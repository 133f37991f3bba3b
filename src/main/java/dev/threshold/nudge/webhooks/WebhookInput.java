package dev.threshold.nudge.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The writable fields of a webhook endpoint. */
@Schema(name = "WebhookInput", description = "A webhook endpoint to create, or the fields of a merge patch")
public record WebhookInput(
        @Schema(
                        required = true,
                        maxLength = WebhookService.MAX_URL,
                        description =
                                "https URL that resolves to public addresses only (unless THRESHOLD_WEBHOOKS_ALLOW_PRIVATE=true)",
                        examples = "https://hooks.example.com/threshold")
                String url,
        @Schema(
                        required = true,
                        description = "The event types to receive: contact.tier_changed, contact.action_crossed,"
                                + " contact.tier_drop_soon, import.finished",
                        examples = "[\"contact.tier_changed\"]")
                List<String> events,
        @Schema(maxLength = WebhookService.MAX_DESCRIPTION, nullable = true) String description,
        @Schema(
                        nullable = true,
                        description = "false pauses deliveries; true re-enables an endpoint disabled after a 410")
                Boolean enabled) {}
