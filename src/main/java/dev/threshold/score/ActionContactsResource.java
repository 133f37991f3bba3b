package dev.threshold.score;

import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.api.Params;
import dev.threshold.platform.auth.CurrentOwner;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who clears an action now: a ranking of the owner's contacts above the action's threshold. The action itself
 * (its CRUD) is the action feature's; ranking contacts by their stored score key is this package's.
 */
@Path("/api/v1/actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Actions", description = "What the owner wants to do with a relationship, and who is ready for it")
public class ActionContactsResource {

    private final ScoreService service;
    private final CurrentOwner owner;
    private final ScoreMetrics metrics;

    public ActionContactsResource(ScoreService service, CurrentOwner owner, ScoreMetrics metrics) {
        this.service = service;
        this.owner = owner;
        this.metrics = metrics;
    }

    @GET
    @Path("{id}/contacts")
    @Operation(
            operationId = "listActionContacts",
            summary = "The contacts that clear this action now, strongest first",
            description = "Keyset paging: pass the page's nextCursor as cursor to get the next page.")
    @APIResponse(
            responseCode = "200",
            description = "A page of ranked contacts",
            content =
                    @Content(
                            schema = @Schema(implementation = RankingResource.RankedPage.class),
                            examples = @ExampleObject(name = "ranking", value = ScoreExamples.RANKING)))
    public Page<RankedContact> contacts(
            @PathParam("id") String id,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
                    @QueryParam("limit")
                    String limit,
            @QueryParam("cursor") String cursor) {
        var actionId = Params.pathId(id, "Action " + id);
        Page<RankedContact> page =
                service.actionContacts(owner.id(), actionId, PageRequest.parse(limit, cursor, "action:" + actionId));
        metrics.read(ScoreMetrics.Read.ACTION);
        return page;
    }
}
