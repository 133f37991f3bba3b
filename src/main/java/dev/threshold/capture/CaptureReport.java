package dev.threshold.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * What a capture did (or, with {@code dryRun}, would do): the contact import's report (here: the contacts that
 * {@code createContacts=true} made or filled), how many items the file held, the interactions created, already there
 * or skipped (with a count per reason), the items that could not be read, and the people who are not contacts.
 */
@Schema(name = "CaptureReport", description = "What a capture did (or would do, with dryRun=true)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaptureReport(
        @Schema(description = "True when nothing was written (dryRun=true)") boolean dryRun,
        @Schema(description = "Contacts created for unmatched people (createContacts=true)") long created,
        @Schema(description = "Contacts that matched by one key and got another one filled") long updated,
        @Schema(description = "Contacts that already had everything") long unchanged,
        @Schema(description = "People who could not become contacts (see errors)") long skipped,
        @Schema(description = "Items the file held (events, messages, lines), each counted once") long items,
        @Schema(description = "The interactions of the capture") Interactions interactions,
        @Schema(description = "People the file names who are not contacts, most interactions first; at most 100")
                List<Unmatched> unmatched,
        @Schema(description = "Items that could not be read; at most 1,000 are listed") List<ItemError> errors,
        @Schema(description = "Things worth knowing about items that were captured; at most 1,000")
                List<ItemError> warnings,
        @Schema(description = "Parts of a multipart upload or entries of a zip that are not files of this kind")
                List<String> ignored) {

    /** The interactions: new, already recorded by an earlier import of the same items, or skipped (by reason). */
    @Schema(name = "CaptureInteractions")
    public record Interactions(
            @Schema(description = "New interactions") long created,
            @Schema(description = "Interactions already recorded from the same items (a re-import)") long unchanged,
            @Schema(description = "Items or interactions left out, each counted once under one reason in skippedBy")
                    long skipped,
            @Schema(
                            description =
                                    "Why items were left out: a count per reason (mailingList, bulk, automated, noReply,"
                                            + " draft, spam, trash, tooManyRecipients, notAddressedToYou, cancelled,"
                                            + " declinedByYou, tooManyAttendees, withoutYou, seriesCap, future,"
                                            + " unreadable, notAContact, …)",
                            example = "{\"mailingList\": 12, \"notAContact\": 4}")
                    Map<String, Long> skippedBy) {}

    /** Someone the file names who is not one of the owner's contacts. */
    @Schema(name = "CaptureUnmatched")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unmatched(
            @Schema(nullable = true, example = "Bob Example") String name,
            @Schema(nullable = true, example = "bob@example.com") String email,
            @Schema(nullable = true) String phone,
            @Schema(description = "Interactions they would have", example = "7") long interactions) {}

    /** An item that could not be read (or, in warnings, one worth a remark). */
    @Schema(name = "CaptureItemError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemError(
            @Schema(nullable = true, description = "The part or zip entry, when the upload had several files")
                    String file,
            @Schema(description = "Line of the file where the item starts (0 when unknown)", example = "1042")
                    long line,
            @Schema(
                            nullable = true,
                            description = "The item's own id (UID, Message-ID)",
                            example = "<abc@mail.example>")
                    String item,
            @Schema(example = "Date: missing or unreadable") String message) {}
}
