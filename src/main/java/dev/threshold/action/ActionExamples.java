package dev.threshold.action;

/** Request and response examples of the actions operations in the OpenAPI document. */
final class ActionExamples {

    private ActionExamples() {}

    public static final String ACTION_INPUT =
            """
            {"name": "Ask for a referral", "description": "Ask them to introduce or recommend you.", "threshold": 60}""";

    public static final String ACTION =
            """
            {"id": "c5e3a912-2f9d-4e77-9f65-5ba08b5dbc23", "name": "Ask for a referral",
             "description": "Ask them to introduce or recommend you.", "threshold": 60,
             "createdAt": "2026-11-01T08:00:00Z", "updatedAt": "2026-11-01T08:00:00Z", "version": 0}""";

    public static final String ACTION_PAGE = "{\"items\": [" + ACTION + "], \"nextCursor\": null}";
}
