package dev.threshold.importing;

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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports of contact files. Each takes the file itself as the body ({@code text/csv}, {@code text/vcard})
 * or a {@code multipart/form-data} upload (the multipart variants are the same operations in the OpenAPI
 * document, which lists both content types).
 */
@Path("/api/v1/imports")
@TakesFile
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Import and export",
        description = "Contacts in from LinkedIn, vCard and Google Contacts files; all contacts out as vCard or CSV")
public class ImportResource {

    static final String CSV = "text/csv";
    static final String VCARD = "text/vcard";
    private static final String DRY_RUN = "Report what the import would do without writing anything";

    private final ImportService service;
    private final ImportJobs jobs;
    private final CurrentOwner owner;

    public ImportResource(ImportService service, ImportJobs jobs, CurrentOwner owner) {
        this.service = service;
        this.jobs = jobs;
        this.owner = owner;
    }

    @POST
    @Path("linkedin")
    @Consumes({CSV, "application/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            operationId = "importLinkedIn",
            summary = "Import LinkedIn connections (and messages)",
            description =
                    "The Connections.csv of a LinkedIn data export, as downloaded (byte order mark, Notes: preamble,"
                            + " old exports without URL/Position/Connected On). As multipart/form-data: the part `connections`"
                            + " (else the first other CSV part) and optionally `messages`, the export's messages.csv, whose"
                            + " messages become MESSAGE interactions (OUTBOUND when you sent them, INBOUND otherwise). You are"
                            + " the participant who appears in the most messages, unless `me` says otherwise. Matches existing"
                            + " contacts by LinkedIn profile, then e-mail, then phone; fills only empty fields; importing the"
                            + " same file twice changes nothing. As application/zip: the whole export as LinkedIn delivers it"
                            + " (the basic or the complete archive): Connections.csv is imported as above first, then"
                            + " messages.csv (exchanges), Invitations.csv (an invitation with a message is a MESSAGE),"
                            + " endorsements and recommendations given and received (FAVOR) are captured as for"
                            + " importCalendar and importMail (dryRun, createContacts, me); files it does not use are"
                            + " listed as ignored. The answer is then the capture's report (CaptureReport: this report's"
                            + " counts for the contacts plus items, interactions, unmatched and ignored).")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.MULTIPART_FORM_DATA,
                        schema =
                                @Schema(
                                        type = SchemaType.OBJECT,
                                        requiredProperties = "connections",
                                        properties = {
                                            @SchemaProperty(
                                                    name = "connections",
                                                    type = SchemaType.STRING,
                                                    format = "binary",
                                                    description = "Connections.csv of the LinkedIn export"),
                                            @SchemaProperty(
                                                    name = "messages",
                                                    type = SchemaType.STRING,
                                                    format = "binary",
                                                    description = "messages.csv of the LinkedIn export (optional)")
                                        })),
                @Content(
                        mediaType = CSV,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "Connections.csv", value = ImportExamples.LINKEDIN_CSV)),
                @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "200",
            description = "What was imported, row by row",
            content =
                    @Content(
                            schema = @Schema(implementation = ImportReport.class),
                            examples = @ExampleObject(name = "report", value = ImportExamples.LINKEDIN_REPORT)))
    @Extension(name = UploadJobResponses.EXTENSION, value = "imported")
    public Response linkedIn(
            InputStream body,
            @Parameter(description = DRY_RUN) @QueryParam("dryRun") String dryRun,
            @Parameter(
                            description =
                                    "Your name or LinkedIn profile URL as messages.csv shows it (only with a messages part)")
                    @QueryParam("me")
                    String me,
            @Parameter(in = ParameterIn.HEADER, name = "Prefer", description = ImportJobs.PREFER_DESCRIPTION)
                    @HeaderParam("Prefer")
                    String prefer,
            @Context HttpHeaders headers) {
        return jobs.accept(LinkedInConnections.KIND, owner.id(), body, headers, options(dryRun, me));
    }

    @POST
    @Path("linkedin")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response linkedInMultipart(
            @RestForm(FileUpload.ALL) List<FileUpload> parts,
            @QueryParam("dryRun") String dryRun,
            @QueryParam("me") String me,
            @Context HttpHeaders headers) {
        FileUpload messages = named(parts, "messages");
        if (messages == null) {
            messages = parts.stream()
                    .filter(p -> "messages.csv".equalsIgnoreCase(p.fileName()))
                    .findFirst()
                    .orElse(null);
        }
        FileUpload connections = named(parts, "connections");
        if (connections == null) {
            FileUpload skip = messages;
            connections = parts.stream()
                    .filter(p -> p != skip)
                    .filter(ImportResource::isCsv)
                    .findFirst()
                    .orElse(parts.stream().filter(p -> p != skip).findFirst().orElse(null));
        }
        if (connections == null) {
            throw ApiProblem.invalid(
                    "connections", "is required: the Connections.csv of the LinkedIn export as a file part");
        }
        String ownerId = owner.id();
        boolean dry = flag(dryRun);
        List<java.nio.file.Path> files = messages == null
                ? List.of(connections.uploadedFile())
                : List.of(connections.uploadedFile(), messages.uploadedFile());
        return jobs.acceptFiles(
                ownerId,
                LinkedInConnections.KIND,
                files,
                ImportJobs.prefersAsync(headers),
                dry,
                spooled -> service.importFile(
                        ownerId,
                        LinkedInConnections.KIND,
                        () -> spooled.open(0),
                        files.size() > 1 ? () -> spooled.open(1) : null,
                        me,
                        dry));
    }

    @POST
    @Path("vcard")
    @Consumes({VCARD, "text/x-vcard", "text/directory", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            operationId = "importVCard",
            summary = "Import vCards",
            description =
                    "One or many vCards (2.1, 3.0, 4.0) in one file, as phones, Outlook, Apple and Google write them;"
                            + " as multipart/form-data, the first file part. Same matching and merge rules as every import.")
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
                                                        description = "The file (the first file part is read)"))),
                @Content(
                        mediaType = VCARD,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "contacts.vcf", value = ImportExamples.VCARD))
            })
    @APIResponse(
            responseCode = "200",
            description = "What was imported, card by card (line = where the card begins)",
            content =
                    @Content(
                            schema = @Schema(implementation = ImportReport.class),
                            examples = @ExampleObject(name = "report", value = ImportExamples.REPORT)))
    @Extension(name = UploadJobResponses.EXTENSION, value = "imported")
    public Response vcard(
            InputStream body,
            @Parameter(description = DRY_RUN) @QueryParam("dryRun") String dryRun,
            @Parameter(in = ParameterIn.HEADER, name = "Prefer", description = ImportJobs.PREFER_DESCRIPTION)
                    @HeaderParam("Prefer")
                    String prefer,
            @Context HttpHeaders headers) {
        return jobs.accept(VCards.KIND, owner.id(), body, headers, options(dryRun, null));
    }

    @POST
    @Path("vcard")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response vcardMultipart(
            @RestForm(FileUpload.ALL) List<FileUpload> parts,
            @QueryParam("dryRun") String dryRun,
            @Context HttpHeaders headers) {
        return firstPart(VCards.KIND, parts, dryRun, headers);
    }

    @POST
    @Path("google")
    @Consumes({CSV, "application/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            operationId = "importGoogle",
            summary = "Import a Google Contacts CSV",
            description = "A Google Contacts export (either of Google's CSV layouts, and Threshold's own CSV export):"
                    + " ` ::: ` separates several values in one cell, a type starting with `* ` marks the primary one."
                    + " As multipart/form-data, the first file part. Same matching and merge rules as every import.")
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
                                                        description = "The file (the first file part is read)"))),
                @Content(
                        mediaType = CSV,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "contacts.csv", value = ImportExamples.GOOGLE_CSV))
            })
    @APIResponse(
            responseCode = "200",
            description = "What was imported, row by row",
            content =
                    @Content(
                            schema = @Schema(implementation = ImportReport.class),
                            examples = @ExampleObject(name = "report", value = ImportExamples.REPORT)))
    @Extension(name = UploadJobResponses.EXTENSION, value = "imported")
    public Response google(
            InputStream body,
            @Parameter(description = DRY_RUN) @QueryParam("dryRun") String dryRun,
            @Parameter(in = ParameterIn.HEADER, name = "Prefer", description = ImportJobs.PREFER_DESCRIPTION)
                    @HeaderParam("Prefer")
                    String prefer,
            @Context HttpHeaders headers) {
        return jobs.accept(GoogleContacts.KIND, owner.id(), body, headers, options(dryRun, null));
    }

    @POST
    @Path("google")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response googleMultipart(
            @RestForm(FileUpload.ALL) List<FileUpload> parts,
            @QueryParam("dryRun") String dryRun,
            @Context HttpHeaders headers) {
        return firstPart(GoogleContacts.KIND, parts, dryRun, headers);
    }

    /** A single-file import uploaded as multipart: its first part, now or as a job. */
    private Response firstPart(String kind, List<FileUpload> parts, String dryRun, HttpHeaders headers) {
        FileUpload file = first(parts);
        String ownerId = owner.id();
        boolean dry = flag(dryRun);
        return jobs.acceptFiles(
                ownerId,
                kind,
                List.of(file.uploadedFile()),
                ImportJobs.prefersAsync(headers),
                dry,
                files -> service.importFile(ownerId, kind, () -> files.open(0), null, null, dry));
    }

    /** The query parameters an import kind reads, as {@link ImportKind} options. */
    private static Map<String, String> options(String dryRun, String me) {
        Map<String, String> options = new HashMap<>();
        if (dryRun != null) {
            options.put("dryRun", dryRun);
        }
        if (me != null) {
            options.put("me", me);
        }
        return options;
    }

    private static FileUpload first(List<FileUpload> parts) {
        if (parts == null || parts.isEmpty()) {
            throw ApiProblem.invalid("file", "is required: upload the file as a multipart file part");
        }
        return parts.get(0);
    }

    private static FileUpload named(List<FileUpload> parts, String name) {
        return parts == null
                ? null
                : parts.stream().filter(p -> name.equals(p.name())).findFirst().orElse(null);
    }

    private static boolean isCsv(FileUpload p) {
        String type = p.contentType() == null ? "" : p.contentType().toLowerCase(Locale.ROOT);
        String name = p.fileName() == null ? "" : p.fileName().toLowerCase(Locale.ROOT);
        return type.startsWith("text/csv") || type.startsWith("application/csv") || name.endsWith(".csv");
    }

    static boolean flag(String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiProblem.invalid("dryRun", "must be true or false");
        };
    }
}
