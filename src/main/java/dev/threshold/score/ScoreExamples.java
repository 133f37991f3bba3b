package dev.threshold.score;

/** Request and response examples of the scores, score history, ranking and scoring settings operations in the OpenAPI document. */
final class ScoreExamples {

    private ScoreExamples() {}

    public static final String SCORE =
            """
            {
              "contactId": "6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10",
              "at": "2026-11-20T09:30:00Z",
              "strength": 33.0,
              "tier": "ACQUAINTANCE",
              "reciprocity": 1.0,
              "inbound": 6.0,
              "outbound": 6.0,
              "effectivePoints": 12.0,
              "lastInteractionAt": "2026-11-20T09:30:00Z",
              "nextTier": "FRIEND",
              "strengthToNextTier": 7.0,
              "daysUntilTierDrop": 173.2,
              "actionable": [
                {"id": "a3c1e7f0-0d7b-4c55-9d43-3f8e6f3b9a01", "name": "Engage with their posts", "threshold": 0},
                {"id": "b4d2f801-1e8c-4d66-8e54-4a9f7a4cab12", "name": "Invite to an event", "threshold": 25}
              ],
              "breakdown": {"VIEW": 0, "LIKE": 0, "COMMENT": 0, "SHARE": 0, "MESSAGE": 0, "CALL": 0, "MEETING": 12.0, "FAVOR": 0},
              "peakStrength": 33.0,
              "peakAt": "2026-11-20T09:30:00Z"
            }""";

    public static final String SCORE_HISTORY =
            """
            {"points": [
              {"at": "2026-11-18T00:00:00Z", "strength": 0.0, "tier": "STRANGER"},
              {"at": "2026-11-19T00:00:00Z", "strength": 0.0, "tier": "STRANGER"},
              {"at": "2026-11-20T00:00:00Z", "strength": 32.9, "tier": "ACQUAINTANCE"}
            ]}""";

    public static final String RANKING =
            """
            {"items": [
              {"contactId": "6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10", "displayName": "Ada Lovelace", "strength": 81.4,
               "tier": "ALLY", "lastInteractionAt": "2026-11-20T09:30:00Z"},
              {"contactId": "0d9e8f7a-6b5c-4d3e-9f1a-2b3c4d5e6f70", "displayName": "Alan Turing", "strength": 42.0,
               "tier": "FRIEND", "lastInteractionAt": "2026-10-02T16:00:00Z"}
            ], "nextCursor": null}""";

    public static final String SETTINGS =
            """
            {
              "halfLifeDays": 90,
              "saturation": 30,
              "weights": {"VIEW": 0.5, "LIKE": 1, "COMMENT": 3, "SHARE": 4, "MESSAGE": 5, "CALL": 8, "MEETING": 12, "FAVOR": 15},
              "tiers": {"ACQUAINTANCE": 10, "FRIEND": 40, "ALLY": 75},
              "cadenceDays": {"ACQUAINTANCE": 90, "FRIEND": 30, "ALLY": 14}
            }""";
}
