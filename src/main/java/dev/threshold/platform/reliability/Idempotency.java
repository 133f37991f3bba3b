package dev.threshold.platform.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.api.TakesFile;
import dev.threshold.platform.auth.CurrentOwner;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.persistence.Transactions;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.platform.problem.Problem;
import dev.threshold.platform.problem.ProblemMapper;
import dev.threshold.platform.problem.ProblemType;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on every POST under {@code /api/}: the first successful response is stored per owner
 * and replayed to every retry with the same key and the same request for {@link #ttl} (24 h by default).
 *
 * <p>How it stays exactly-once, also across a crash: a keyed POST runs in one database transaction that this
 * filter opens before the resource and commits after it, once the response is known. The services'
 * {@code @Transactional} methods join it. The stored response and the request's writes therefore commit
 * together or not at all; only a 2xx is stored (an error response rolls everything back, so a retry simply
 * runs again). A second request with the same key while the first is in flight fails to take the key's
 * PostgreSQL advisory lock and is answered 409 at once; one with the same key and another method, path or
 * body is answered 422. The response body stored is the exact bytes sent: the entity is serialised here,
 * with the application's {@link ObjectMapper}, and sent as those bytes.
 *
 * <p>The request body is buffered to hash it: it is bounded by the operation's body limit (platform.http.BodyLimit);
 * the body of an operation declared {@link TakesFile} (up to 4 GB) is copied to a temporary file as it is hashed
 * instead, and the resource reads that file. Such an operation's transaction may also run for
 * {@link Transactions#LONG_RUNNING}. The problems (409 in flight, 422 reused key, and whatever a failed commit
 * deserves) are built from platform.problem's parts like every other.
 */
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(Idempotency.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");
    private static final String CLAIM = Idempotency.class.getName() + ".claim";

    private final TransactionManager transactions;
    private final EntityManager em;
    private final Jdbc jdbc;
    private final CurrentOwner owner;
    private final ObjectMapper json;
    private final Duration ttl;

    public Idempotency(
            TransactionManager transactions,
            EntityManager em,
            Jdbc jdbc,
            CurrentOwner owner,
            ObjectMapper json,
            IdempotencyConfig config) {
        this.transactions = transactions;
        this.em = em;
        this.jdbc = jdbc;
        this.owner = owner;
        this.json = json;
        this.ttl = config.ttl();
    }

    /** What a keyed request holds between its request and its response filter. */
    private record Claim(String owner, String key, byte[] hash) {}

    /** A stored first response, as replayed. */
    private record Stored(
            byte[] requestHash, int status, String location, String etag, String contentType, byte[] body) {}

    @ServerRequestFilter(priority = Priorities.USER + 500)
    public Response claim(ContainerRequestContext request, UriInfo uri, ResourceInfo resource) throws Exception {
        if (!"POST".equals(request.getMethod()) || !uri.getPath().startsWith("/api/")) {
            return null;
        }
        List<String> keys = request.getHeaders().get(HEADER);
        if (keys == null || keys.isEmpty()) {
            return null;
        }
        String key = keys.get(0);
        if (keys.size() > 1
                || key == null
                || key.isBlank()
                || !VALID_KEY.matcher(key).matches()) {
            throw ApiProblem.invalid(HEADER, "must be 1 to 255 printable ASCII characters, sent once");
        }
        String ownerId = owner.id();
        byte[] hash;
        if (takesFile(resource) && request.hasEntity()) {
            // a file (up to 4 GB): hashed while it is copied to a temporary file, never held in memory
            hash = spoolAndHash(request, uri);
        } else {
            byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
            request.setEntityStream(new ByteArrayInputStream(body));
            hash = hash(
                    request.getMethod(),
                    uri.getRequestUri().getRawPath(),
                    uri.getRequestUri().getRawQuery(),
                    body);
        }

        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            LOG.warn("A transaction was still bound to this request thread; rolling it back");
            transactions.rollback();
        }
        // an operation that takes a file may run for minutes in this transaction; every other keeps the default
        transactions.setTransactionTimeout(takesFile(resource) ? (int) Transactions.LONG_RUNNING.toSeconds() : 0);
        transactions.begin();
        transactions.setTransactionTimeout(0);
        boolean proceed = false;
        try {
            boolean locked = jdbc.first(
                            "SELECT pg_try_advisory_xact_lock(hashtextextended(? || chr(31) || ?, 0)) AS locked",
                            ps -> {
                                ps.setString(1, ownerId);
                                ps.setString(2, key);
                            },
                            rs -> rs.getBoolean("locked"))
                    .orElse(false);
            if (!locked) {
                throw new ApiProblem(
                        ProblemType.IDEMPOTENCY_IN_FLIGHT,
                        "A request with this Idempotency-Key is still being processed; retry it shortly.");
            }
            jdbc.update("DELETE FROM idempotency_keys WHERE owner_id = ? AND expires_at < ?", ps -> {
                ps.setString(1, ownerId);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
            });
            Optional<Stored> stored = jdbc.first(
                    "SELECT request_hash, status, location, etag, content_type, body"
                            + " FROM idempotency_keys WHERE owner_id = ? AND idem_key = ?",
                    ps -> {
                        ps.setString(1, ownerId);
                        ps.setString(2, key);
                    },
                    rs -> new Stored(
                            rs.getBytes("request_hash"),
                            rs.getInt("status"),
                            rs.getString("location"),
                            rs.getString("etag"),
                            rs.getString("content_type"),
                            rs.getBytes("body")));
            if (stored.isPresent()) {
                if (!Arrays.equals(stored.get().requestHash(), hash)) {
                    throw new ApiProblem(
                            ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was used for a different request (method, path or body) within the"
                                    + " last " + ttl.toHours() + " hours; use a new key for a new request.");
                }
                return replay(stored.get());
            }
            request.setProperty(CLAIM, new Claim(ownerId, key, hash));
            proceed = true;
            return null;
        } finally {
            if (!proceed) {
                transactions.rollback();
            }
        }
    }

    @ServerResponseFilter(priority = Integer.MIN_VALUE + 1)
    public void complete(ContainerRequestContext request, ContainerResponseContext response, UriInfo uri) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        request.removeProperty(CLAIM);
        try {
            if (response.getStatus() / 100 != 2 || transactions.getStatus() != Status.STATUS_ACTIVE) {
                rollbackQuietly();
                return;
            }
            byte[] body = serialize(response.getEntity());
            MediaType type = response.getMediaType() != null
                    ? response.getMediaType()
                    : body == null ? null : MediaType.APPLICATION_JSON_TYPE;
            if (body != null) {
                response.setEntity(body, response.getEntityAnnotations(), type);
            }
            Instant now = Instant.now();
            em.flush();
            jdbc.update(
                    "INSERT INTO idempotency_keys (owner_id, idem_key, request_hash, status, location,"
                            + " etag, content_type, body, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, claim.owner());
                        ps.setString(2, claim.key());
                        ps.setBytes(3, claim.hash());
                        ps.setShort(4, (short) response.getStatus());
                        ps.setString(5, response.getHeaderString(HttpHeaders.LOCATION));
                        ps.setString(6, response.getHeaderString(HttpHeaders.ETAG));
                        ps.setString(7, type == null ? null : type.toString());
                        ps.setBytes(8, body);
                        ps.setTimestamp(9, Timestamp.from(now));
                        ps.setTimestamp(10, Timestamp.from(now.plus(ttl)));
                    });
            transactions.commit();
        } catch (Throwable e) {
            // Nothing of this request was committed: answer as the exception deserves, never with the 2xx.
            rollbackQuietly();
            Response problem = new ProblemMapper().unexpected(e, uri);
            response.getHeaders().remove(HttpHeaders.LOCATION);
            response.getHeaders().remove(HttpHeaders.ETAG);
            problem.getHeaders().forEach((name, values) -> response.getHeaders().put(name, values));
            response.setStatus(problem.getStatus());
            response.setEntity(
                    problem.getEntity(), response.getEntityAnnotations(), MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    private Response replay(Stored stored) {
        Response.ResponseBuilder replay = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            replay.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            replay.header(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.body() != null) {
            replay.entity(stored.body())
                    .type(stored.contentType() == null ? MediaType.APPLICATION_JSON : stored.contentType());
        }
        return replay.build();
    }

    /** Whether the matched operation, or its resource class, is declared {@link TakesFile}. */
    private static boolean takesFile(ResourceInfo resource) {
        return resource.getResourceMethod() != null
                        && resource.getResourceMethod().isAnnotationPresent(TakesFile.class)
                || resource.getResourceClass() != null
                        && resource.getResourceClass().isAnnotationPresent(TakesFile.class);
    }

    private byte[] serialize(Object entity) throws IOException {
        if (entity == null) {
            return null;
        }
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return json.writeValueAsBytes(entity);
    }

    private void rollbackQuietly() {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (Exception e) {
            LOG.warnf("Rolling back a keyed request failed: %s", e.getClass().getSimpleName());
        }
    }

    static byte[] hash(String method, String path, String query, byte[] body) {
        MessageDigest sha = digest(method, path, query);
        sha.update(body);
        return sha.digest();
    }

    /** SHA-256 over method, path and query, ready for the body. */
    private static MessageDigest digest(String method, String path, String query) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {method, path, query == null ? "" : query}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return sha;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copies the body of a {@link TakesFile} request to a temporary file while hashing it (the same hash as
     * {@link #hash}), and hands the resource that file instead: bounded memory for bodies of gigabytes. The file is
     * unlinked at once; its space returns when the resource closes the stream (or it is collected).
     */
    private static byte[] spoolAndHash(ContainerRequestContext request, UriInfo uri) throws IOException {
        MessageDigest sha = digest(
                request.getMethod(),
                uri.getRequestUri().getRawPath(),
                uri.getRequestUri().getRawQuery());
        Path file = Files.createTempFile("threshold-keyed-", ".body");
        try {
            try (InputStream in = request.getEntityStream();
                    OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            request.setEntityStream(new FileInputStream(file.toFile()));
        } finally {
            Files.deleteIfExists(file);
        }
        return sha.digest();
    }
}
