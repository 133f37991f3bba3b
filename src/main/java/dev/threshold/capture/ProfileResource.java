package dev.threshold.capture;

import dev.threshold.platform.auth.CurrentOwner;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The owner profile: who "me" is in every capture. */
@Path("/api/v1/settings/profile")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settings", description = "How the owner's scores are computed")
public class ProfileResource {

    private final ProfileService service;
    private final CurrentOwner owner;

    public ProfileResource(ProfileService service, CurrentOwner owner) {
        this.service = service;
        this.owner = owner;
    }

    @GET
    @Operation(
            operationId = "getProfile",
            summary = "Your own identities",
            description = "The names, e-mail addresses, phones and LinkedIn profile that captures (calendar, mail,"
                    + " chats) use to tell your side from the other's, and the time zone of floating times."
                    + " Empty, with time zone UTC, until set.")
    @APIResponse(
            responseCode = "200",
            description = "The profile",
            content =
                    @Content(
                            schema = @Schema(implementation = Profile.class),
                            examples = @ExampleObject(name = "profile", value = CaptureExamples.PROFILE)))
    public Profile get() {
        return service.get(owner.id());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceProfile",
            summary = "Replace your own identities",
            description = "Absent lists are empty, an absent time zone is UTC. Values are trimmed and de-duplicated.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = Profile.class),
                            examples = @ExampleObject(name = "profile", value = CaptureExamples.PROFILE)))
    @APIResponse(
            responseCode = "200",
            description = "The profile as stored",
            content =
                    @Content(
                            schema = @Schema(implementation = Profile.class),
                            examples = @ExampleObject(name = "profile", value = CaptureExamples.PROFILE)))
    public Profile put(Profile input) {
        return service.replace(owner.id(), input);
    }
}
