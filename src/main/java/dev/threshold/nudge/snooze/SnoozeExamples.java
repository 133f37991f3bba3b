package dev.threshold.nudge.snooze;

/** Request and response examples of the snooze and dismissal operations in the OpenAPI document. */
final class SnoozeExamples {

    private SnoozeExamples() {}

    public static final String SNOOZE_INPUT = """
            {"until": "2027-01-15T09:00:00Z"}""";

    public static final String SNOOZE =
            """
            {"contactId": "6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10", "snoozedUntil": "2027-01-15T09:00:00Z"}""";

    public static final String DISMISSAL_INPUT =
            """
            {"contactId": "6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10", "reason": "CADENCE_DUE"}""";

    public static final String DISMISSAL =
            """
            {"contactId": "6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10", "reason": "CADENCE_DUE", "tier": "FRIEND",
             "dismissedAt": "2026-11-30T09:30:00Z"}""";
}
