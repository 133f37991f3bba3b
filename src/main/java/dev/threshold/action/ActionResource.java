package dev.threshold.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threshold.platform.api.ETags;
import dev.threshold.platform.api.MergePatch;
import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.Params;
import dev.threshold.platform.auth.CurrentOwner;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import java.util.List;

/** The owner's actions (CRUD); who clears one is the score's {@code ActionContactsResource}. */
@Path("/api/v1/actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Actions", description = "What the owner wants to do with a relationship, and who is ready for it")
public class ActionResource {

    private final ActionService service;
    private final CurrentOwner owner;

    public ActionResource(ActionService service, CurrentOwner owner) {
        this.service = service;
        this.owner = owner;
    }

    @GET
    @Operation(
            operationId = "listActions",
            summary = "The owner's actions, lowest threshold first",
            description =
                    "A new owner starts with five default actions. At most 200 actions, so one page holds them all.")
    @APIResponse(
            responseCode = "200",
            description = "Every action",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPage.class),
                            examples = @ExampleObject(name = "actions", value = ActionExamples.ACTION_PAGE)))
    public Page<ActionView> list() {
        return Page.of(service.list(owner.id()), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createAction",
            summary = "Create an action",
            description =
                    "A named ask and the strength (0-100) a contact needs for it; the response carries the action's ETag.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ActionInput.class),
                            examples = @ExampleObject(name = "action", value = ActionExamples.ACTION_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new action",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionView.class),
                            examples = @ExampleObject(name = "action", value = ActionExamples.ACTION)))
    public Response create(ActionInput input, UriInfo uri) {
        ActionView created = service.create(owner.id(), input);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .tag(ETags.of(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getAction",
            summary = "Get an action",
            description = "The ETag header is the action's version, for If-Match on PUT, PATCH and DELETE.")
    @APIResponse(
            responseCode = "200",
            description = "The action",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionView.class),
                            examples = @ExampleObject(name = "action", value = ActionExamples.ACTION)))
    public Response get(@PathParam("id") String id) {
        ActionView view = service.get(owner.id(), Params.pathId(id, "Action " + id));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceAction",
            summary = "Replace an action",
            description = "If-Match, when sent, must match the current ETag (else 412).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ActionInput.class),
                            examples = @ExampleObject(name = "action", value = ActionExamples.ACTION_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "The updated action",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ActionInput input) {
        ActionView view = service.replace(owner.id(), Params.pathId(id, "Action " + id), input, ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchAction",
            summary = "Change some fields of an action (JSON Merge Patch)",
            description =
                    "A field set to null is cleared; absent fields are kept. If-Match, when sent, must match the current ETag (else 412).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = ActionInput.class),
                            examples = @ExampleObject(name = "patch", value = "{\"threshold\": 55}")))
    @APIResponse(
            responseCode = "200",
            description = "The updated action",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        ActionView view = service.patch(owner.id(), Params.pathId(id, "Action " + id), patch, ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "deleteAction",
            summary = "Delete an action",
            description = "If-Match, when sent, must match the current ETag (else 412).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(owner.id(), Params.pathId(id, "Action " + id), ifMatch);
        return Response.noContent().build();
    }

    @Schema(name = "ActionPage")
    public record ActionPage(List<ActionView> items, @Schema(nullable = true) String nextCursor) {}
}
