package dev.threshold.nudge.feed;

import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.api.Params;
import dev.threshold.platform.auth.CurrentOwner;
import dev.threshold.platform.openapi.ProblemResponsesFilter;
import dev.threshold.platform.problem.ApiProblem;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * {@code POST|GET /feeds}, {@code DELETE /feeds/{id}} (bearer token), and {@code GET /feeds/{secret}.ics}: the one
 * API path without a token (application.properties' {@code feed} permission: GET and HEAD under
 * {@code /api/v1/feeds/*}; the list there still needs the token, through {@link CurrentOwner}).
 */
@Path("/api/v1/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Nudges", description = "Snooze and dismiss, the calendar feed")
public class FeedResource {

    static final String TEXT_CALENDAR = "text/calendar";

    private final FeedService service;
    private final CurrentOwner owner;

    public FeedResource(FeedService service, CurrentOwner owner) {
        this.service = service;
        this.owner = owner;
    }

    @POST
    @Operation(
            operationId = "createFeed",
            summary = "Create a secret calendar feed URL",
            description =
                    "The `url` carries a 256-bit secret and is shown only here: the service keeps a hash of it. Subscribe to it in a calendar app; revoke it with DELETE /feeds/{id}. Takes no body.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the feed",
            content =
                    @Content(
                            schema = @Schema(implementation = FeedView.Created.class),
                            examples = @ExampleObject(name = "feed", value = FeedExamples.CREATED)))
    public Response create(@Context UriInfo uri) {
        FeedView.Created created = service.create(owner.id(), uri.getBaseUri());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Operation(
            operationId = "listFeeds",
            summary = "List the owner's calendar feeds (without their secrets)",
            description = "Oldest first; keyset-paged. A feed's URL is shown only when it is created.")
    @APIResponse(
            responseCode = "200",
            description = "A page of feeds",
            content =
                    @Content(
                            schema = @Schema(implementation = FeedView.FeedPage.class),
                            examples = @ExampleObject(name = "page", value = FeedExamples.PAGE)))
    public Page<FeedView> list(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        String id = owner.id();
        return service.list(id, PageRequest.parse(limit, cursor, "feeds"));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "deleteFeed",
            summary = "Revoke a calendar feed",
            description = "Its URL answers 404 from now on, on every instance.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") String id) {
        service.revoke(owner.id(), Params.pathId(id, "Feed " + id));
        return Response.noContent().build();
    }

    @GET
    @Path("{secret}.ics")
    @Produces({TEXT_CALENDAR, "application/problem+json"})
    @Operation(
            operationId = "getFeedCalendar",
            summary = "The calendar feed (no bearer token: the URL's secret is the credential)",
            description =
                    "RFC 5545: the owner's next moves (the recommendations, without snoozed contacts and dismissed recommendations) as all-day events on the day each is due, in `tz` (default UTC); one event per contact and reason, with a stable UID. Rendered at most every 5 minutes per instance; ETag and If-None-Match (304). An unknown or revoked secret is 404.",
            extensions = @Extension(name = ProblemResponsesFilter.NO_BEARER_TOKEN, value = "true"))
    @APIResponse(
            responseCode = "200",
            description = "The calendar",
            content =
                    @Content(
                            mediaType = TEXT_CALENDAR,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "calendar", value = FeedExamples.CALENDAR)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    public Response calendar(
            @PathParam("secret") String secret,
            @Parameter(description = "IANA time zone of the events' days, e.g. Europe/Paris; default UTC")
                    @QueryParam("tz")
                    String tz,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        ZoneId zone = zone(tz);
        FeedService.Rendered calendar = service.calendar(secret, zone).orElseThrow(() -> ApiProblem.notFound("Feed"));
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(300);
        if (ifNoneMatch != null && ifNoneMatch.contains(calendar.etag())) {
            return Response.notModified()
                    .tag(calendar.etag().replace("\"", ""))
                    .cacheControl(cache)
                    .build();
        }
        return Response.ok(calendar.body(), TEXT_CALENDAR + "; charset=utf-8")
                .tag(calendar.etag().replace("\"", ""))
                .cacheControl(cache)
                .build();
    }

    private static ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw ApiProblem.invalid("tz", "must be an IANA time zone such as Europe/Paris");
        }
    }
}
