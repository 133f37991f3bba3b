package dev.threshold.score;

import dev.threshold.platform.api.ETags;
import dev.threshold.platform.auth.CurrentOwner;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/settings/scoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settings", description = "How the owner's scores are computed")
public class ScoringSettingsResource {

    private final ScoringSettingsService service;
    private final CurrentOwner owner;

    public ScoringSettingsResource(ScoringSettingsService service, CurrentOwner owner) {
        this.service = service;
        this.owner = owner;
    }

    @GET
    @Operation(
            operationId = "getScoringSettings",
            summary = "The owner's scoring settings",
            description =
                    "The half-life, weights and tier floors that every score of this owner uses; defaults until replaced.")
    @APIResponse(
            responseCode = "200",
            description = "The settings (the defaults until changed)",
            content =
                    @Content(
                            schema = @Schema(implementation = ScoringSettingsView.class),
                            examples = @ExampleObject(name = "defaults", value = ScoreExamples.SETTINGS)))
    public Response get() {
        var settings = service.get(owner.id());
        return Response.ok(settings.settings())
                .tag(ETags.of(settings.version()))
                .build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceScoringSettings",
            summary = "Replace the owner's scoring settings",
            description =
                    "Absent fields take their defaults. A change of half-life or weights re-scores every contact of this owner.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = ScoringSettingsView.class),
                            examples = @ExampleObject(name = "settings", value = ScoreExamples.SETTINGS)))
    @APIResponse(
            responseCode = "200",
            description = "The new settings",
            content = @Content(schema = @Schema(implementation = ScoringSettingsView.class)))
    public Response put(@HeaderParam("If-Match") String ifMatch, ScoringSettingsView input) {
        var settings = service.replace(owner.id(), input, ifMatch);
        return Response.ok(settings.settings())
                .tag(ETags.of(settings.version()))
                .build();
    }
}
