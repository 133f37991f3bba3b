package dev.threshold.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What an import did (or, with {@code dryRun}, would do), row by row: every row of the file is counted
 * exactly once in {@code created}, {@code updated}, {@code unchanged} or {@code skipped}; each skipped row
 * has an entry in {@code errors} (the first {@value ImportRun#MAX_ERRORS} are listed).
 */
@Schema(
        name = "ImportReport",
        description = "What an import did (or would do, with dryRun=true), counted per row of the file")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(
        @Schema(description = "True when nothing was written (dryRun=true)") boolean dryRun,
        @Schema(description = "Rows that became new contacts") long created,
        @Schema(description = "Rows that matched a contact and filled some of its empty fields") long updated,
        @Schema(description = "Rows that matched a contact that already had everything they carry") long unchanged,
        @Schema(description = "Rows not imported; each has an entry in errors") long skipped,
        @Schema(
                        description =
                                "Why rows were skipped, by the line of the file where the row starts; at most 1,000 are listed")
                List<LineError> errors,
        @Schema(
                        description =
                                "Rows imported without one of their optional fields (a date in an unknown layout, a malformed"
                                        + " e-mail or phone), by line; at most 1,000 are listed")
                List<LineError> warnings,
        @Schema(description = "Present when a LinkedIn messages.csv was uploaded", nullable = true)
                MessagesReport messages) {

    /** A row that was not imported. {@code file} names the uploaded part when it is not the main file ("messages"). */
    @Schema(name = "ImportLineError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineError(
            @Schema(example = "7") long line,
            @Schema(example = "skipped: neither First Name nor Last Name is set") String message,
            @Schema(nullable = true, example = "messages") String file) {}

    /** The MESSAGE interactions made from a LinkedIn messages.csv, counted per message and contact. */
    @Schema(name = "ImportMessagesReport")
    public record MessagesReport(
            @Schema(description = "New MESSAGE interactions") long created,
            @Schema(description = "Messages already imported earlier") long unchanged,
            @Schema(
                            description =
                                    "Messages not imported: unreadable rows (listed in errors) and messages with people who are not contacts")
                    long skipped) {}
}
