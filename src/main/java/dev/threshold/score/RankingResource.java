package dev.threshold.score;

import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.api.Params;
import dev.threshold.platform.auth.CurrentOwner;
import dev.threshold.score.math.Tier;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import java.util.List;

@Path("/api/v1/scores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores")
public class RankingResource {

    private final ScoreService service;
    private final CurrentOwner owner;
    private final ScoreMetrics metrics;

    public RankingResource(ScoreService service, CurrentOwner owner, ScoreMetrics metrics) {
        this.service = service;
        this.owner = owner;
        this.metrics = metrics;
    }

    @GET
    @Operation(
            operationId = "listScores",
            summary = "Contacts ranked by strength, strongest first",
            description = "Keyset paging: pass the page's nextCursor as cursor to get the next page.")
    @APIResponse(
            responseCode = "200",
            description = "A page of ranked contacts",
            content =
                    @Content(
                            schema = @Schema(implementation = RankedPage.class),
                            examples = @ExampleObject(name = "ranking", value = ScoreExamples.RANKING)))
    public Page<RankedContact> rank(
            @Parameter(schema = @Schema(enumeration = {"STRANGER", "ACQUAINTANCE", "FRIEND", "ALLY"}))
                    @QueryParam("tier")
                    String tier,
            @Parameter(description = "Only contacts at least this strong (0–100)") @QueryParam("minStrength")
                    String minStrength,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
                    @QueryParam("limit")
                    String limit,
            @QueryParam("cursor") String cursor) {
        Tier t = Params.enumValue(tier, Tier.class, "tier");
        Double min = Params.number(minStrength, "minStrength", 0, 100);
        String ordering = "scores:" + t + ":" + min;
        Page<RankedContact> page = service.rank(owner.id(), t, min, PageRequest.parse(limit, cursor, ordering));
        metrics.read(ScoreMetrics.Read.RANKING);
        return page;
    }

    @Schema(name = "RankedPage")
    public record RankedPage(List<RankedContact> items, @Schema(nullable = true) String nextCursor) {}
}
