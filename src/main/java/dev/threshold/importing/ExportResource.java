package dev.threshold.importing;

import dev.threshold.platform.api.Params;
import dev.threshold.platform.auth.CurrentOwner;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contacts/export")
@Tag(name = "Import and export")
public class ExportResource {

    private final ContactExport export;
    private final CurrentOwner owner;

    public ExportResource(ContactExport export, CurrentOwner owner) {
        this.export = export;
        this.owner = owner;
    }

    @GET
    @Produces({ImportResource.CSV, ImportResource.VCARD})
    @Operation(
            operationId = "exportContacts",
            summary = "Export all contacts as CSV or vCard",
            description =
                    "Streamed. `csv` is a Google Contacts CSV (importable by Google Contacts and by POST /imports/google;"
                            + " cells a spreadsheet would run as formulas start with an apostrophe), `vcard` is vCard 3.0"
                            + " (POST /imports/vcard). Either, imported into an empty account, reproduces the contacts.")
    @APIResponse(
            responseCode = "200",
            description = "Every contact of the owner",
            content = {
                @Content(
                        mediaType = ImportResource.CSV,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "csv", value = ImportExamples.EXPORT_CSV)),
                @Content(
                        mediaType = ImportResource.VCARD,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "vcard", value = ImportExamples.VCARD))
            })
    public Response export(
            @Parameter(
                            schema =
                                    @Schema(
                                            enumeration = {"csv", "vcard"},
                                            defaultValue = "csv"))
                    @QueryParam("format")
                    String format) {
        ContactExport.Format f = format == null || format.isBlank()
                ? ContactExport.Format.CSV
                : Params.enumValue(format, ContactExport.Format.class, "format");
        boolean csv = f == ContactExport.Format.CSV;
        return Response.ok(export.stream(owner.id(), f))
                .type((csv ? ImportResource.CSV : ImportResource.VCARD) + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"contacts." + (csv ? "csv" : "vcf") + "\"")
                .build();
    }
}
