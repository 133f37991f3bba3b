package dev.threshold.nudge.snooze;

import dev.threshold.network.Recommendation;
import dev.threshold.platform.api.Params;
import dev.threshold.platform.auth.CurrentOwner;
import dev.threshold.platform.problem.ApiProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /network/recommendations/dismissals}, {@code DELETE …/dismissals/{contactId}/{reason}}. */
@Path("/api/v1/network/recommendations/dismissals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Nudges", description = "Snooze and dismiss, the calendar feed")
public class DismissalResource {

    private final SnoozeService service;
    private final CurrentOwner owner;

    public DismissalResource(SnoozeService service, CurrentOwner owner) {
        this.service = service;
        this.owner = owner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "dismissRecommendation",
            summary = "Dismiss one recommendation (contact and reason) until the contact's situation changes",
            description =
                    "The recommendation (and its calendar feed event) stays away while the contact's score, number of interactions and tier stay as they are now: logging, editing or deleting an interaction with the contact, or a drop of tier, ends the dismissal. Dismissing again refreshes it. The contact need not be recommended now.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = DismissalInput.class),
                            examples = @ExampleObject(name = "dismissal", value = SnoozeExamples.DISMISSAL_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Dismissed; Location is the dismissal, to undo it with DELETE",
            content =
                    @Content(
                            schema = @Schema(implementation = DismissalView.class),
                            examples = @ExampleObject(name = "dismissal", value = SnoozeExamples.DISMISSAL)))
    public Response dismiss(DismissalInput input, @Context UriInfo uri) {
        DismissalView view = service.dismiss(owner.id(), input);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(view.contactId().toString())
                        .path(view.reason().name())
                        .build())
                .entity(view)
                .build();
    }

    @DELETE
    @Path("{contactId}/{reason}")
    @Operation(
            operationId = "undismissRecommendation",
            summary = "Undo a dismissal",
            description = "The recommendation shows again if it still applies.")
    @APIResponse(responseCode = "204", description = "Undone")
    public Response undismiss(@PathParam("contactId") String contactId, @PathParam("reason") String reason) {
        Recommendation.Reason why;
        try {
            why = Recommendation.Reason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("Dismissal of " + contactId + " for " + reason);
        }
        service.undismiss(owner.id(), Params.pathId(contactId, "Dismissal of " + contactId), why);
        return Response.noContent().build();
    }
}
