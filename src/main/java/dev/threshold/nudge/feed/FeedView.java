package dev.threshold.nudge.feed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A calendar feed as listed: never its secret (the URL is shown once, at creation). */
@Schema(name = "CalendarFeed")
public record FeedView(UUID id, Instant createdAt) {

    /** A new feed: its URL, with the secret, shown this once. */
    @Schema(name = "CalendarFeedCreated")
    public record Created(
            UUID id,
            @Schema(description = "The secret URL to subscribe to (shown once; the service keeps only a hash of it)")
                    String url,
            Instant createdAt) {}

    /** A page of feeds. */
    @Schema(name = "CalendarFeedPage")
    public record FeedPage(List<FeedView> items, @Schema(nullable = true) String nextCursor) {}
}
