package dev.threshold.capture;

import dev.threshold.importing.ImportJobs;
import dev.threshold.importing.UploadJobResponses;
import dev.threshold.platform.api.TakesFile;
import dev.threshold.platform.auth.CurrentOwner;
import dev.threshold.platform.problem.ApiProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Captures from calendars, mail, chats (WhatsApp, Telegram) and LinkedIn's whole export: each takes the file itself as the body, a multipart upload of several files, or
 * a zip of them, and answers the report, or 202 with an import job ({@link CaptureKinds}). Thin: parameters in,
 * validated before a byte is read, then one call to {@link ImportJobs#accept}.
 */
@Path("/api/v1/imports")
@TakesFile
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Capture",
        description = "Interactions from the exports you already have: calendars, mail, chats, LinkedIn's archive")
public class CaptureResource {

    static final String CALENDAR = "text/calendar";
    static final String MBOX = "application/mbox";
    static final String RFC822 = "message/rfc822";
    static final String ZIP = "application/zip";

    /** The kinds of the sources in capture.source (which depends on this package, not the other way round). */
    static final String WHATSAPP = "whatsapp";

    static final String TELEGRAM = "telegram";
    static final String LINKEDIN = "linkedin";

    private final ImportJobs jobs;
    private final CurrentOwner owner;

    public CaptureResource(ImportJobs jobs, CurrentOwner owner) {
        this.jobs = jobs;
        this.owner = owner;
    }

    @POST
    @Path("calendar")
    @Consumes({
        CALENDAR,
        MediaType.MULTIPART_FORM_DATA,
        ZIP,
        "application/x-zip-compressed",
        MediaType.TEXT_PLAIN,
        MediaType.APPLICATION_OCTET_STREAM
    })
    @Operation(
            operationId = "importCalendar",
            summary = "Capture meetings from calendar files",
            description = "One .ics file (RFC 5545: a Google Calendar, Outlook or Apple Calendar export), several as"
                    + " multipart/form-data, or a .zip of them (Google Takeout's calendar folder). Each past event"
                    + " instance that is not cancelled, that you did not decline and that has at most maxAttendees"
                    + " participants becomes one MEETING per participant other than you (declined attendees and rooms"
                    + " are not participants): OUTBOUND when you organised it, INBOUND when that participant did,"
                    + " MUTUAL otherwise; VIDEO with a meeting link, IN_PERSON with a location, else OTHER; the note"
                    + " is the summary. Recurring events count each past instance (RRULE, RDATE, EXDATE, RECURRENCE-ID"
                    + " overrides), the latest 500 per series. Floating times are read in your profile's time zone."
                    + " Importing the same file twice changes nothing.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.MULTIPART_FORM_DATA,
                        schema =
                                @Schema(
                                        type = SchemaType.OBJECT,
                                        requiredProperties = "file",
                                        properties =
                                                @SchemaProperty(
                                                        name = "file",
                                                        type = SchemaType.STRING,
                                                        format = "binary",
                                                        description =
                                                                "An .ics file (or a .zip of them); send the part several"
                                                                        + " times for several files"))),
                @Content(
                        mediaType = CALENDAR,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "calendar.ics", value = CaptureExamples.ICS)),
                @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "200",
            description = "What was captured",
            content =
                    @Content(
                            schema = @Schema(implementation = CaptureReport.class),
                            examples = @ExampleObject(name = "report", value = CaptureExamples.CALENDAR_REPORT)))
    @Extension(name = UploadJobResponses.EXTENSION, value = "captured")
    public Response calendar(
            InputStream body,
            @Context HttpHeaders headers,
            @Parameter(in = ParameterIn.HEADER, name = "Prefer", description = ImportJobs.PREFER_DESCRIPTION)
                    @HeaderParam("Prefer")
                    String prefer,
            @Parameter(description = DRY_RUN) @QueryParam("dryRun") String dryRun,
            @Parameter(description = CREATE_CONTACTS) @QueryParam("createContacts") String createContacts,
            @Parameter(description = ME) @QueryParam("me") List<String> me,
            @Parameter(description = "Events with more participants are skipped (1–1000, default 20)")
                    @QueryParam("maxAttendees")
                    String maxAttendees,
            @Parameter(description = TZ) @QueryParam("tz") String tz) {
        CaptureOptions options = new CaptureOptions(
                flag(dryRun, "dryRun"),
                flag(createContacts, "createContacts"),
                me(me),
                count(maxAttendees, "maxAttendees", CaptureOptions.DEFAULT_MAX_ATTENDEES),
                CaptureOptions.DEFAULT_MAX_RECIPIENTS,
                zone(tz));
        return jobs.accept(CalendarSource.KIND, owner.id(), body, headers, options.toParams());
    }

    @POST
    @Path("mail")
    @Consumes({
        MBOX,
        "application/x-mbox",
        RFC822,
        MediaType.MULTIPART_FORM_DATA,
        ZIP,
        "application/x-zip-compressed",
        MediaType.TEXT_PLAIN,
        MediaType.APPLICATION_OCTET_STREAM
    })
    @Operation(
            operationId = "importMail",
            summary = "Capture exchanges from mail",
            description = "An mbox (Google Takeout's, with X-Gmail-Labels), one message/rfc822 message, several .mbox"
                    + " or .eml files as multipart/form-data, or a .zip of them. Headers only: bodies are never read"
                    + " into storage or logs. A message from one of your addresses is OUTBOUND to each To/Cc/Bcc"
                    + " recipient (when there are at most maxRecipients); one from someone else that names you in"
                    + " To/Cc is INBOUND from its sender. Skipped and counted: mailing lists and bulk mail (List-Id,"
                    + " List-Unsubscribe, Precedence bulk/list/junk), automated mail (Auto-Submitted), no-reply and"
                    + " mailer-daemon senders, drafts, spam and trash. Messages with one person less than 30 minutes"
                    + " apart are one exchange: one MESSAGE, MUTUAL when both wrote, with the decoded subject of its"
                    + " first message as note. Your addresses come from your profile and `me`.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.MULTIPART_FORM_DATA,
                        schema =
                                @Schema(
                                        type = SchemaType.OBJECT,
                                        requiredProperties = "file",
                                        properties =
                                                @SchemaProperty(
                                                        name = "file",
                                                        type = SchemaType.STRING,
                                                        format = "binary",
                                                        description =
                                                                "An .mbox or .eml file (or a .zip of them); send the part"
                                                                        + " several times for several files"))),
                @Content(
                        mediaType = MBOX,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "Takeout.mbox", value = CaptureExamples.MBOX)),
                @Content(
                        mediaType = RFC822,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "message.eml", value = CaptureExamples.EML)),
                @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "200",
            description = "What was captured",
            content =
                    @Content(
                            schema = @Schema(implementation = CaptureReport.class),
                            examples = @ExampleObject(name = "report", value = CaptureExamples.MAIL_REPORT)))
    @Extension(name = UploadJobResponses.EXTENSION, value = "captured")
    public Response mail(
            InputStream body,
            @Context HttpHeaders headers,
            @Parameter(in = ParameterIn.HEADER, name = "Prefer", description = ImportJobs.PREFER_DESCRIPTION)
                    @HeaderParam("Prefer")
                    String prefer,
            @Parameter(description = DRY_RUN) @QueryParam("dryRun") String dryRun,
            @Parameter(description = CREATE_CONTACTS) @QueryParam("createContacts") String createContacts,
            @Parameter(description = ME) @QueryParam("me") List<String> me,
            @Parameter(description = "Your messages to more recipients are skipped (1–1000, default 20)")
                    @QueryParam("maxRecipients")
                    String maxRecipients) {
        CaptureOptions options = new CaptureOptions(
                flag(dryRun, "dryRun"),
                flag(createContacts, "createContacts"),
                me(me),
                CaptureOptions.DEFAULT_MAX_ATTENDEES,
                count(maxRecipients, "maxRecipients", CaptureOptions.DEFAULT_MAX_RECIPIENTS),
                null);
        return jobs.accept(MailSource.KIND, owner.id(), body, headers, options.toParams());
    }

    @POST
    @Path("whatsapp")
    @Consumes({
        MediaType.TEXT_PLAIN,
        MediaType.MULTIPART_FORM_DATA,
        ZIP,
        "application/x-zip-compressed",
        MediaType.APPLICATION_OCTET_STREAM
    })
    @Operation(
            operationId = "importWhatsApp",
            summary = "Capture exchanges from a WhatsApp chat",
            description =
                    "A chat as WhatsApp's \"Export chat\" writes it: its text file (_chat.txt on iOS, WhatsApp Chat"
                            + " with <name>.txt on Android), the .zip the app shares (media files are ignored and listed as"
                            + " such), or either as multipart/form-data. Every header layout of the Android and iOS apps is"
                            + " read (day/month order decided per file, 12 or 24 hours, [ ] brackets, narrow no-break spaces,"
                            + " multi-line messages); system lines are skipped. Times are the phone's wall clock, read in `tz`,"
                            + " else your profile's timeZone, else UTC. You are the participant whose name or phone is in your"
                            + " profile or `me` (else, in a 1:1 chat named after the other person, the other one); when it"
                            + " cannot be told, a 400 naming `me`. Each message is a MESSAGE with the other participant (in a"
                            + " group, yours go to each participant who wrote within 30 minutes of it), channel WHATSAPP;"
                            + " messages with one person less than"
                            + " 30 minutes apart are one exchange, MUTUAL when both wrote. Participants match contacts by phone"
                            + " or name. Importing the same chat twice changes nothing.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.MULTIPART_FORM_DATA,
                        schema =
                                @Schema(
                                        type = SchemaType.OBJECT,
                                        requiredProperties = "file",
                                        properties =
                                                @SchemaProperty(
                                                        name = "file",
                                                        type = SchemaType.STRING,
                                                        format = "binary",
                                                        description =
                                                                "The chat's .txt or the .zip WhatsApp shares; send the"
                                                                        + " part several times for several chats"))),
                @Content(
                        mediaType = MediaType.TEXT_PLAIN,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "_chat.txt", value = CaptureExamples.WHATSAPP_TXT)),
                @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "200",
            description = "What was captured",
            content =
                    @Content(
                            schema = @Schema(implementation = CaptureReport.class),
                            examples = @ExampleObject(name = "report", value = CaptureExamples.CHAT_REPORT)))
    @Extension(name = UploadJobResponses.EXTENSION, value = "captured")
    public Response whatsApp(
            InputStream body,
            @Context HttpHeaders headers,
            @Parameter(in = ParameterIn.HEADER, name = "Prefer", description = ImportJobs.PREFER_DESCRIPTION)
                    @HeaderParam("Prefer")
                    String prefer,
            @Parameter(description = DRY_RUN) @QueryParam("dryRun") String dryRun,
            @Parameter(description = CREATE_CONTACTS) @QueryParam("createContacts") String createContacts,
            @Parameter(description = ME) @QueryParam("me") List<String> me,
            @Parameter(description = "IANA time zone of the phone's clock for this call (default: your profile's)")
                    @QueryParam("tz")
                    String tz) {
        return jobs.accept(
                WHATSAPP,
                owner.id(),
                body,
                headers,
                options(dryRun, createContacts, me, zone(tz)).toParams());
    }

    @POST
    @Path("telegram")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            operationId = "importTelegram",
            summary = "Capture exchanges from Telegram",
            description = "The result.json of Telegram Desktop's \"Export Telegram data\" (machine-readable JSON), a"
                    + " whole-account export or one chat's, streamed (it may be several gigabytes). Personal chats only:"
                    + " groups, channels, bots and saved messages are skipped (skippedBy.notAPersonalChat), as are"
                    + " service messages (calls, pins). Each message is a MESSAGE with the chat's other person, OUTBOUND"
                    + " when you sent it (from_id is the export's own user, else your profile's names or `me`), channel"
                    + " TELEGRAM, at date_unixtime; text as a string or as an array of entities. Messages less than 30"
                    + " minutes apart are one exchange, MUTUAL when both wrote. Importing the same file twice changes"
                    + " nothing.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.MULTIPART_FORM_DATA,
                        schema =
                                @Schema(
                                        type = SchemaType.OBJECT,
                                        requiredProperties = "file",
                                        properties =
                                                @SchemaProperty(
                                                        name = "file",
                                                        type = SchemaType.STRING,
                                                        format = "binary",
                                                        description = "result.json"))),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class),
                        examples = @ExampleObject(name = "result.json", value = CaptureExamples.TELEGRAM_JSON))
            })
    @APIResponse(
            responseCode = "200",
            description = "What was captured",
            content =
                    @Content(
                            schema = @Schema(implementation = CaptureReport.class),
                            examples = @ExampleObject(name = "report", value = CaptureExamples.CHAT_REPORT)))
    @Extension(name = UploadJobResponses.EXTENSION, value = "captured")
    public Response telegram(
            InputStream body,
            @Context HttpHeaders headers,
            @Parameter(in = ParameterIn.HEADER, name = "Prefer", description = ImportJobs.PREFER_DESCRIPTION)
                    @HeaderParam("Prefer")
                    String prefer,
            @Parameter(description = DRY_RUN) @QueryParam("dryRun") String dryRun,
            @Parameter(description = CREATE_CONTACTS) @QueryParam("createContacts") String createContacts,
            @Parameter(description = ME) @QueryParam("me") List<String> me,
            @Parameter(description = TZ) @QueryParam("tz") String tz) {
        return jobs.accept(
                TELEGRAM,
                owner.id(),
                body,
                headers,
                options(dryRun, createContacts, me, zone(tz)).toParams());
    }

    /**
     * LinkedIn's whole export as a zip; the same path's CSV and multipart uploads (Connections.csv, messages.csv) are
     * the contact import's (importing.ImportResource), whose operation {@code importLinkedIn} documents all three.
     */
    @POST
    @Path("linkedin")
    @Consumes({ZIP, "application/x-zip-compressed"})
    @Operation(hidden = true)
    public Response linkedInArchive(
            InputStream body,
            @Context HttpHeaders headers,
            @Parameter(in = ParameterIn.HEADER, name = "Prefer", description = ImportJobs.PREFER_DESCRIPTION)
                    @HeaderParam("Prefer")
                    String prefer,
            @QueryParam("dryRun") String dryRun,
            @QueryParam("createContacts") String createContacts,
            @QueryParam("me") List<String> me,
            @QueryParam("tz") String tz) {
        return jobs.accept(
                CaptureKinds.LINKEDIN_ARCHIVE,
                owner.id(),
                body,
                headers,
                options(dryRun, createContacts, me, zone(tz)).toParams());
    }

    private static CaptureOptions options(String dryRun, String createContacts, List<String> me, ZoneId zone) {
        return new CaptureOptions(
                flag(dryRun, "dryRun"),
                flag(createContacts, "createContacts"),
                me(me),
                CaptureOptions.DEFAULT_MAX_ATTENDEES,
                CaptureOptions.DEFAULT_MAX_RECIPIENTS,
                zone);
    }

    private static final String DRY_RUN = "Report what the capture would do without writing anything";
    private static final String CREATE_CONTACTS =
            "Create a contact for each person who matches none (else they are listed in unmatched)";
    private static final String ME =
            "Your identities for this call, in addition to your profile's: an e-mail, a phone, a LinkedIn URL or a"
                    + " name; repeat the parameter for several";
    private static final String TZ = "IANA time zone of floating times for this call (default: your profile's)";

    static boolean flag(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiProblem.invalid(field, "must be true or false");
        };
    }

    static int count(String raw, String field, int otherwise) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.invalid(field, "must be a whole number from 1 to 1000");
    }

    static List<String> me(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > 20) {
            throw ApiProblem.invalid("me", "at most 20 values");
        }
        for (String v : raw) {
            if (v != null && (v.length() > 500 || v.indexOf('\u0000') >= 0)) {
                throw ApiProblem.invalid("me", "each value at most 500 characters");
            }
            if (v != null && (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)) {
                throw ApiProblem.invalid("me", "one identity per value, without line breaks");
            }
        }
        return raw;
    }

    static ZoneId zone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        ZoneId zone = ProfileService.zone(raw.strip());
        if (zone == null) {
            throw ApiProblem.invalid("tz", "must be an IANA time zone such as Europe/London");
        }
        return zone;
    }
}
