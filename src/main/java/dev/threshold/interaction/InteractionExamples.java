package dev.threshold.interaction;

/** Request and response examples of the interactions operations in the OpenAPI document. */
final class InteractionExamples {

    private InteractionExamples() {}

    public static final String INTERACTION_INPUT =
            """
            {
              "type": "MEETING",
              "direction": "MUTUAL",
              "channel": "IN_PERSON",
              "occurredAt": "2026-11-20T09:30:00Z",
              "note": "Coffee after the meetup"
            }""";

    public static final String INTERACTION =
            """
            {
              "id": "0b6d9c8e-1f2a-4e3b-8c7d-6e5f4a3b2c1d",
              "contactId": "6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10",
              "type": "MEETING",
              "direction": "MUTUAL",
              "channel": "IN_PERSON",
              "occurredAt": "2026-11-20T09:30:00Z",
              "weight": null,
              "note": "Coffee after the meetup",
              "createdAt": "2026-11-20T09:31:00Z",
              "updatedAt": "2026-11-20T09:31:00Z",
              "version": 0
            }""";

    public static final String INTERACTION_PATCH =
            """
            {"weight": 20, "note": "Long lunch, really got to know each other"}""";

    public static final String INTERACTION_PAGE = "{\"items\": [" + INTERACTION + "], \"nextCursor\": null}";

    public static final String INTERACTION_BATCH =
            """
            [
              {"contactId": "6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10", "type": "LIKE", "direction": "INBOUND",
               "channel": "LINKEDIN", "occurredAt": "2026-11-18T12:00:00Z"},
              {"contactId": "6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10", "type": "COMMENT", "direction": "OUTBOUND",
               "channel": "LINKEDIN", "occurredAt": "2026-11-18T12:05:00Z", "note": "Congratulated on the launch"}
            ]""";
}
