package dev.threshold.nudge.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.threshold.network.RecommendationService;
import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.persistence.Ids;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Owns the calendar feeds ({@code calendar_feeds}, V19): creation with a secret shown once (only its SHA-256 is
 * kept), the listing, revocation (the row is deleted: the URL then answers 404 on every instance, since every fetch
 * looks its hash up first), and the calendar itself, rendered from the owner's recommendations and reused for
 * {@link FeedConfig#cacheTtl()} per instance and time zone: calendar apps poll, and a feed costs one indexed lookup
 * between renders.
 */
@ApplicationScoped
@Transactional
public class FeedService {

    /** A rendered calendar and its ETag. */
    record Rendered(String body, String etag) {}

    private record Key(UUID feed, ZoneId zone) {}

    private record Found(String owner, UUID id) {}

    private final Jdbc jdbc;
    private final RecommendationService recommendations;
    private final Cache<Key, Rendered> rendered;

    public FeedService(Jdbc jdbc, RecommendationService recommendations, FeedConfig config) {
        this.jdbc = jdbc;
        this.recommendations = recommendations;
        this.rendered = Caffeine.newBuilder()
                .expireAfterWrite(config.cacheTtl())
                .maximumSize(config.cacheSize())
                .executor(Runnable::run)
                .build();
    }

    /** A new feed under {@code base} (the API's base URI): its URL carries the secret, shown this once. */
    public FeedView.Created create(String owner, URI base) {
        String secret = FeedSecrets.newSecret();
        UUID id = Ids.timeOrdered();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.update("INSERT INTO calendar_feeds (owner_id, id, secret_hash, created_at) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, owner);
            ps.setObject(2, id);
            ps.setBytes(3, FeedSecrets.hash(secret));
            ps.setObject(4, now.atOffset(ZoneOffset.UTC));
        });
        return new FeedView.Created(
                id, base.resolve("api/v1/feeds/" + secret + ".ics").toString(), now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FeedView> list(String owner, PageRequest page) {
        List<FeedView> rows = jdbc.list(
                "SELECT id, created_at FROM calendar_feeds WHERE owner_id = ?" + (page.hasCursor() ? " AND id > ?" : "")
                        + " ORDER BY id LIMIT ?",
                ps -> {
                    int i = 1;
                    ps.setString(i++, owner);
                    if (page.hasCursor()) {
                        ps.setObject(i++, page.afterUuid(0));
                    }
                    ps.setInt(i, page.limit() + 1);
                },
                rs -> new FeedView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()));
        return page.page(rows, f -> f, f -> List.of(f.id().toString()));
    }

    public void revoke(String owner, UUID id) {
        int deleted = jdbc.update("DELETE FROM calendar_feeds WHERE owner_id = ? AND id = ?", ps -> {
            ps.setString(1, owner);
            ps.setObject(2, id);
        });
        if (deleted == 0) {
            throw ApiProblem.notFound("Feed " + id);
        }
        rendered.asMap().keySet().removeIf(k -> k.feed().equals(id));
    }

    /** The calendar of the feed whose secret this is, or empty (unknown, malformed or revoked: all alike). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Rendered> calendar(String secret, ZoneId zone) {
        if (!FeedSecrets.wellFormed(secret)) {
            return Optional.empty();
        }
        Optional<Found> feed = jdbc.first(
                "SELECT owner_id, id FROM calendar_feeds WHERE secret_hash = ?",
                ps -> ps.setBytes(1, FeedSecrets.hash(secret)),
                rs -> new Found(rs.getString("owner_id"), rs.getObject("id", UUID.class)));
        return feed.map(f -> rendered.get(new Key(f.id(), zone), k -> render(f.owner(), zone)));
    }

    private Rendered render(String owner, ZoneId zone) {
        String body = FeedCalendar.render(
                recommendations.recommendations(owner, PageRequest.MAX_LIMIT),
                zone,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return new Rendered(body, "\"" + sha256(body) + "\"");
    }

    private static String sha256(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
