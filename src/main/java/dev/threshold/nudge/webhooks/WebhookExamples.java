package dev.threshold.nudge.webhooks;

/** Request and response examples of the webhook operations, and of the event payloads, in the OpenAPI document. */
final class WebhookExamples {

    private WebhookExamples() {}

    static final String INPUT =
            """
            {"url": "https://hooks.example.com/threshold", "events": ["contact.tier_changed", "contact.action_crossed"],
             "description": "Zapier: tier changes to my CRM"}""";

    static final String WEBHOOK =
            """
            {"id": "0193a4f2-6c1d-7a10-9c3e-5b2f8e7d1a01", "url": "https://hooks.example.com/threshold",
             "events": ["contact.tier_changed", "contact.action_crossed"], "description": "Zapier: tier changes to my CRM",
             "enabled": true, "disabledReason": null, "createdAt": "2026-11-30T08:00:00Z",
             "updatedAt": "2026-11-30T08:00:00Z", "version": 0}""";

    static final String CREATED =
            """
            {"id": "0193a4f2-6c1d-7a10-9c3e-5b2f8e7d1a01", "url": "https://hooks.example.com/threshold",
             "events": ["contact.tier_changed", "contact.action_crossed"], "description": "Zapier: tier changes to my CRM",
             "enabled": true, "disabledReason": null, "createdAt": "2026-11-30T08:00:00Z",
             "updatedAt": "2026-11-30T08:00:00Z", "version": 0,
             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""";

    static final String PAGE = "{\"items\": [" + WEBHOOK + "], \"nextCursor\": null}";

    static final String PATCH = "{\"events\": [\"contact.tier_drop_soon\"], \"enabled\": true}";

    static final String DELIVERY =
            """
            {"id": "5d8e0c53-1f0e-4f6a-8d0c-2a7b9e3f4c11", "eventId": "0193a4f3-0e2b-7c55-8a41-93d2c6b1e702",
             "eventType": "contact.tier_changed", "contactId": "0193a4f1-2b7e-7f0a-b6d4-1c9e5a3f8d20",
             "status": "PENDING", "attempts": 2, "responseCode": 503, "lastError": "answered 503",
             "lastAttemptAt": "2026-11-30T08:00:20Z", "nextAttemptAt": "2026-11-30T08:00:35Z",
             "createdAt": "2026-11-30T08:00:00Z", "deliveredAt": null}""";

    static final String PING =
            """
            {"id": "5d8e0c53-1f0e-4f6a-8d0c-2a7b9e3f4c12", "eventId": "0193a4f3-0e2b-7c55-8a41-93d2c6b1e703",
             "eventType": "webhook.ping", "contactId": null, "status": "PENDING", "attempts": 0, "responseCode": null,
             "lastError": null, "lastAttemptAt": null, "nextAttemptAt": "2026-11-30T08:00:00Z",
             "createdAt": "2026-11-30T08:00:00Z", "deliveredAt": null}""";

    static final String DELIVERY_PAGE = "{\"items\": [" + DELIVERY + "], \"nextCursor\": null}";
}
