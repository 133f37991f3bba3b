package dev.threshold.contact;

/** Request and response examples of the contacts operations in the OpenAPI document. */
final class ContactExamples {

    private ContactExamples() {}

    public static final String CONTACT_INPUT =
            """
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

    public static final String CONTACT =
            """
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
              "snoozedUntil": null,
              "createdAt": "2026-11-01T08:00:00Z",
              "updatedAt": "2026-11-20T09:31:00Z",
              "version": 2
            }""";

    public static final String CONTACT_PATCH =
            """
            {"company": "Difference Engines plc", "notes": null, "tags": ["mentor"]}""";

    public static final String CONTACT_PAGE =
            "{\"items\": [" + CONTACT + "], \"nextCursor\": \"Y29udGFjdHM6RElTUExBWV9OQU1F\"}";
}
