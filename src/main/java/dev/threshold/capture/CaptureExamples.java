package dev.threshold.capture;

/** OpenAPI examples of the capture and profile operations. */
final class CaptureExamples {

    private CaptureExamples() {}

    static final String PROFILE =
            """
            {
              "names": ["Sam Example"],
              "emails": ["sam@example.com", "sam.example@work.example"],
              "phones": ["+44 20 7946 0000"],
              "linkedin": "https://www.linkedin.com/in/sam-example",
              "timeZone": "Europe/London"
            }""";

    static final String ICS =
            """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Google Inc//Google Calendar 70.9054//EN
            BEGIN:VEVENT
            DTSTART;TZID=Europe/London:20240312T100000
            DTEND;TZID=Europe/London:20240312T103000
            RRULE:FREQ=WEEKLY;COUNT=4
            UID:7kq1example@google.com
            ORGANIZER;CN=Sam Example:mailto:sam@example.com
            ATTENDEE;CN=Ada Lovelace;PARTSTAT=ACCEPTED:mailto:ada@example.org
            ATTENDEE;CN=Sam Example;PARTSTAT=ACCEPTED:mailto:sam@example.com
            LOCATION:https://meet.google.com/abc-defg-hij
            SUMMARY:Weekly sync
            END:VEVENT
            END:VCALENDAR
            """;

    static final String MBOX =
            """
            From 1790263245112345678@xxx Tue Mar 12 10:22:31 +0000 2024
            X-GM-THRID: 1790263245112345678
            X-Gmail-Labels: Inbox,Important,Opened
            Message-ID: <CA+abc123@mail.example.org>
            Date: Tue, 12 Mar 2024 10:22:31 +0000
            From: Ada Lovelace <ada@example.org>
            To: Sam Example <sam@example.com>
            Subject: =?UTF-8?Q?Caf=C3=A9_on_Friday=3F?=

            (the body is never read)
            """;

    static final String EML =
            """
            Message-ID: <CA+def456@mail.example.org>
            Date: Wed, 13 Mar 2024 09:00:00 +0100
            From: Sam Example <sam@example.com>
            To: Ada Lovelace <ada@example.org>
            Subject: Re: Café on Friday?

            (the body is never read)
            """;

    static final String CALENDAR_REPORT =
            """
            {
              "dryRun": false,
              "created": 0,
              "updated": 0,
              "unchanged": 0,
              "skipped": 0,
              "items": 1320,
              "interactions": {
                "created": 2104,
                "unchanged": 0,
                "skipped": 412,
                "skippedBy": {"cancelled": 31, "declinedByYou": 12, "future": 40, "noOneElse": 240, "notAContact": 77, "tooManyAttendees": 12}
              },
              "unmatched": [{"name": "Bob Example", "email": "bob@example.net", "interactions": 41}],
              "errors": [{"line": 0, "item": "4f1c2e@example.com", "message": "DTSTART is missing or unreadable"}],
              "warnings": [],
              "ignored": []
            }""";

    static final String MAIL_REPORT =
            """
            {
              "dryRun": false,
              "created": 0,
              "updated": 0,
              "unchanged": 0,
              "skipped": 0,
              "items": 48211,
              "interactions": {
                "created": 5120,
                "unchanged": 0,
                "skipped": 31877,
                "skippedBy": {"automated": 1800, "bulk": 9120, "draft": 44, "mailingList": 15001, "noReply": 2210, "notAContact": 3650, "spam": 52}
              },
              "unmatched": [{"name": "Bob Example", "email": "bob@example.net", "interactions": 63}],
              "errors": [{"line": 1048211, "item": "broken-1@mail.example", "message": "Date: missing or unreadable"}],
              "warnings": [],
              "ignored": []
            }""";
}
