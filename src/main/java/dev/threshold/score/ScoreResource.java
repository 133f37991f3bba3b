package dev.threshold.score;

import dev.threshold.platform.api.Params;
import dev.threshold.platform.auth.CurrentOwner;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.score.math.ScoreHistory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/contacts/{contactId}/score")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores", description = "The threshold score: strength, tier, and why")
public class ScoreResource {

    private final ScoreService service;
    private final CurrentOwner owner;
    private final ScoreMetrics metrics;

    public ScoreResource(ScoreService service, CurrentOwner owner, ScoreMetrics metrics) {
        this.service = service;
        this.owner = owner;
        this.metrics = metrics;
    }

    @GET
    @Operation(
            operationId = "getScore",
            summary = "A contact's score, explained",
            description =
                    "Strength, tier, reciprocity, points in and out, the breakdown per interaction type, the next tier, when the tier drops, and the actions it clears.")
    @APIResponse(
            responseCode = "200",
            description = "The score",
            content =
                    @Content(
                            schema = @Schema(implementation = ScoreView.class),
                            examples = @ExampleObject(name = "score", value = ScoreExamples.SCORE)))
    public ScoreView score(
            @PathParam("contactId") String contactId,
            @Parameter(description = "Instant to score at (ISO-8601); default now") @QueryParam("at") String at) {
        UUID id = Params.pathId(contactId, "Contact " + contactId);
        ScoreView score = service.score(owner.id(), id, TimeParams.at(at));
        metrics.read(ScoreMetrics.Read.SCORE);
        return score;
    }

    @GET
    @Path("history")
    @Operation(
            operationId = "getScoreHistory",
            summary = "A contact's strength over time, for charts",
            description = "Points from `from` to `to` (inclusive) every `step`; at most 1,000 points.")
    @APIResponse(
            responseCode = "200",
            description = "The series",
            content =
                    @Content(
                            schema = @Schema(implementation = ScoreHistoryView.class),
                            examples = @ExampleObject(name = "history", value = ScoreExamples.SCORE_HISTORY)))
    public ScoreHistoryView history(
            @PathParam("contactId") String contactId,
            @Parameter(description = "Start (ISO-8601); default `to` minus 90 days") @QueryParam("from") String from,
            @Parameter(description = "End (ISO-8601); default now") @QueryParam("to") String to,
            @Parameter(description = "ISO-8601 duration, e.g. P1D (default), PT6H, P1W") @QueryParam("step")
                    String step) {
        UUID id = Params.pathId(contactId, "Contact " + contactId);
        Instant end = TimeParams.bounded(Params.instant(to, "to"), "to", Instant.now());
        Instant start = TimeParams.bounded(Params.instant(from, "from"), "from", end.minus(Duration.ofDays(90)));
        Duration stride = TimeParams.step(step);
        if (start.isAfter(end)) {
            throw ApiProblem.invalid("from", "must not be after to");
        }
        try {
            ScoreHistory.pointCount(start, end, stride);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(
                    "step",
                    "from, to and step give more than " + ScoreHistory.MAX_POINTS
                            + " points; use a larger step or a shorter range");
        }
        ScoreHistoryView history = service.history(owner.id(), id, start, end, stride);
        metrics.read(ScoreMetrics.Read.HISTORY);
        return history;
    }
}
