package dev.threshold.nudge.feed;

/** Response examples of the calendar feed operations in the OpenAPI document. */
final class FeedExamples {

    private FeedExamples() {}

    public static final String CREATED =
            """
            {"id": "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b",
             "url": "https://threshold.example/api/v1/feeds/q3Zr0kT9bV2xW8yN4mP6sL1aE5dG7hJ0cF2uR9iO3wK.ics",
             "createdAt": "2026-11-30T09:30:00Z"}""";

    public static final String PAGE =
            """
            {"items": [{"id": "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b", "createdAt": "2026-11-30T09:30:00Z"}],
             "nextCursor": null}""";

    public static final String CALENDAR =
            """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Threshold//Next moves//EN
            CALSCALE:GREGORIAN
            METHOD:PUBLISH
            X-WR-CALNAME:Threshold: next moves
            REFRESH-INTERVAL;VALUE=DURATION:PT1H
            X-PUBLISHED-TTL:PT1H
            BEGIN:VEVENT
            UID:6f1c1d2e-8a53-4c4b-9b0e-2a1f5b7c9d10-TIER_DROP_SOON@threshold
            DTSTAMP:20261130T093000Z
            DTSTART;VALUE=DATE:20261209
            DTEND;VALUE=DATE:20261210
            SUMMARY:Reconnect with Dana Scully: drops to Acquaintance on 9 Dec
            DESCRIPTION:Falls from FRIEND in 9.3 days without contact. Suggested: a MUT
             UAL MEETING.
            CATEGORIES:TIER_DROP_SOON
            TRANSP:TRANSPARENT
            END:VEVENT
            END:VCALENDAR
            """;
}
