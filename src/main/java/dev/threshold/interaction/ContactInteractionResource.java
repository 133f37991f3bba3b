package dev.threshold.interaction;

import dev.threshold.platform.api.ETags;
import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.api.Params;
import dev.threshold.platform.auth.CurrentOwner;
import dev.threshold.platform.problem.ApiProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/contacts/{contactId}/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions")
public class ContactInteractionResource {

    private final InteractionService service;
    private final CurrentOwner owner;
    private final InteractionMetrics metrics;

    public ContactInteractionResource(InteractionService service, CurrentOwner owner, InteractionMetrics metrics) {
        this.service = service;
        this.owner = owner;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "recordInteraction",
            summary = "Record an interaction with a contact",
            description = "Updates the contact's score at once.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = InteractionInput.class),
                            examples = @ExampleObject(name = "meeting", value = InteractionExamples.INTERACTION_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location names the new interaction",
            content =
                    @Content(
                            schema = @Schema(implementation = InteractionView.class),
                            examples = @ExampleObject(name = "meeting", value = InteractionExamples.INTERACTION)))
    public Response create(@PathParam("contactId") String contactId, InteractionInput input, UriInfo uri) {
        UUID id = Params.pathId(contactId, "Contact " + contactId);
        if (input == null) {
            throw ApiProblem.invalid("body", "is required");
        }
        InteractionView created = service.create(owner.id(), id, input);
        metrics.recorded(created.type());
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/interactions")
                        .path(created.id().toString())
                        .build())
                .tag(ETags.of(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(
            operationId = "listContactInteractions",
            summary = "List a contact's interactions, newest first",
            description = "Keyset paging: pass the page's nextCursor as cursor to get the next page.")
    @APIResponse(
            responseCode = "200",
            description = "A page of interactions",
            content = @Content(schema = @Schema(implementation = InteractionResource.InteractionPage.class)))
    public Page<InteractionView> list(
            @PathParam("contactId") String contactId,
            @Parameter(description = "Earliest occurredAt, inclusive (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "Latest occurredAt, exclusive (ISO-8601)") @QueryParam("to") String to,
            @Parameter(
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "VIEW", "LIKE", "COMMENT", "SHARE", "MESSAGE", "CALL", "MEETING",
                                                "FAVOR"
                                            }))
                    @QueryParam("type")
                    String type,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
                    @QueryParam("limit")
                    String limit,
            @QueryParam("cursor") String cursor) {
        UUID id = Params.pathId(contactId, "Contact " + contactId);
        InteractionQuery query = InteractionQuery.parse(id, from, to, type);
        return service.listForContact(owner.id(), id, query, PageRequest.parse(limit, cursor, query.ordering()));
    }
}
