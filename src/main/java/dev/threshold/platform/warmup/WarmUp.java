package dev.threshold.platform.warmup;

import dev.threshold.platform.auth.WarmUpTokens;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warms the instance's hot paths before it reports ready (docs/operations.md, "Readiness and warm-up"): once the HTTP
 * server listens, a thread first runs each feature's {@link WarmUpStep} (code its requests cannot reach: the RS256
 * check of a client's token), then makes {@code threshold.warm-up.contacts} contacts with interactions of its own
 * through the API ({@link WarmUpSeed}), then sends {@code threshold.warm-up.requests} GET requests through the real
 * HTTP stack on loopback (the HTTP server, the filters, bearer authentication, the resource, its SQL, the found row
 * scored and written as JSON, and for one in ten the problem body of a missing one), so that the JIT has compiled
 * them before the first real request arrives. {@link WarmUpCheck} keeps readiness DOWN until they are done, or until
 * {@code threshold.warm-up.max-time} has passed since start-up, whichever comes first.
 *
 * <p>What it touches: it authenticates with a token it issued itself ({@link WarmUpTokens}, closed when it ends) as
 * an owner made up for this start ({@code threshold-warm-up:} and a random UUID), recorded as the warm-up's before
 * anything is written for it ({@link WarmUpOwners}). It reads and writes that owner's rows only, and deletes every one
 * of them when it ends (shutdown waits for that); rows an instance that died while warming left behind are deleted by
 * a later start. Real owners come from the identity provider's {@code sub}, and only owners recorded as the
 * warm-up's are ever deleted. The responses are discarded. A warm-up that fails (the database away, an unexpected
 * status) only logs and ends early: it never keeps an instance from becoming ready beyond its bound.
 */
@ApplicationScoped
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** A warm-up owner recorded longer ago than the bound plus this belongs to an instance that died while warming. */
    private static final Duration STALE_AFTER_BOUND = Duration.ofHours(1);

    /** Where the warm-up stands; {@link #isDone()} is what readiness asks. */
    public enum State {
        WAITING,
        RUNNING,
        DONE,
        BOUNDED,
        FAILED,
        OFF
    }

    private final WarmUpConfig config;
    private final WarmUpTokens tokens;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicLong deadlineNanos = new AtomicLong();
    private volatile State state;
    private volatile long tookMillis = -1;
    private volatile boolean stopping;
    private long beginNanos;
    private volatile Thread thread;

    private final WarmUpOwners owners;
    private final Instance<ValueRegistry> registry;
    private final Instance<WarmUpStep> steps;

    public WarmUp(
            WarmUpConfig config,
            WarmUpTokens tokens,
            WarmUpOwners owners,
            Instance<ValueRegistry> registry,
            @Any Instance<WarmUpStep> steps) {
        this.config = config;
        this.tokens = tokens;
        this.owners = owners;
        this.registry = registry;
        this.steps = steps;
        this.state = config.enabled() ? State.WAITING : State.OFF;
    }

    /** The bound runs from start-up: should the HTTP server never announce itself, readiness still turns UP. */
    synchronized void onStart(@Observes StartupEvent start) {
        startClock();
    }

    /** Quarkus announces the listening server asynchronously. */
    synchronized void onHttpStart(@ObservesAsync HttpServerStart start) {
        if (state != State.WAITING) {
            return;
        }
        state = State.RUNNING;
        long begin = startClock();
        String host = loopback(start.options().getHost());
        int port = start.options().getPort();
        if (port <= 0) {
            port = actualPort();
        }
        if (port <= 0) {
            state = State.FAILED;
            LOG.warn("warm-up skipped: the HTTP server's actual port is unknown");
            return;
        }
        URI base = URI.create("http://" + host + ":" + port);
        Thread t = new Thread(() -> run(base, begin), "threshold-warm-up");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private long startClock() {
        if (beginNanos == 0) {
            beginNanos = System.nanoTime();
            deadlineNanos.set(beginNanos + config.maxTime().toNanos());
        }
        return beginNanos;
    }

    /**
     * Shutting down: the warm-up stops sending and deletes its rows while the database is still there (the shutdown
     * waits for that, at most one request's timeout and a little more).
     */
    void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
        stopping = true;
        Thread t = thread;
        if (t != null) {
            t.join(REQUEST_TIMEOUT.plusSeconds(5).toMillis());
        }
    }

    /** True once readiness may turn UP: the warm-up is finished, bounded, failed or off. */
    public boolean isDone() {
        State s = state;
        long deadline = deadlineNanos.get();
        if ((s == State.WAITING || s == State.RUNNING) && deadline != 0 && System.nanoTime() - deadline > 0) {
            return true; // the bound holds even if the thread is stuck or never started
        }
        return s != State.WAITING && s != State.RUNNING;
    }

    public State state() {
        return state;
    }

    public int requestsSent() {
        return sent.get();
    }

    /** Milliseconds from start-up to the warm-up's end; -1 while it runs. */
    public long tookMillis() {
        return tookMillis;
    }

    private void run(URI base, long begin) {
        State outcome = State.FAILED;
        String owner = "threshold-warm-up:" + UUID.randomUUID();
        boolean recorded = false;
        try {
            purgeStale();
            // the token outlives the bound by one request's timeout, so that a request sent just before the bound is
            // not refused; it is closed as soon as the workers end, whichever comes first
            String token = tokens.open(owner, config.maxTime().plus(REQUEST_TIMEOUT));
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            for (WarmUpStep step : steps) {
                if (!stopping && System.nanoTime() - deadlineNanos.get() < 0) {
                    try {
                        step.exercise(config.stepRounds());
                    } catch (RuntimeException e) {
                        LOG.warnf(
                                e,
                                "warm-up step %s failed; the requests still run",
                                step.getClass().getName());
                    }
                }
            }
            List<UUID> found = List.of();
            if (config.contacts() > 0 && !stopping) {
                try {
                    owners.register(owner, Instant.now());
                    recorded = true;
                    found = WarmUpSeed.create(client, base, token, config.contacts(), Instant.now(), REQUEST_TIMEOUT);
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("warm-up could not make its own contacts (%s); it reads missing ones only", e.toString());
                }
            }
            List<UUID> contacts = found;
            int workers = Math.max(1, config.concurrency());
            List<Thread> threads = new ArrayList<>();
            AtomicInteger unexpected = new AtomicInteger();
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(() -> send(client, base, token, contacts, unexpected), "threshold-warm-up-" + w);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            if (unexpected.get() > 0 || stopping) {
                outcome = State.FAILED;
            } else {
                outcome = sent.get() >= config.requests() ? State.DONE : State.BOUNDED;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(e, "warm-up failed; readiness no longer waits for it");
        } finally {
            tokens.close();
            if (recorded) {
                purge(owner);
            }
            tookMillis = (System.nanoTime() - begin) / 1_000_000;
            state = outcome;
            LOG.infof("warm-up %s: %d requests in %d ms", outcome.name().toLowerCase(), sent.get(), tookMillis);
        }
    }

    /**
     * Deletes every row of the warm-up's owner, trying twice (a scheduled job locking one of its rows at the same time
     * can make PostgreSQL end one of the two as a deadlock); should both fail, a later start deletes them
     * ({@link #purgeStale}).
     */
    private void purge(String owner) {
        for (int attempt = 1; ; attempt++) {
            try {
                long rows = owners.purge(owner);
                LOG.debugf("warm-up deleted its %d rows", rows);
                return;
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    LOG.warnf("warm-up could not delete its own rows (%s); a later start deletes them", e.toString());
                    return;
                }
            }
        }
    }

    /** Deletes the rows of warm-up owners whose instance died while warming (recorded long before the bound). */
    private void purgeStale() {
        try {
            for (String stale : owners.stale(Instant.now(), config.maxTime().plus(STALE_AFTER_BOUND))) {
                LOG.infof("warm-up deletes the rows an earlier instance's warm-up left: %d", owners.purge(stale));
            }
        } catch (RuntimeException e) {
            LOG.warnf("warm-up could not look for rows left by an earlier warm-up (%s)", e.toString());
        }
    }

    /**
     * One worker: GET requests in turn until the count is reached, the bound passes, or something is unexpected. Nine
     * in ten ask for one of the warm-up's own contacts (found: 200), the tenth for a random id (404); all of them
     * 404 when it has none.
     */
    private void send(HttpClient client, URI base, String token, List<UUID> contacts, AtomicInteger unexpected) {
        List<String> paths = config.paths();
        while (!stopping && unexpected.get() == 0 && System.nanoTime() - deadlineNanos.get() < 0) {
            int n = sent.getAndIncrement();
            if (n >= config.requests()) {
                sent.decrementAndGet();
                return;
            }
            UUID id = contacts.isEmpty() || n % 10 == 9 ? UUID.randomUUID() : contacts.get(n % contacts.size());
            String path = paths.get(n % paths.size()).replace("{id}", id.toString());
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .timeout(REQUEST_TIMEOUT)
                    .GET()
                    .build();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (System.nanoTime() - deadlineNanos.get() > 0) {
                    return; // the bound has passed: whatever this answer was, the warm-up is over
                }
                if (status != 404 && status != 200) {
                    // 401: the token was not taken; 5xx: the database is away. Either way, stop warming.
                    if (unexpected.getAndIncrement() == 0) {
                        LOG.warnf("warm-up request answered %d (expected 200 or 404); stopping the warm-up", status);
                    }
                }
            } catch (IOException e) {
                if (stopping || System.nanoTime() - deadlineNanos.get() > 0) {
                    return; // the application is shutting down: the server no longer answers
                }
                if (unexpected.getAndIncrement() == 0) {
                    LOG.warnf("warm-up request failed (%s); stopping the warm-up", e.toString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String loopback(String host) {
        if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("localhost")) {
            return "127.0.0.1";
        }
        if (host.equals("::") || host.equals("[::]")) {
            return "[::1]";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** A random port (0, as in tests): the one Quarkus reports once bound; 0 when it cannot be found. */
    private int actualPort() {
        if (registry.isResolvable()) {
            Integer bound = registry.get().getOrDefault(HttpServer.HTTP_PORT, 0);
            if (bound != null && bound > 0) {
                return bound;
            }
        }
        var cfg = ConfigProvider.getConfig();
        return cfg.getOptionalValue("quarkus.http.test-port", Integer.class)
                .filter(p -> p > 0)
                .or(() -> cfg.getOptionalValue("quarkus.http.port", Integer.class))
                .orElse(0);
    }
}
