package dev.threshold.network;

/** Request and response examples of the the network summary and recommendations operations in the OpenAPI document. */
final class NetworkExamples {

    private NetworkExamples() {}

    public static final String SUMMARY =
            """
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

    public static final String RECOMMENDATIONS =
            """
            {"items": [
              {"contactId": "0d9e8f7a-6b5c-4d3e-9f1a-2b3c4d5e6f70", "displayName": "Alan Turing", "tier": "FRIEND",
               "strength": 41.2, "reason": "TIER_DROP_SOON", "daysUntilTierDrop": 3.8,
               "lastInteractionAt": "2026-10-02T16:00:00Z",
               "suggestedInteraction": {"type": "MESSAGE", "direction": "OUTBOUND"},
               "detail": "Falls from FRIEND in 3.8 days without contact", "dueAt": "2026-11-24T04:42:00Z"},
              {"contactId": "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d", "displayName": "Grace Hopper", "tier": "STRANGER",
               "strength": 4.1, "reason": "REKINDLE", "daysUntilTierDrop": null,
               "lastInteractionAt": "2024-05-12T18:00:00Z",
               "suggestedInteraction": {"type": "CALL", "direction": "MUTUAL"},
               "detail": "Once an Ally (strength 81.2 on 12 May 2024), now 4.1: a dormant strong tie, often the quickest way back",
               "dueAt": "2026-11-20T09:30:00Z"}
            ]}""";
}
