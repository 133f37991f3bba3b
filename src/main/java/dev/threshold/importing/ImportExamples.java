package dev.threshold.importing;

/** OpenAPI examples of the import and export operations. */
public final class ImportExamples {

    private ImportExamples() {}

    static final String REPORT =
            """
            {
              "dryRun": false,
              "created": 412,
              "updated": 9,
              "unchanged": 3,
              "skipped": 2,
              "errors": [
                {"line": 57, "message": "skipped: neither First Name nor Last Name is set"},
                {"line": 311, "message": "displayName: size must be between 0 and 200"}
              ],
              "warnings": [
                {"line": 88, "message": "emails: 'ada(at)example.org' must be a well-formed email address; imported without it"}
              ]
            }""";

    static final String LINKEDIN_REPORT =
            """
            {
              "dryRun": false,
              "created": 412,
              "updated": 0,
              "unchanged": 0,
              "skipped": 1,
              "errors": [
                {"line": 57, "message": "skipped: neither First Name nor Last Name is set"},
                {"line": 12, "message": "DATE: '15/03/2024' is not a date such as 2024-03-15 10:22:31 UTC", "file": "messages"}
              ],
              "warnings": [
                {"line": 31, "message": "Connected On: 'sometime in 2019' is not a date such as 15 Mar 2024; imported without it"}
              ],
              "messages": {"created": 1830, "unchanged": 0, "skipped": 214}
            }""";

    static final String LINKEDIN_CSV =
            """
            Notes:
            "When exporting your connection data, you may notice that some of the email addresses are missing."

            First Name,Last Name,URL,Email Address,Company,Position,Connected On
            Ada,Lovelace,https://www.linkedin.com/in/ada-example,,"Analytical Engines, Ltd",Programmer,15 Mar 2024
            """;

    static final String VCARD =
            """
            BEGIN:VCARD
            VERSION:3.0
            FN:Ada Lovelace
            N:Lovelace;Ada;;;
            EMAIL;TYPE=INTERNET:ada@example.org
            TEL;TYPE=CELL:+44 20 7946 0000
            ORG:Analytical Engines Ltd
            TITLE:Programmer
            END:VCARD
            """;

    static final String GOOGLE_CSV =
            """
            Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name
            Ada Lovelace,Ada,Lovelace,* myContacts ::: Mentors,* Work,ada@example.org ::: ada@home.example,Mobile,+44 20 7946 0000,Analytical Engines Ltd
            """;

    static final String EXPORT_CSV =
            """
            Name,Given Name,Family Name,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title,Address 1 - Type,Address 1 - Formatted,Event 1 - Type,Event 1 - Value,Custom Field 1 - Type,Custom Field 1 - Value,Website 1 - Type,Website 1 - Value
            Ada Lovelace,Ada,Lovelace,Met at the engine demo.,mentor ::: conference,,ada@example.org,,'+44 20 7946 0000,Analytical Engines Ltd,Programmer,,London,Connected,2024-03-15,Cadence days,21,linkedin,https://www.linkedin.com/in/ada-example
            """;

    public static final String JOB_QUEUED =
            """
            {
              "id": "0193a1f2-7c4e-7b1a-9f3d-2e8c5b6a4d10",
              "kind": "vcard",
              "status": "QUEUED",
              "bytesRead": 0,
              "bytesTotal": 734003200,
              "report": null,
              "error": null,
              "dryRun": false,
              "createdAt": "2026-11-30T06:40:12.118Z",
              "startedAt": null,
              "finishedAt": null
            }""";

    static final String JOB_RUNNING =
            """
            {
              "id": "0193a1f2-7c4e-7b1a-9f3d-2e8c5b6a4d10",
              "kind": "vcard",
              "status": "RUNNING",
              "bytesRead": 268435456,
              "bytesTotal": 734003200,
              "report": null,
              "error": null,
              "dryRun": false,
              "createdAt": "2026-11-30T06:40:12.118Z",
              "startedAt": "2026-11-30T06:40:12.301Z",
              "finishedAt": null
            }""";

    static final String JOB_SUCCEEDED =
            """
            {
              "id": "0193a1f2-7c4e-7b1a-9f3d-2e8c5b6a4d10",
              "kind": "vcard",
              "status": "SUCCEEDED",
              "bytesRead": 734003200,
              "bytesTotal": 734003200,
              "report": {"dryRun": false, "created": 412, "updated": 9, "unchanged": 3, "skipped": 2,
                         "errors": [{"line": 57, "message": "skipped: no FN, N, ORG or EMAIL"}]},
              "error": null,
              "dryRun": false,
              "createdAt": "2026-11-30T06:40:12.118Z",
              "startedAt": "2026-11-30T06:40:12.301Z",
              "finishedAt": "2026-11-30T06:43:55.870Z"
            }""";

    static final String JOB_FAILED =
            """
            {
              "id": "0193a1f2-7c4e-7b1a-9f3d-2e8c5b6a4d10",
              "kind": "google",
              "status": "FAILED",
              "bytesRead": 65536,
              "bytesTotal": 52428800,
              "report": null,
              "error": "Line 3 is not UTF-8 (bytes such as Latin-1 or Windows-1252); save the file as UTF-8.",
              "dryRun": false,
              "createdAt": "2026-11-30T06:40:12.118Z",
              "startedAt": "2026-11-30T06:40:12.301Z",
              "finishedAt": "2026-11-30T06:40:12.950Z"
            }""";

    static final String JOB_LIST =
            """
            {
              "items": [
                {
                  "id": "0193a1f2-7c4e-7b1a-9f3d-2e8c5b6a4d10",
                  "kind": "vcard",
                  "status": "RUNNING",
                  "bytesRead": 268435456,
                  "bytesTotal": 734003200,
                  "report": null,
                  "error": null,
                  "dryRun": false,
                  "createdAt": "2026-11-30T06:40:12.118Z",
                  "startedAt": "2026-11-30T06:40:12.301Z",
                  "finishedAt": null
                }
              ],
              "nextCursor": null
            }""";

    public static final String NO_ROOM =
            """
            {
              "type": "https://threshold.dev/problems/insufficient-storage",
              "title": "Insufficient storage",
              "status": 507,
              "detail": "The service has no room to keep this upload while it is imported (4294967296 bytes;             1073741824 free); nothing was imported. Try again later or split the file.",
              "instance": "/api/v1/imports/mail"
            }""";
}
