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

    static final String WHATSAPP_TXT =
            """
            [12/03/2024, 09:14:02] Ada Lovelace: ‎Messages and calls are end-to-end encrypted.
            [12/03/2024, 09:14:02] Ada Lovelace: Coffee on Friday?
            [12/03/2024, 09:20:45] Sam Example: Yes! 10:00 at the usual place
            and I'll bring the draft
            [15/03/2024, 18:02:11] Ada Lovelace: ‎image omitted
            """;

    static final String TELEGRAM_JSON =
            """
            {
              "personal_information": {"user_id": 1000001, "first_name": "Sam", "last_name": "Example"},
              "chats": {
                "list": [
                  {
                    "name": "Ada Lovelace",
                    "type": "personal_chat",
                    "id": 2000002,
                    "messages": [
                      {"id": 101, "type": "message", "date": "2024-03-12T09:14:02", "date_unixtime": "1710234842",
                       "from": "Ada Lovelace", "from_id": "user2000002", "text": "Coffee on Friday?"},
                      {"id": 102, "type": "message", "date": "2024-03-12T09:20:45", "date_unixtime": "1710235245",
                       "from": "Sam Example", "from_id": "user1000001",
                       "text": ["Yes! See ", {"type": "link", "text": "https://example.org/place"}]}
                    ]
                  }
                ]
              }
            }""";

    static final String CHAT_REPORT =
            """
            {
              "dryRun": false,
              "created": 0,
              "updated": 0,
              "unchanged": 0,
              "skipped": 0,
              "items": 5,
              "interactions": {
                "created": 2,
                "unchanged": 0,
                "skipped": 1,
                "skippedBy": {"systemLine": 1}
              },
              "unmatched": [],
              "errors": [],
              "warnings": [],
              "ignored": ["00000004-PHOTO-2024-03-15-18-02-11.jpg"]
            }""";

    static final String LINKEDIN_ARCHIVE_REPORT =
            """
            {
              "dryRun": false,
              "created": 412,
              "updated": 3,
              "unchanged": 0,
              "skipped": 1,
              "items": 2311,
              "interactions": {
                "created": 640,
                "unchanged": 0,
                "skipped": 97,
                "skippedBy": {"draft": 2, "invitationWithoutMessage": 81, "notAContact": 12, "rejectedEndorsement": 2}
              },
              "unmatched": [{"name": "Bob Example", "interactions": 5}],
              "errors": [{"file": "Connections.csv", "line": 7, "message": "contact not imported: neither First Name nor Last Name is set"}],
              "warnings": [],
              "ignored": ["Positions.csv", "Skills.csv", "Profile.csv"]
            }""";
}
