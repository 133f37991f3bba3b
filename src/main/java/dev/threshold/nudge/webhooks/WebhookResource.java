package dev.threshold.nudge.webhooks;

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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The owner's webhook endpoints (docs/nudges.md): CRUD, a test ping, the delivery log. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Webhooks",
        description = "Signed HTTP callbacks when a contact changes tier or crosses an action's threshold")
public class WebhookResource {

    private final WebhookService service;
    private final CurrentOwner owner;

    public WebhookResource(WebhookService service, CurrentOwner owner) {
        this.service = service;
        this.owner = owner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createWebhook",
            summary = "Subscribe an endpoint to events",
            description = "The response carries the signing secret (whsec_…) this once: store it to verify the"
                    + " webhook-signature header of every delivery (Standard Webhooks). The URL must be https and"
                    + " must not resolve to a loopback, private or link-local address.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = WebhookInput.class),
                            examples = @ExampleObject(name = "webhook", value = WebhookExamples.INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new endpoint; secret is shown only here",
            content =
                    @Content(
                            schema = @Schema(implementation = WebhookCreated.class),
                            examples = @ExampleObject(name = "created", value = WebhookExamples.CREATED)))
    public Response create(WebhookInput input, UriInfo uri) {
        WebhookCreated created = service.create(owner.id(), input);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .tag(ETags.of(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(
            operationId = "listWebhooks",
            summary = "The owner's webhook endpoints",
            description = "At most 50 endpoints, so one page holds them all. Secrets are never shown again.")
    @APIResponse(
            responseCode = "200",
            description = "Every endpoint",
            content =
                    @Content(
                            schema = @Schema(implementation = WebhookPage.class),
                            examples = @ExampleObject(name = "webhooks", value = WebhookExamples.PAGE)))
    public Page<WebhookView> list() {
        return Page.of(service.list(owner.id()), null);
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getWebhook",
            summary = "Get a webhook endpoint",
            description = "Its URL, events and state, with an ETag for If-Match; never its secret, which only the"
                    + " create answer shows.")
    @APIResponse(
            responseCode = "200",
            description = "The endpoint",
            content =
                    @Content(
                            schema = @Schema(implementation = WebhookView.class),
                            examples = @ExampleObject(name = "webhook", value = WebhookExamples.WEBHOOK)))
    public Response get(@PathParam("id") String id) {
        WebhookView view = service.get(owner.id(), Params.pathId(id, "Webhook " + id));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchWebhook",
            summary = "Change an endpoint (JSON Merge Patch)",
            description = "url, events, description, enabled (true re-enables an endpoint disabled after a 410)."
                    + " If-Match, when sent, must match the current ETag (else 412).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = WebhookInput.class),
                            examples = @ExampleObject(name = "patch", value = WebhookExamples.PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "The updated endpoint",
            content =
                    @Content(
                            schema = @Schema(implementation = WebhookView.class),
                            examples = @ExampleObject(name = "webhook", value = WebhookExamples.WEBHOOK)))
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        WebhookView view = service.patch(owner.id(), Params.pathId(id, "Webhook " + id), patch, ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete an endpoint and its delivery log",
            description =
                    "Pending deliveries are dropped. If-Match, when sent, must match the current ETag (else 412).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(owner.id(), Params.pathId(id, "Webhook " + id), ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    @Operation(
            operationId = "testWebhook",
            summary = "Send a test ping",
            description = "Queues a signed webhook.ping event to this endpoint only; it is delivered within seconds."
                    + " Follow it in the delivery log.")
    @APIResponse(
            responseCode = "202",
            description = "The ping's delivery, queued",
            content =
                    @Content(
                            schema = @Schema(implementation = DeliveryView.class),
                            examples = @ExampleObject(name = "ping", value = WebhookExamples.PING)))
    public Response test(@PathParam("id") String id) {
        return Response.accepted(service.ping(owner.id(), Params.pathId(id, "Webhook " + id)))
                .build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The endpoint's deliveries, newest first",
            description = "One item per event sent to this endpoint: status, attempts, the latest response code and"
                    + " error, and when the next attempt is due.")
    @APIResponse(
            responseCode = "200",
            description = "A page of deliveries",
            content =
                    @Content(
                            schema = @Schema(implementation = DeliveryPage.class),
                            examples = @ExampleObject(name = "deliveries", value = WebhookExamples.DELIVERY_PAGE)))
    public Page<DeliveryView> deliveries(
            @PathParam("id") String id,
            @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return service.deliveries(
                owner.id(), Params.pathId(id, "Webhook " + id), PageRequest.parse(limit, cursor, "deliveries"));
    }

    @Schema(name = "WebhookPage")
    public record WebhookPage(List<WebhookView> items, @Schema(nullable = true) String nextCursor) {}

    @Schema(name = "WebhookDeliveryPage")
    public record DeliveryPage(List<DeliveryView> items, @Schema(nullable = true) String nextCursor) {}
}
