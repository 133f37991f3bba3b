package dev.threshold.network;

import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.auth.CurrentOwner;
import dev.threshold.score.TimeParams;
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

@Path("/api/v1/network")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Network", description = "The owner's whole network: the tier pyramid and whom to engage next")
public class NetworkResource {

    private final NetworkService service;
    private final RecommendationService recommendations;
    private final CurrentOwner owner;

    public NetworkResource(NetworkService service, RecommendationService recommendations, CurrentOwner owner) {
        this.service = service;
        this.recommendations = recommendations;
        this.owner = owner;
    }

    @GET
    @Path("summary")
    @Operation(
            operationId = "getNetworkSummary",
            summary = "The tier pyramid, who clears each action, and the size of the log",
            description =
                    "Counts use the stored scores; for an `at` in the past, interactions recorded after `at` are counted as if they had already happened.")
    @APIResponse(
            responseCode = "200",
            description = "The summary",
            content =
                    @Content(
                            schema = @Schema(implementation = NetworkSummary.class),
                            examples = @ExampleObject(name = "summary", value = NetworkExamples.SUMMARY)))
    public NetworkSummary summary(
            @Parameter(description = "Instant (ISO-8601); default now") @QueryParam("at") String at) {
        return service.summary(owner.id(), TimeParams.at(at));
    }

    @GET
    @Path("recommendations")
    @Operation(
            operationId = "listRecommendations",
            summary = "Whom to engage next, and why",
            description =
                    "TIER_DROP_SOON (falls a tier within 14 days), NEXT_TIER_CLOSE (within 5 points of the next tier), CADENCE_DUE (last touch older than the wanted cadence), REKINDLE (peak strength reached FRIEND's floor, now below ACQUAINTANCE's: strongest peak first); each with the interaction that would help. Snoozed contacts and dismissed recommendations are left out (docs/nudges.md).")
    @APIResponse(
            responseCode = "200",
            description = "The recommendations, most urgent first",
            content =
                    @Content(
                            schema = @Schema(implementation = Recommendation.Items.class),
                            examples =
                                    @ExampleObject(name = "recommendations", value = NetworkExamples.RECOMMENDATIONS)))
    public Recommendation.Items recommendations(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
                    @QueryParam("limit")
                    String limit) {
        int size = PageRequest.parse(limit, null, "recommendations").limit();
        return new Recommendation.Items(recommendations.recommendations(owner.id(), size));
    }
}
