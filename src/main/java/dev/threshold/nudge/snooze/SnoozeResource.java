package dev.threshold.nudge.snooze;

import dev.threshold.platform.api.Params;
import dev.threshold.platform.auth.CurrentOwner;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code PUT|DELETE /contacts/{id}/snooze}. */
@Path("/api/v1/contacts/{contactId}/snooze")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Nudges", description = "Snooze and dismiss, the calendar feed")
public class SnoozeResource {

    private final SnoozeService service;
    private final CurrentOwner owner;

    public SnoozeResource(SnoozeService service, CurrentOwner owner) {
        this.service = service;
        this.owner = owner;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "snoozeContact",
            summary = "Hide a contact from the recommendations and the calendar feed until an instant",
            description =
                    "`until` must be in the future (at most 10 years ahead). Replaces an earlier snooze. Logging an interaction does not end it; the contact's `snoozedUntil` shows it.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = SnoozeInput.class),
                            examples = @ExampleObject(name = "snooze", value = SnoozeExamples.SNOOZE_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Snoozed",
            content =
                    @Content(
                            schema = @Schema(implementation = SnoozeView.class),
                            examples = @ExampleObject(name = "snooze", value = SnoozeExamples.SNOOZE)))
    public SnoozeView snooze(@PathParam("contactId") String contactId, SnoozeInput input) {
        return service.snooze(owner.id(), Params.pathId(contactId, "Contact " + contactId), input);
    }

    @DELETE
    @Operation(
            operationId = "unsnoozeContact",
            summary = "End a contact's snooze",
            description =
                    "The contact shows in the recommendations and the feed again. 204 also when it was not snoozed.")
    @APIResponse(responseCode = "204", description = "Not snoozed any more")
    public Response unsnooze(@PathParam("contactId") String contactId) {
        service.unsnooze(owner.id(), Params.pathId(contactId, "Contact " + contactId));
        return Response.noContent().build();
    }
}
