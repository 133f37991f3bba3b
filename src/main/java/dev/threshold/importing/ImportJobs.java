package dev.threshold.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.persistence.Ids;
import dev.threshold.platform.problem.ApiProblem;
import io.quarkus.arc.All;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs imports, synchronously or as jobs, the same way for every {@link ImportKind} (docs/importing.md, "Jobs").
 *
 * <p>{@link #accept} decides: a request with {@code Prefer: respond-async}, or a body larger than
 * {@code threshold.imports.async-threshold} (32 MB), becomes a job; any other runs while the request waits (200 with
 * the report). A job's body is first spooled to disk ({@link ImportSpool}) while the request receives it, with no
 * transaction and no database connection held, so a slow client costs a request thread and a file, nothing more;
 * then the job is stored QUEUED and the request answers 202. After that commit (a keyed request's transaction is
 * committed by platform.reliability.Idempotency after the resource returns) a worker of this instance (at most
 * {@code concurrency} at once) runs it from the file: RUNNING, the kind's run (which opens its own transaction),
 * then SUCCEEDED with the report or FAILED with the reason in words, and the file is deleted.
 *
 * <p>Progress and liveness: workers count the bytes the import reads; every {@code heartbeat} (2 s) one statement
 * writes the counts of all of this instance's live jobs and renews their lease. Every instance's sweep ends FAILED the
 * QUEUED and RUNNING jobs whose lease ran out ({@code lease}, 30 s): their instance died. The import itself is one
 * transaction (contacts) or idempotent by source ids (captures), so running the same file again completes it. The
 * sweep also runs at start-up, and the start-up deletes spooled files that no live job claims.
 *
 * <p>Every end fires {@link ImportFinished} once what the import wrote is committed.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    static final String PREFER = "Prefer";
    static final String RESPOND_ASYNC = "respond-async";
    static final String CRASHED = "The service instance running this import stopped before it finished (a crash or a"
            + " restart). What it had imported was rolled back or is already there; run the same file again to"
            + " complete it: imports are idempotent.";
    private static final int SWEEP_LIMIT = 100;

    /** Opens part {@code i} of a job's body, counting the bytes read. */
    @FunctionalInterface
    interface Parts {
        InputStream open(int part) throws IOException;
    }

    /** What a job runs: its import over its spooled parts, returning the report. */
    @FunctionalInterface
    interface Work {
        Object run(Parts parts) throws IOException;
    }

    /** A job of this instance, queued or running: what the heartbeat writes. */
    static final class Live {
        private final String owner;
        private final UUID id;
        private final AtomicLong read = new AtomicLong();

        Live(String owner, UUID id) {
            this.owner = owner;
            this.id = id;
        }

        String owner() {
            return owner;
        }

        UUID id() {
            return id;
        }

        long bytesRead() {
            return read.get();
        }
    }

    /** The {@code Prefer} header's description on every import and capture operation (OpenAPI). */
    public static final String PREFER_DESCRIPTION =
            "`respond-async` runs the import as a job: 202 with the job, `Location: /api/v1/imports/{id}` and"
                    + " `Preference-Applied: respond-async`; follow it with GET /imports/{id}. A body over 32 MB runs"
                    + " as a job without asking.";

    private final Map<String, ImportKind> kinds = new HashMap<>();
    private final ImportJobStore store;
    private final ImportSpool spool;
    private final ImportJobsConfig config;
    private final ObjectMapper json;
    private final Event<ImportFinished> finished;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final String instance;

    ImportJobs(
            @All List<ImportKind> kinds,
            ImportJobStore store,
            ImportSpool spool,
            ImportJobsConfig config,
            ObjectMapper json,
            Event<ImportFinished> finished,
            TransactionSynchronizationRegistry transactions) {
        for (ImportKind kind : kinds) {
            if (this.kinds.put(kind.kind(), kind) != null) {
                throw new IllegalStateException("two import kinds named " + kind.kind());
            }
        }
        this.store = store;
        this.spool = spool;
        this.config = config;
        this.json = json;
        this.finished = finished;
        this.transactions = transactions;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.concurrency()), r -> {
            Thread t = new Thread(r, "import-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.instance = instanceName();
    }

    /**
     * Answers an import request of a registered {@code kind}: 200 with the report when it runs now, 202 with the
     * job (and {@code Location}, {@code Preference-Applied}) when it runs as a job. {@code options} are the request's
     * query parameters ({@code dryRun}, {@code me}, …), handed to the kind as they are.
     */
    public Response accept(
            String kind, String owner, InputStream body, HttpHeaders headers, Map<String, String> options) {
        ImportKind runner = kinds.get(kind);
        if (runner == null) {
            throw new IllegalArgumentException("no import kind " + kind + " is registered");
        }
        String mediaType = headers.getMediaType() == null
                ? MediaType.APPLICATION_OCTET_STREAM
                : headers.getMediaType().toString();
        Map<String, String> opts = Map.copyOf(options);
        return accept(
                owner,
                kind,
                body,
                declaredLength(headers),
                prefersAsync(headers),
                dryRun(opts),
                parts -> runner.run(owner, parts.open(0), mediaType, opts));
    }

    /** The same for a body this feature reads itself: {@code work} runs on the body, now or as a job. */
    Response accept(
            String owner,
            String kind,
            InputStream body,
            Long declaredLength,
            boolean preferAsync,
            boolean dryRun,
            Work work) {
        long threshold = config.asyncThreshold().asLongValue();
        if (!preferAsync && declaredLength != null && declaredLength <= threshold) {
            return Response.ok(runNow(owner, kind, dryRun, part -> body, work)).build();
        }
        UUID id = Ids.timeOrdered();
        long size = spool.receive(id, 0, body, declaredLength);
        if (!preferAsync && size <= threshold) {
            // a body sent without a length that turned out small: it runs now, from its file
            try {
                return Response.ok(
                                runNow(owner, kind, dryRun, part -> Files.newInputStream(spool.file(id, part)), work))
                        .build();
            } finally {
                spool.deleteAll(id, 1);
            }
        }
        return submit(owner, id, kind, dryRun, size, 1, work);
    }

    /**
     * A job over files already on this instance's disk (multipart parts Quarkus spooled): they are moved into the
     * spool, then as {@link #accept}. Runs now when neither {@code preferAsync} nor the size asks for a job.
     */
    Response acceptFiles(String owner, String kind, List<Path> files, boolean preferAsync, boolean dryRun, Work work) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!preferAsync && total <= config.asyncThreshold().asLongValue()) {
            return Response.ok(runNow(owner, kind, dryRun, part -> Files.newInputStream(files.get(part)), work))
                    .build();
        }
        UUID id = Ids.timeOrdered();
        try {
            for (int i = 0; i < files.size(); i++) {
                spool.adopt(id, i, files.get(i));
            }
        } catch (RuntimeException e) {
            spool.deleteAll(id, files.size());
            throw e;
        }
        return submit(owner, id, kind, dryRun, total, files.size(), work);
    }

    /** Whether a request asked for an asynchronous answer ({@code Prefer: respond-async}, RFC 7240). */
    static boolean prefersAsync(HttpHeaders headers) {
        List<String> values = headers.getRequestHeader(PREFER);
        if (values == null) {
            return false;
        }
        for (String value : values) {
            for (String preference : value.split(",")) {
                String token = preference.split(";", 2)[0].split("=", 2)[0].strip();
                if (token.toLowerCase(Locale.ROOT).equals(RESPOND_ASYNC)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Long declaredLength(HttpHeaders headers) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || length.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean dryRun(Map<String, String> options) {
        return ImportResource.flag(options.get("dryRun"));
    }

    private Object runNow(String owner, String kind, boolean dryRun, Parts parts, Work work) {
        Object report;
        try {
            report = work.run(parts);
        } catch (IOException e) {
            throw unreadable();
        }
        if (!dryRun) {
            ImportFinished event =
                    new ImportFinished(owner, null, kind, ImportJob.SUCCEEDED, summary(json.valueToTree(report)), null);
            afterCommit(() -> finished.fire(event), () -> {});
        }
        return report;
    }

    private Response submit(String owner, UUID id, String kind, boolean dryRun, long size, int parts, Work work) {
        try {
            store.insert(owner, id, kind, dryRun, size, instance);
        } catch (RuntimeException e) {
            spool.deleteAll(id, parts);
            throw e;
        }
        // the job as accepted (QUEUED), read before its worker may start: a small job can end before the 202 is written
        ImportJob queued = store.find(owner, id).orElseThrow();
        Live job = new Live(owner, id);
        afterCommit(
                () -> {
                    live.put(id, job);
                    workers.execute(() -> run(job, kind, parts, work));
                },
                () -> spool.deleteAll(id, parts));
        return Response.accepted(queued)
                .header(HttpHeaders.LOCATION, "/api/v1/imports/" + id)
                .header("Preference-Applied", RESPOND_ASYNC)
                .build();
    }

    /** A job, on a worker thread. */
    private void run(Live job, String kind, int parts, Work work) {
        JsonNode report = null;
        String error = null;
        try {
            if (!store.start(job.owner(), job.id())) {
                return; // the sweep ended it while it waited (this instance looked dead)
            }
            // a request context of its own, as the import would have in a request (the scoring reads per-owner state
            // through request-scoped beans)
            ManagedContext context = Arc.container().requestContext();
            context.activate();
            try {
                Object result =
                        work.run(part -> new Counting(Files.newInputStream(spool.file(job.id(), part)), job.read));
                report = json.valueToTree(result);
            } finally {
                context.terminate();
            }
        } catch (ApiProblem e) {
            error = e.getMessage() != null ? e.getMessage() : e.title();
        } catch (IOException | UncheckedIOException e) {
            error = "The file could not be read from the service's disk; nothing was imported.";
            LOG.warnf("Import job %s could not read its spooled body: %s", job.id(), e.getMessage());
        } catch (RuntimeException e) {
            error = "The import failed unexpectedly; nothing was imported. It has been logged; running the same file"
                    + " again may complete it.";
            LOG.errorf(e, "Import job %s failed", job.id());
        } finally {
            live.remove(job.id());
            spool.deleteAll(job.id(), parts);
        }
        String status = error == null ? ImportJob.SUCCEEDED : ImportJob.FAILED;
        try {
            store.finish(job.owner(), job.id(), status, report, error, job.bytesRead());
        } catch (RuntimeException e) {
            // the database went away: the sweep will end it FAILED, a re-run completes it
            LOG.errorf("Import job %s ended %s but could not be recorded: %s", job.id(), status, e.getMessage());
            return;
        }
        fire(new ImportFinished(
                job.owner(), job.id(), kind, status, report == null ? Map.of() : summary(report), error));
    }

    private void fire(ImportFinished event) {
        try {
            finished.fire(event);
        } catch (RuntimeException e) {
            LOG.warnf("An observer of ImportFinished failed: %s", e.getMessage());
        }
    }

    /** Runs {@code committed} after the caller's transaction commits ({@code rolledBack} otherwise), or at once. */
    private void afterCommit(Runnable committed, Runnable rolledBack) {
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            committed.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed.run();
                } else {
                    rolledBack.run();
                }
            }
        });
    }

    @Scheduled(
            identity = "import-job-heartbeat",
            every = "{threshold.imports.heartbeat}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        Collection<Live> jobs = new ArrayList<>(live.values());
        if (jobs.isEmpty()) {
            return;
        }
        try {
            store.heartbeat(instance, jobs);
        } catch (RuntimeException e) {
            LOG.warnf("Writing the import jobs' heartbeat failed: %s", e.getMessage());
        }
    }

    @Scheduled(
            identity = "import-job-sweep",
            every = "{threshold.imports.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf("Sweeping import jobs failed: %s", e.getMessage());
        }
    }

    /** Ends FAILED every job whose instance stopped renewing its lease; how many. */
    int sweep() {
        int total = 0;
        List<ImportJobStore.Swept> swept;
        do {
            swept = store.sweep(config.lease(), CRASHED, SWEEP_LIMIT);
            for (ImportJobStore.Swept job : swept) {
                LOG.infof("Import job %s lost its instance; it is FAILED", job.id());
                fire(new ImportFinished(job.owner(), job.id(), job.kind(), ImportJob.FAILED, Map.of(), CRASHED));
            }
            total += swept.size();
        } while (swept.size() == SWEEP_LIMIT);
        return total;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            sweep();
            int deleted = spool.clean(config.lease(), store::live);
            if (deleted > 0) {
                LOG.infof("Deleted %d spooled import files no live job claims", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("The start-up check of import jobs failed (%s); the sweep will retry", e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        workers.shutdownNow();
    }

    Optional<ImportJob> find(String owner, UUID id) {
        return store.find(owner, id);
    }

    Page<ImportJob> page(String owner, PageRequest page) {
        return store.page(owner, page);
    }

    /** The report's numbers as flat names: {@code created}, {@code messages.created}, … */
    static Map<String, Long> summary(JsonNode report) {
        Map<String, Long> summary = new LinkedHashMap<>();
        flatten("", report, summary);
        return summary;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Long> into) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isIntegralNumber()) {
                into.put(prefix + field.getKey(), field.getValue().asLong());
            } else if (field.getValue().isObject()) {
                flatten(prefix + field.getKey() + ".", field.getValue(), into);
            }
        }
    }

    private static ApiProblem unreadable() {
        return new ApiProblem(
                400,
                "unreadable-file",
                "Unreadable file",
                "The upload could not be read to its end; nothing was imported.",
                null);
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Counts the bytes an import reads from its spooled file, for the heartbeat. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count.addAndGet(skipped);
            return skipped;
        }
    }
}
