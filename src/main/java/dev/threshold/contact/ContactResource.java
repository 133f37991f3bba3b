package dev.threshold.contact;

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
import jakarta.ws.rs.PUT;
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

import java.util.List;

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "The people the owner knows")
public class ContactResource {

    private final ContactService service;
    private final CurrentOwner owner;
    private final ContactMetrics metrics;

    public ContactResource(ContactService service, CurrentOwner owner, ContactMetrics metrics) {
        this.service = service;
        this.owner = owner;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createContact",
            summary = "Create a contact",
            description = "Returns the contact with its ETag; the Location header names it.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ContactInput.class),
                            examples = @ExampleObject(name = "contact", value = ContactExamples.CONTACT_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new contact",
            content =
                    @Content(
                            schema = @Schema(implementation = ContactView.class),
                            examples = @ExampleObject(name = "contact", value = ContactExamples.CONTACT)))
    public Response create(ContactInput input, UriInfo uri) {
        ContactView created = service.create(owner.id(), input);
        metrics.created();
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .tag(ETags.of(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(
            operationId = "listContacts",
            summary = "List contacts",
            description =
                    "Keyset-paged; filter by text, tag or tier; sort by displayName (A–Z), strength (strongest first) or lastInteractionAt (most recent first).")
    @APIResponse(
            responseCode = "200",
            description = "A page of contacts",
            content =
                    @Content(
                            schema = @Schema(implementation = ContactPage.class),
                            examples = @ExampleObject(name = "page", value = ContactExamples.CONTACT_PAGE)))
    public Page<ContactView> list(
            @Parameter(description = "Case-insensitive substring of names, company or e-mails") @QueryParam("q")
                    String q,
            @Parameter(description = "Only contacts carrying this tag") @QueryParam("tag") String tag,
            @Parameter(
                            description = "Only contacts of this tier now",
                            schema = @Schema(enumeration = {"STRANGER", "ACQUAINTANCE", "FRIEND", "ALLY"}))
                    @QueryParam("tier")
                    String tier,
            @Parameter(
                            schema =
                                    @Schema(
                                            enumeration = {"displayName", "strength", "lastInteractionAt"},
                                            defaultValue = "displayName"))
                    @QueryParam("sort")
                    String sort,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        ContactQuery query = ContactQuery.parse(q, tag, tier, sort);
        return service.list(owner.id(), query, PageRequest.parse(limit, cursor, query.ordering()));
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getContact",
            summary = "Get a contact",
            description = "The ETag header is the contact's version, for If-Match on PUT, PATCH and DELETE.")
    @APIResponse(
            responseCode = "200",
            description = "The contact; ETag carries its version",
            content =
                    @Content(
                            schema = @Schema(implementation = ContactView.class),
                            examples = @ExampleObject(name = "contact", value = ContactExamples.CONTACT)))
    public Response get(@PathParam("id") String id) {
        ContactView view = service.get(owner.id(), Params.pathId(id, "Contact " + id));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceContact",
            summary = "Replace a contact's writable fields",
            description = "Read-only fields in the body are ignored.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ContactInput.class),
                            examples = @ExampleObject(name = "contact", value = ContactExamples.CONTACT_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "The updated contact",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ContactInput input) {
        ContactView view = service.replace(owner.id(), Params.pathId(id, "Contact " + id), input, ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchContact",
            summary = "Change some fields of a contact (JSON Merge Patch, RFC 7396)",
            description = "A field set to null is cleared; absent fields are kept.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = ContactInput.class),
                            examples = @ExampleObject(name = "patch", value = ContactExamples.CONTACT_PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "The updated contact",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        ContactView view = service.patch(owner.id(), Params.pathId(id, "Contact " + id), patch, ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "deleteContact",
            summary = "Delete a contact and its interactions",
            description =
                    "Its interactions and score go with it. If-Match, when sent, must match the current ETag (else 412).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(owner.id(), Params.pathId(id, "Contact " + id), ifMatch);
        return Response.noContent().build();
    }

    /** OpenAPI schema of a page of contacts. */
    @Schema(name = "ContactPage")
    public record ContactPage(List<ContactView> items, @Schema(nullable = true) String nextCursor) {}
}
