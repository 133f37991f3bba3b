package dev.threshold.platform;

/** Request and response examples of the OpenAPI document, in one place. */
public final class Examples {

    private Examples() {
    }

    public static final String CONTACT_INPUT = """
            {
              "displayName": "Ada Lovelace",
              "firstName": "Ada",
              "lastName": "Lovelace",
              "emails": ["ada@example.org"],
              "phones": ["+44 20 7946 0000"],
              "company": "Analytical Engines Ltd",
              "position": "Programmer",
              "location": "London",
              "tags": ["mentor", "conference"],
              "profiles": {"linkedin": "https://www.linkedin.com/in/ada-example", "x": "@ada"},
              "connectedOn": "2024-03-15",
              "notes": "Met at the engine demo.",
              "cadenceDays": 21
            }""";

    public static final String CONTACT = """
            {
              "id": "6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10",
              "displayName": "Ada Lovelace",
              "firstName": "Ada",
              "lastName": "Lovelace",
              "emails": ["ada@example.org"],
              "phones": ["+44 20 7946 0000"],
              "company": "Analytical Engines Ltd",
              "position": "Programmer",
              "location": "London",
              "tags": ["mentor", "conference"],
              "profiles": {"linkedin": "https://www.linkedin.com/in/ada-example", "x": "@ada"},
              "connectedOn": "2024-03-15",
              "notes": "Met at the engine demo.",
              "cadenceDays": 21,
              "strength": 33.0,
              "tier": "ACQUAINTANCE",
              "lastInteractionAt": "2026-11-20T09:30:00Z",
              "createdAt": "2026-11-01T08:00:00Z",
              "updatedAt": "2026-11-20T09:31:00Z",
              "version": 2
            }""";

    public static final String CONTACT_PATCH = """
            {"company": "Difference Engines plc", "notes": null, "tags": ["mentor"]}""";

    public static final String CONTACT_PAGE = "{\"items\": [" + CONTACT + "], \"nextCursor\": \"Y29udGFjdHM6RElTUExBWV9OQU1F\"}";

    public static final String INTERACTION_INPUT = """
            {
              "type": "MEETING",
              "direction": "MUTUAL",
              "channel": "IN_PERSON",
              "occurredAt": "2026-11-20T09:30:00Z",
              "note": "Coffee after the meetup"
            }""";

    public static final String INTERACTION = """
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

    public static final String INTERACTION_PATCH = """
            {"weight": 20, "note": "Long lunch, really got to know each other"}""";

    public static final String INTERACTION_PAGE = "{\"items\": [" + INTERACTION + "], \"nextCursor\": null}";

    public static final String INTERACTION_BATCH = """
            [
              {"contactId": "6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10", "type": "LIKE", "direction": "INBOUND",
               "channel": "LINKEDIN", "occurredAt": "2026-11-18T12:00:00Z"},
              {"contactId": "6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10", "type": "COMMENT", "direction": "OUTBOUND",
               "channel": "LINKEDIN", "occurredAt": "2026-11-18T12:05:00Z", "note": "Congratulated on the launch"}
            ]""";

    public static final String SCORE = """
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
              "breakdown": {"VIEW": 0, "LIKE": 0, "COMMENT": 0, "SHARE": 0, "MESSAGE": 0, "CALL": 0, "MEETING": 12.0, "FAVOR": 0}
            }""";

    public static final String SCORE_HISTORY = """
            {"points": [
              {"at": "2026-11-18T00:00:00Z", "strength": 0.0, "tier": "STRANGER"},
              {"at": "2026-11-19T00:00:00Z", "strength": 0.0, "tier": "STRANGER"},
              {"at": "2026-11-20T00:00:00Z", "strength": 32.9, "tier": "ACQUAINTANCE"}
            ]}""";

    public static final String RANKING = """
            {"items": [
              {"contactId": "6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10", "displayName": "Ada Lovelace", "strength": 81.4,
               "tier": "ALLY", "lastInteractionAt": "2026-11-20T09:30:00Z"},
              {"contactId": "0d9e8f7a-6b5c-4d3e-9f1a-2b3c4d5e6f70", "displayName": "Alan Turing", "strength": 42.0,
               "tier": "FRIEND", "lastInteractionAt": "2026-10-02T16:00:00Z"}
            ], "nextCursor": null}""";

    public static final String SETTINGS = """
            {
              "halfLifeDays": 90,
              "saturation": 30,
              "weights": {"VIEW": 0.5, "LIKE": 1, "COMMENT": 3, "SHARE": 4, "MESSAGE": 5, "CALL": 8, "MEETING": 12, "FAVOR": 15},
              "tiers": {"ACQUAINTANCE": 10, "FRIEND": 40, "ALLY": 75},
              "cadenceDays": {"ACQUAINTANCE": 90, "FRIEND": 30, "ALLY": 14}
            }""";

    public static final String ACTION_INPUT = """
            {"name": "Ask for a referral", "description": "Ask them to introduce or recommend you.", "threshold": 60}""";

    public static final String ACTION = """
            {"id": "c5e3a912-2f9d-4e77-9f65-5ba08b5dbc23", "name": "Ask for a referral",
             "description": "Ask them to introduce or recommend you.", "threshold": 60,
             "createdAt": "2026-11-01T08:00:00Z", "updatedAt": "2026-11-01T08:00:00Z", "version": 0}""";

    public static final String ACTION_PAGE = "{\"items\": [" + ACTION + "], \"nextCursor\": null}";

    public static final String SUMMARY = """
            {
              "at": "2026-11-20T09:30:00Z",
              "contacts": 412,
              "tiers": {"STRANGER": 301, "ACQUAINTANCE": 82, "FRIEND": 23, "ALLY": 6},
              "actions": [
                {"id": "a3c1e7f0-0d7b-4c55-9d43-3f8e6f3b9a01", "name": "Engage with their posts", "threshold": 0, "contacts": 412},
                {"id": "c5e3a912-2f9d-4e77-9f65-5ba08b5dbc23", "name": "Ask for a referral", "threshold": 60, "contacts": 11}
              ],
              "interactions": {"total": 5230, "lastInteractionAt": "2026-11-20T09:30:00Z"}
            }""";

    public static final String RECOMMENDATIONS = """
            {"items": [
              {"contactId": "0d9e8f7a-6b5c-4d3e-9f1a-2b3c4d5e6f70", "displayName": "Alan Turing", "tier": "FRIEND",
               "strength": 41.2, "reason": "TIER_DROP_SOON", "daysUntilTierDrop": 3.8,
               "lastInteractionAt": "2026-10-02T16:00:00Z",
               "suggestedInteraction": {"type": "MESSAGE", "direction": "OUTBOUND"},
               "detail": "Falls from FRIEND in 3.8 days without contact"}
            ]}""";
}
