package dev.threshold.nudge.webhooks;

import dev.threshold.nudge.events.EventsRaised;
import dev.threshold.platform.persistence.Columns;
import dev.threshold.platform.persistence.Jdbc;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers the outbox's pending deliveries, on any instance. A round claims up to {@link WebhooksConfig#batch()} due
 * deliveries in one statement ({@code FOR UPDATE SKIP LOCKED}, so instances never take the same row) and leases
 * them (their next attempt moves past the request timeout: a worker that dies mid-request leaves them to another
 * instance once the lease ends). Only the oldest pending delivery of a contact per endpoint is due, so one contact's
 * events arrive in order. Each is signed (Standard Webhooks), checked against the SSRF rules again and sent to the
 * address that was checked, without following redirects; the results are stored in one statement: 2xx delivered,
 * 410 disables the endpoint, anything else (or no answer within the timeout) is retried after a growing, jittered
 * delay until {@link WebhooksConfig#retryFor()} after the event, then given up.
 *
 * <p>Rounds run on one thread per instance: after a commit that queued deliveries (at once), and every
 * {@link WebhooksConfig#pollInterval()}.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final Duration MAX_DELAY = Duration.ofHours(4);
    private static final int MAX_ERROR = 500;

    static final String CLAIM = "UPDATE webhook_deliveries d SET attempts = d.attempts + 1, last_attempt_at = ?,"
            + " next_attempt_at = ?"
            + " FROM (SELECT x.owner_id, x.id FROM webhook_deliveries x"
            + "       JOIN webhooks h ON h.owner_id = x.owner_id AND h.id = x.webhook_id AND h.enabled"
            + "       WHERE x.status = 'PENDING' AND x.next_attempt_at <= ?"
            + "         AND NOT EXISTS (SELECT 1 FROM webhook_deliveries y WHERE y.owner_id = x.owner_id"
            + "           AND y.webhook_id = x.webhook_id AND y.contact_id = x.contact_id AND y.status = 'PENDING'"
            + "           AND y.seq < x.seq)"
            + "       LIMIT ? FOR UPDATE OF x SKIP LOCKED) p,"
            + "      webhooks w, nudge_events e"
            + " WHERE d.owner_id = p.owner_id AND d.id = p.id AND w.owner_id = d.owner_id AND w.id = d.webhook_id"
            + "   AND e.owner_id = d.owner_id AND e.id = d.event_id"
            + " RETURNING d.owner_id AS owner_id, d.id AS id, d.webhook_id AS webhook_id, d.event_id AS event_id,"
            + "   d.attempts AS attempts, e.created_at AS event_at, w.url AS url, w.secret AS secret, e.body AS body";

    private static final String RECORD = "UPDATE webhook_deliveries d SET status = v.status, response_code = v.code,"
            + " last_error = v.error, next_attempt_at = v.next,"
            + " delivered_at = CASE WHEN v.status = 'DELIVERED' THEN v.at END"
            + " FROM unnest(CAST(? AS varchar[]), CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS int[]),"
            + "   CAST(? AS varchar[]), CAST(? AS timestamptz[]), CAST(? AS timestamptz[]))"
            + "   AS v(owner_id, id, status, code, error, next, at)"
            + " WHERE d.owner_id = v.owner_id AND d.id = v.id";

    /** An outcome as {@link #RECORD} stores it. */
    private record Stored(Claimed delivery, String status, Integer code, String error, Instant next, Instant at) {}

    /** The columns of {@link #RECORD}'s {@code unnest}, in its order. */
    private static final Columns<Stored> STORED = Columns.<Stored>of()
            .add("varchar", r -> r.delivery().owner())
            .add("uuid", r -> r.delivery().id())
            .add("varchar", Stored::status)
            .add("int4", Stored::code)
            .add("varchar", Stored::error)
            .add("timestamptz", Stored::next)
            .add("timestamptz", Stored::at);

    /** A claimed delivery. */
    record Claimed(
            String owner,
            UUID id,
            UUID webhookId,
            UUID eventId,
            int attempts,
            Instant eventAt,
            String url,
            byte[] secret,
            String body) {}

    /** The outcome of one attempt. */
    record Outcome(Claimed delivery, Integer code, String error) {
        boolean delivered() {
            return code != null && code >= 200 && code < 300;
        }

        boolean gone() {
            return code != null && code == 410;
        }
    }

    private final Jdbc jdbc;
    private final WebhooksConfig config;
    private final WebhookService webhooks;
    private volatile UrlGuard guard;
    private final Vertx vertx;
    private final HttpClient client;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webhook-deliveries");
        t.setDaemon(true);
        return t;
    });
    /** Looks the receivers' addresses up, off the worker's thread: a slow DNS answer holds a lookup, not the round. */
    private final ThreadPoolExecutor lookups;
    /** The lookups in flight, by URL, across rounds: a name whose DNS server does not answer holds one thread. */
    private final ConcurrentHashMap<String, CompletableFuture<UrlGuard.Target>> lookingUp = new ConcurrentHashMap<>();

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();

    public DeliveryWorker(Jdbc jdbc, WebhooksConfig config, WebhookService webhooks, Vertx vertx) {
        this.jdbc = jdbc;
        this.config = config;
        this.webhooks = webhooks;
        this.guard = new UrlGuard(config.allowPrivate());
        this.vertx = vertx;
        this.lookups = new ThreadPoolExecutor(
                config.batch(), config.batch(), 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "webhook-lookups");
                    t.setDaemon(true);
                    return t;
                });
        lookups.allowCoreThreadTimeOut(true);
        int timeout = (int) config.timeout().toMillis();
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout(timeout)
                        .setVerifyHost(true)
                        .setForceSni(true)
                        .setKeepAlive(true)
                        .setTryUseCompression(false),
                new PoolOptions().setHttp1MaxSize(Math.max(4, config.batch())));
    }

    void onRaised(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsRaised raised) {
        if (config.wakeOnCommit()) {
            wake();
        }
    }

    @Scheduled(
            identity = "webhook-deliveries",
            every = "{threshold.webhooks.poll-interval}",
            delayed = "{threshold.webhooks.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Runs rounds on the worker thread until nothing is due; coalesces wake-ups that come meanwhile. */
    void wake() {
        if (paused.get() || !webhooks.configured()) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            loop.execute(this::run);
        }
    }

    private void run() {
        try {
            while (again.getAndSet(false) && !paused.get()) {
                drainQuietly();
            }
        } finally {
            running.set(false);
            if (again.get() && !paused.get() && running.compareAndSet(false, true)) {
                loop.execute(this::run);
            }
        }
    }

    private void drainQuietly() {
        try {
            drain(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Delivering webhooks failed (%s); next try in %s",
                    e.getClass().getSimpleName(), config.pollInterval());
        }
    }

    /**
     * Tests: stop the timer and the wake-ups (rounds run only when a test calls {@link #drain}); returns once a round
     * already running has ended (a task queued behind it on the worker's one thread has run), so that a test's
     * drains at a moved clock never overlap a round at the real one.
     */
    void pause(boolean pause) {
        paused.set(pause);
        if (pause) {
            try {
                loop.submit(() -> {}).get(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException("the delivery worker did not stop", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        paused.set(true);
        loop.shutdown();
        lookups.shutdownNow();
        client.close();
    }

    /** Delivers everything due at {@code now}, round after round; how many attempts it made. */
    public int drain(Instant now) {
        if (!webhooks.configured()) {
            return 0;
        }
        int total = 0;
        for (int round = 0; round < 10_000; round++) {
            List<Claimed> claimed = claim(now);
            if (claimed.isEmpty()) {
                break;
            }
            record(send(claimed), now);
            total += claimed.size();
            now = Instant.now().isAfter(now) ? Instant.now() : now;
        }
        return total;
    }

    /** Claims and leases the deliveries due at {@code now} (one statement, its own transaction). */
    List<Claimed> claim(Instant now) {
        Instant lease = now.plus(roundTime()).plus(config.timeout()); // a round ends well within it
        return jdbc.list(
                CLAIM,
                ps -> {
                    ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                    ps.setObject(2, lease.atOffset(ZoneOffset.UTC));
                    ps.setObject(3, now.atOffset(ZoneOffset.UTC));
                    ps.setInt(4, config.batch());
                },
                rs -> new Claimed(
                        rs.getString("owner_id"),
                        rs.getObject("id", UUID.class),
                        rs.getObject("webhook_id", UUID.class),
                        rs.getObject("event_id", UUID.class),
                        rs.getInt("attempts"),
                        rs.getObject("event_at", OffsetDateTime.class).toInstant(),
                        rs.getString("url"),
                        rs.getBytes("secret"),
                        rs.getString("body")));
    }

    /**
     * Sends every claimed delivery at once (at most one batch in flight, each URL looked up once); waits for all
     * outcomes until one deadline for the round ({@link #roundTime()}), never once per delivery.
     */
    private List<Outcome> send(List<Claimed> claimed) {
        long start = System.nanoTime();
        long deadline = start + roundTime().toNanos();
        List<CompletableFuture<Outcome>> pending = new ArrayList<>(claimed.size());
        for (Claimed d : claimed) {
            pending.add(sendOne(d, start));
        }
        List<Outcome> outcomes = new ArrayList<>(claimed.size());
        for (int i = 0; i < pending.size(); i++) {
            try {
                outcomes.add(pending.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (Exception e) {
                outcomes.add(new Outcome(
                        claimed.get(i), null, "no answer: " + e.getClass().getSimpleName()));
            }
        }
        return outcomes;
    }

    /** A round's longest wait: the lookup and the connection, each within the timeout, the answer too, and 1 s. */
    Duration roundTime() {
        return config.timeout().multipliedBy(3).plusSeconds(1);
    }

    /**
     * The checked address of {@code url}, looked up on a lookup thread, or the lookup of it already in flight (from
     * this round or an earlier one); fails with {@link UrlGuard.Refused}, or with a {@link TimeoutException} when it
     * could only start after {@code lookUpBy} (every thread was held by names that do not answer: it is not started
     * late, so the queue drains at once when threads free up).
     */
    private CompletableFuture<UrlGuard.Target> lookUp(String url, long lookUpBy) {
        CompletableFuture<UrlGuard.Target> lookup = lookingUp.computeIfAbsent(url, u -> {
            UrlGuard checking = guard;
            try {
                return CompletableFuture.supplyAsync(
                        () -> {
                            if (System.nanoTime() - lookUpBy > 0) {
                                throw new CompletionException(new TimeoutException(notLookedUp()));
                            }
                            try {
                                return checking.check(u);
                            } catch (UrlGuard.Refused e) {
                                throw new CompletionException(e);
                            }
                        },
                        lookups);
            } catch (RejectedExecutionException e) { // shutting down
                return CompletableFuture.failedFuture(new TimeoutException("the service is stopping"));
            }
        });
        // ended, it leaves the map (registered here: a map is not changed from its own mapping function)
        lookup.whenComplete((t, e) -> lookingUp.remove(url, lookup));
        return lookup;
    }

    private String notLookedUp() {
        return "its address was not looked up within " + config.timeout();
    }

    /** Tests: looks host names up with {@code resolver} (null: the system's) from the next round on. */
    void resolver(UrlGuard.Resolver resolver) {
        guard = resolver == null ? new UrlGuard(config.allowPrivate()) : new UrlGuard(config.allowPrivate(), resolver);
    }

    /** Sends one claimed delivery on its own; its outcome, never an exception. */
    CompletableFuture<Outcome> sendOne(Claimed d) {
        return sendOne(d, System.nanoTime());
    }

    /**
     * Sends {@code d} to its looked-up address, unless the lookup took longer than the timeout from {@code start}
     * (the round's): connecting and answering could then outlast the round, which counts it as unanswered and tries
     * it again later, so sending it would send it twice.
     */
    private CompletableFuture<Outcome> sendOne(Claimed d, long start) {
        long lookUpBy = start + config.timeout().toNanos();
        return lookUp(d.url(), lookUpBy)
                .handle((found, error) -> {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof UrlGuard.Refused refused) {
                        return CompletableFuture.completedFuture(
                                new Outcome(d, null, "refused: " + refused.getMessage()));
                    } else if (cause instanceof TimeoutException late) {
                        return CompletableFuture.completedFuture(
                                new Outcome(d, null, "no answer: " + late.getMessage()));
                    } else if (cause != null) {
                        return CompletableFuture.completedFuture(new Outcome(d, null, describe(cause)));
                    } else if (System.nanoTime() - lookUpBy > 0) {
                        return CompletableFuture.completedFuture(new Outcome(d, null, "no answer: " + notLookedUp()));
                    }
                    try {
                        return exchange(d, found);
                    } catch (RuntimeException e) { // e.g. the client closed while stopping
                        return CompletableFuture.completedFuture(new Outcome(d, null, describe(e)));
                    }
                })
                .thenCompose(outcome -> outcome);
    }

    /** Signs {@code d} and sends it to {@code target}; its outcome, never an exception. */
    private CompletableFuture<Outcome> exchange(Claimed d, UrlGuard.Target target) {
        byte[] key;
        try {
            key = webhooks.box().open(d.secret(), WebhookService.binding(d.owner(), d.webhookId()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(d, null, "cannot sign: " + e.getMessage()));
        }
        long timestamp = Instant.now().getEpochSecond();
        String id = d.eventId().toString();
        long timeout = config.timeout().toMillis();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(target.uri().toString())
                .setServer(SocketAddress.inetSocketAddress(
                        target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout)
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Threshold-Webhooks/1")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", Signatures.sign(key, id, timestamp, d.body()));
        AtomicBoolean cut = new AtomicBoolean();
        Future<Integer> status = client.request(options).compose(request -> {
            // the idle timeout never ends an answer that trickles in: the whole exchange gets the timeout too, and
            // the connection is closed then (it is not left to the receiver, holding a connection of the pool)
            long cutOff = vertx.setTimer(timeout, t -> {
                cut.set(true);
                request.reset(0, new TimeoutException("no complete answer within " + config.timeout()));
            });
            return request.send(Buffer.buffer(d.body()))
                    // the receiver's body is not read: with no data handler its bytes are dropped. None is set
                    // either: an empty answer can have ended before this runs, and setting one then throws
                    .compose(response -> {
                        try { // a cut-off answer fails end() below; with no exception handler Vert.x logs an ERROR too
                            response.exceptionHandler(ignored -> {});
                        } catch (IllegalStateException ended) { // it had ended: a handler is refused, end() is done
                        }
                        return response.end().map(v -> response.statusCode());
                    })
                    .onComplete(done -> vertx.cancelTimer(cutOff));
        });
        return status.toCompletionStage()
                .toCompletableFuture()
                .handle((code, error) -> error == null
                        ? new Outcome(d, code, code >= 200 && code < 300 ? null : "answered " + code)
                        : new Outcome(d, null, cut.get() ? "no answer within " + config.timeout() : describe(error)));
    }

    private static String describe(Throwable error) {
        String message = error.getMessage() == null ? "" : ": " + error.getMessage();
        String text = error.getClass().getSimpleName() + message;
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    /** Stores the outcomes in one statement; a 410 disables its endpoint and ends its pending deliveries. */
    private void record(List<Outcome> outcomes, Instant now) {
        Instant done = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Stored> rows = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            String error = o.error() == null
                    ? null
                    : o.error().length() > MAX_ERROR ? o.error().substring(0, MAX_ERROR) : o.error();
            String status;
            Instant next = null;
            if (o.delivered()) {
                status = "DELIVERED";
            } else if (o.gone()) {
                status = "FAILED";
            } else {
                Optional<Instant> retry = retryAt(o.delivery(), now);
                status = retry.isPresent() ? "PENDING" : "FAILED";
                next = retry.orElse(null);
            }
            rows.add(new Stored(o.delivery(), status, o.code(), error, next, done));
        }
        jdbc.update(RECORD, ps -> STORED.bind(ps, 1, rows));
        for (Outcome o : outcomes) {
            if (o.gone()) {
                disable(o.delivery(), done);
            }
        }
    }

    /** The next attempt after a failed one, or empty when it would come after the retry period. */
    Optional<Instant> retryAt(Claimed d, Instant now) {
        Duration delay = delay(d.attempts(), config.firstRetry());
        Instant next = now.plus(delay);
        return next.isAfter(d.eventAt().plus(config.retryFor())) ? Optional.empty() : Optional.of(next);
    }

    /** first × 3^(attempt − 1), at most 4 h, ±20 % jitter. */
    static Duration delay(int attempt, Duration first) {
        double base = first.toMillis() * Math.pow(3, Math.max(0, attempt - 1));
        base = Math.min(base, MAX_DELAY.toMillis());
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (base * jitter));
    }

    private void disable(Claimed d, Instant at) {
        jdbc.update(
                "UPDATE webhooks SET enabled = false, disabled_reason = ?, updated_at = ?, version = version + 1"
                        + " WHERE owner_id = ? AND id = ? AND enabled",
                ps -> {
                    ps.setString(1, "the receiver answered 410 Gone at " + at);
                    ps.setObject(2, at.atOffset(ZoneOffset.UTC));
                    ps.setString(3, d.owner());
                    ps.setObject(4, d.webhookId());
                });
        jdbc.update(
                "UPDATE webhook_deliveries SET status = 'FAILED', next_attempt_at = NULL,"
                        + " last_error = coalesce(last_error, 'endpoint disabled (410 Gone)')"
                        + " WHERE owner_id = ? AND webhook_id = ? AND status = 'PENDING'",
                ps -> {
                    ps.setString(1, d.owner());
                    ps.setObject(2, d.webhookId());
                });
    }
}
