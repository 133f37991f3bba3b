package dev.threshold.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threshold.platform.api.ETags;
import dev.threshold.platform.api.MergePatch;
import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.api.Params;
import dev.threshold.platform.auth.CurrentOwner;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Interactions",
        description = "The relationship log: likes, comments, shares, messages, calls, meetings, favours")
public class InteractionResource {

    private final InteractionService service;
    private final CurrentOwner owner;
    private final InteractionMetrics metrics;

    public InteractionResource(InteractionService service, CurrentOwner owner, InteractionMetrics metrics) {
        this.service = service;
        this.owner = owner;
        this.metrics = metrics;
    }

    @GET
    @Operation(
            operationId = "listInteractions",
            summary = "The owner's timeline, newest first",
            description =
                    "Every interaction of the owner across contacts; keyset paging: pass the page's nextCursor as cursor to get the next page.")
    @APIResponse(
            responseCode = "200",
            description = "A page of interactions",
            content =
                    @Content(
                            schema = @Schema(implementation = InteractionPage.class),
                            examples = @ExampleObject(name = "page", value = InteractionExamples.INTERACTION_PAGE)))
    public Page<InteractionView> timeline(
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
            @Parameter(description = "Only this contact's interactions") @QueryParam("contactId") String contactId,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
                    @QueryParam("limit")
                    String limit,
            @QueryParam("cursor") String cursor) {
        InteractionQuery query = InteractionQuery.parse(Params.uuid(contactId, "contactId"), from, to, type);
        return service.list(owner.id(), query, PageRequest.parse(limit, cursor, query.ordering()));
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "recordInteractionBatch",
            summary = "Record up to 1,000 interactions at once, all or nothing",
            description =
                    "The body is a bare JSON array; each item names its contactId. One invalid item rejects the whole batch with a 400 naming it.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = InteractionInput.class,
                                            maxItems = 1000),
                            examples = @ExampleObject(name = "batch", value = InteractionExamples.INTERACTION_BATCH)))
    @APIResponse(
            responseCode = "201",
            description = "All recorded",
            content = @Content(schema = @Schema(implementation = InteractionList.class)))
    public Response batch(List<InteractionInput> inputs) {
        List<InteractionView> created = service.createBatch(owner.id(), inputs);
        created.forEach(i -> metrics.recorded(i.type()));
        return Response.status(Response.Status.CREATED)
                .entity(new InteractionList(created))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getInteraction",
            summary = "Get an interaction",
            description = "The ETag header is the interaction's version, for If-Match on PATCH and DELETE.")
    @APIResponse(
            responseCode = "200",
            description = "The interaction; ETag carries its version",
            content =
                    @Content(
                            schema = @Schema(implementation = InteractionView.class),
                            examples = @ExampleObject(name = "meeting", value = InteractionExamples.INTERACTION)))
    public Response get(@PathParam("id") String id) {
        InteractionView view = service.get(owner.id(), Params.pathId(id, "Interaction " + id));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchInteraction",
            summary = "Correct an interaction (JSON Merge Patch)",
            description = "The contact's score is re-derived from its log.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = InteractionInput.class),
                            examples = @ExampleObject(name = "patch", value = InteractionExamples.INTERACTION_PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "The updated interaction",
            content = @Content(schema = @Schema(implementation = InteractionView.class)))
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        InteractionView view = service.patch(owner.id(), Params.pathId(id, "Interaction " + id), patch, ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "deleteInteraction",
            summary = "Delete an interaction",
            description = "The contact's score is re-derived from its log.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(owner.id(), Params.pathId(id, "Interaction " + id), ifMatch);
        return Response.noContent().build();
    }

    @Schema(name = "InteractionPage")
    public record InteractionPage(List<InteractionView> items, @Schema(nullable = true) String nextCursor) {}

    @Schema(name = "InteractionList")
    public record InteractionList(List<InteractionView> items) {}
}
