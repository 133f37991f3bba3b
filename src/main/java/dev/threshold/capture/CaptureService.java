package dev.threshold.capture;

import dev.threshold.importing.ContactKeys;
import dev.threshold.importing.ImportService;
import dev.threshold.interaction.Exchanges;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.persistence.Transactions;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.score.math.InteractionType;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a capture: one upload of one {@link CaptureSource} kind into one owner's interactions, the same way for every
 * source. The entry point for the synchronous endpoints and for import jobs alike ({@link #capture}).
 *
 * <p>Two passes inside one transaction: the source's items are spooled as the upload streams in
 * ({@link CaptureStaging}, a temporary table, batches of {@value #BATCH}), then read back in party and time order,
 * grouped into exchanges (messages) and recorded in chunks of {@value #CHUNK} interactions or {@value #CHUNK_SOURCES}
 * source ids ({@link CaptureRecorder}). Memory holds a batch, a page, a chunk and the tallies of at most
 * {@value CaptureRun#SPILL_AT} unmatched people (more go to a temporary table, {@link CaptureStaging#unmatchedSpill}),
 * never the file, nor one exchange's messages. The transaction makes the
 * report exactly true: a file that turns out unreadable half-way is a 400 that writes nothing, and {@code dryRun}
 * runs the very same capture and rolls it back.
 */
@ApplicationScoped
public class CaptureService {

    static final int BATCH = 1000;
    static final int CHUNK = 500;
    /** At most this many source ids linked by one chunk (an exchange counts all its messages; a long one is alone). */
    static final int CHUNK_SOURCES = 20_000;

    static final int PAGE = 2000;
    static final int MAX_NOTE = 4000;
    static final int MAX_SOURCE_ID = 1000;
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final Map<String, CaptureSource> sources = new HashMap<>();
    private final ProfileService profiles;
    private final CaptureStaging staging;
    private final CaptureRecorder recorder;
    private final ImportService contactImport;
    private final Jdbc jdbc;

    CaptureService(
            @All List<CaptureSource> sources,
            ProfileService profiles,
            CaptureStaging staging,
            CaptureRecorder recorder,
            ImportService contactImport,
            Jdbc jdbc) {
        for (CaptureSource source : sources) {
            if (this.sources.put(source.kind(), source) != null) {
                throw new IllegalStateException("two capture sources of kind " + source.kind());
            }
        }
        this.profiles = profiles;
        this.staging = staging;
        this.recorder = recorder;
        this.contactImport = contactImport;
        this.jdbc = jdbc;
    }

    /** The kinds of capture there are (one per {@link CaptureSource}). */
    public Set<String> kinds() {
        return Set.copyOf(sources.keySet());
    }

    /**
     * Captures {@code body} (a file of the source of that {@code kind}: the file itself, a multipart upload of such
     * files, or a zip of them, as {@code mediaType} says) into {@code owner}'s interactions and returns the report.
     * Runs in the caller's transaction when there is one (an {@code Idempotency-Key} request, whose transaction also
     * stores the response), else in a new one of {@link Transactions#LONG_RUNNING} at most; with
     * {@code options.dryRun()} that transaction is rolled back. The caller owns {@code body} (an import job may wrap
     * it to count bytes). A file that cannot be read is an {@link ApiProblem} 400 {@code unreadable-file}.
     */
    public CaptureReport capture(
            String owner, String kind, InputStream body, String mediaType, CaptureOptions options) {
        CaptureSource source = sources.get(kind);
        if (source == null) {
            throw new IllegalArgumentException("no capture source of kind " + kind);
        }
        try {
            return QuarkusTransaction.joiningExisting()
                    .timeout((int) Transactions.LONG_RUNNING.toSeconds())
                    .call(() -> {
                        CaptureReport report = run(owner, source, body, mediaType, options);
                        if (options.dryRun()) {
                            throw new DryRun(report); // rolls the transaction back
                        }
                        return report;
                    });
        } catch (DryRun done) {
            return done.report;
        }
    }

    private CaptureReport run(
            String owner, CaptureSource source, InputStream body, String mediaType, CaptureOptions options) {
        Profile profile = profiles.get(owner);
        ZoneId zone = options.zone() != null ? options.zone() : ZoneId.of(profile.timeZone());
        Me me = new Me(profile, options.me());
        CaptureRun run = new CaptureRun(staging.unmatchedSpill());
        CaptureContext context = new CaptureContext(
                me,
                zone,
                options.maxAttendees(),
                options.maxRecipients(),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                // in this transaction, never a dry run of its own: the capture's dry run rolls it back with the rest
                (contactKind, fileName, csv) -> run.contacts(
                        fileName, contactImport.importFile(owner, contactKind, () -> csv, null, null, false)));
        jdbc.statementTimeout(Transactions.LONG_RUNNING);
        staging.open();
        Spool spool = new Spool(source.kind(), context, run);
        try {
            CaptureFiles.each(body, mediaType, source, new CaptureFiles.Visitor() {
                @Override
                public void file(InputStream in, String name, String type) throws IOException {
                    spool.file = name;
                    source.read(in, name, type, context, spool);
                }

                @Override
                public void ignored(String name) {
                    run.ignored(name);
                }
            });
        } catch (CaptureSource.Unreadable e) {
            if (e.field() != null) {
                throw ApiProblem.invalid(e.field(), e.getMessage());
            }
            throw new ApiProblem(400, "unreadable-file", "Unreadable file", e.getMessage(), null);
        } catch (IOException | UncheckedIOException e) {
            throw new ApiProblem(
                    400,
                    "unreadable-file",
                    "Unreadable file",
                    "The upload could not be read to its end; nothing was imported.",
                    null);
        }
        spool.flush();
        staging.seal();
        recordAll(owner, source.kind(), options.createContacts(), run);
        return run.report(options.dryRun());
    }

    /**
     * Reads the spool back by party and time, groups each party's messages into exchanges as they come (holding none
     * of them: an exchange is known by its first and last item, {@link CaptureStaging.Span}), records in chunks.
     */
    private void recordAll(String owner, String kind, boolean createContacts, CaptureRun run) {
        Chunk chunk = new Chunk(owner, kind, createContacts, run);
        Exchanges.Stream<CaptureStaging.Row> exchanges = new Exchanges.Stream<>(e -> chunk.add(
                new CaptureRecorder.Pending(
                        e.first().party(),
                        InteractionType.MESSAGE,
                        e.direction(),
                        e.first().channel(),
                        e.at(),
                        e.first().note(),
                        CaptureStaging.Span.of(e.first(), e.last())),
                e.messages()));
        CaptureStaging.Row last = null;
        while (true) {
            List<CaptureStaging.Row> page = staging.page(last, PAGE);
            for (CaptureStaging.Row r : page) {
                if (r.type() == InteractionType.MESSAGE) {
                    exchanges.add(new Exchanges.Message<>(r.partyKey(), r.at(), r.direction(), r));
                } else {
                    chunk.add(
                            new CaptureRecorder.Pending(
                                    r.party(),
                                    r.type(),
                                    r.direction(),
                                    r.channel(),
                                    r.at(),
                                    r.note(),
                                    CaptureStaging.Span.of(r, r)),
                            1);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            last = page.get(page.size() - 1);
        }
        exchanges.end();
        chunk.record();
    }

    /**
     * The interactions waiting to be recorded: recorded once there are {@value #CHUNK} of them or they link
     * {@value #CHUNK_SOURCES} source ids (an exchange longer than that is recorded with what came before it).
     */
    private final class Chunk {
        private final String owner;
        private final String kind;
        private final boolean createContacts;
        private final CaptureRun run;
        private final List<CaptureRecorder.Pending> pending = new ArrayList<>(CHUNK);
        private long sources;

        Chunk(String owner, String kind, boolean createContacts, CaptureRun run) {
            this.owner = owner;
            this.kind = kind;
            this.createContacts = createContacts;
            this.run = run;
        }

        void add(CaptureRecorder.Pending p, long itsSources) {
            pending.add(p);
            sources += itsSources;
            if (pending.size() >= CHUNK || sources >= CHUNK_SOURCES) {
                record();
            }
        }

        void record() {
            recorder.record(owner, kind, pending, createContacts, run);
            pending.clear();
            sources = 0;
        }
    }

    /** The sink of the sources: checks each item and spools it in batches. */
    private final class Spool implements CaptureSink {
        private final String kind;
        private final CaptureContext context;
        private final CaptureRun run;
        private final List<CaptureStaging.Row> batch = new ArrayList<>(BATCH);
        private long seq;
        String file;

        Spool(String kind, CaptureContext context, CaptureRun run) {
            this.kind = kind;
            this.context = context;
            this.run = run;
        }

        @Override
        public void read() {
            run.items++;
        }

        @Override
        public void accept(Captured c) {
            if (c.party() == null || c.at() == null || c.type() == null) {
                throw new IllegalArgumentException("a captured item needs a party, an instant and a type");
            }
            if (c.sourceId() == null && c.type() != InteractionType.MESSAGE) {
                throw new IllegalArgumentException("only a message may come without a source id");
            }
            if (!kind.equals(c.sourceKind())) {
                throw new IllegalArgumentException("a " + kind + " source emitted an item of kind " + c.sourceKind());
            }
            if (context.me().is(c.party())) {
                return; // the owner is not a party of their own interactions
            }
            if (c.at().isAfter(context.now().plus(FUTURE_TOLERANCE))) {
                run.skip("future");
                return;
            }
            String key = partyKey(c.party());
            if (key == null) {
                run.skip("nobody");
                return;
            }
            batch.add(new CaptureStaging.Row(
                    seq++,
                    key,
                    c.party(),
                    c.sourceId() == null ? null : sourceId(c.sourceId()),
                    c.type(),
                    c.direction(),
                    c.channel(),
                    c.at().truncatedTo(ChronoUnit.MICROS),
                    note(c.note())));
            if (batch.size() >= BATCH) {
                flush();
            }
        }

        @Override
        public void skip(String reason) {
            run.skip(reason);
        }

        @Override
        public void error(long line, String item, String message) {
            run.error(file, line, item, message);
        }

        @Override
        public void error(String entry, long line, String item, String message) {
            run.error(entry != null ? entry : file, line, item, message);
        }

        @Override
        public void ignored(String entry) {
            run.ignored(entry);
        }

        @Override
        public void warning(long line, String item, String message) {
            run.warning(file, line, item, message);
        }

        void flush() {
            staging.append(batch);
            batch.clear();
        }
    }

    /** The key a party is grouped and counted by: their first match key, else their name. */
    static String partyKey(Party p) {
        List<String> keys = ContactKeys.keys(p.email(), p.phone(), p.linkedin());
        if (!keys.isEmpty()) {
            return keys.get(0);
        }
        String name = ContactKeys.nameKey(p.name());
        return name == null || name.isEmpty() ? null : "name:" + name;
    }

    static String note(String note) {
        if (note == null) {
            return null;
        }
        String n = note.replace('\u0000', ' ').strip();
        if (n.isEmpty()) {
            return null;
        }
        return n.length() <= MAX_NOTE ? n : n.substring(0, MAX_NOTE - 1) + "…";
    }

    /** A source id as stored: as given up to {@value #MAX_SOURCE_ID} characters, else its SHA-256. */
    static String sourceId(String id) {
        if (id.length() <= MAX_SOURCE_ID && id.indexOf('\u0000') < 0) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The end of a dry run: the report, thrown so that the transaction rolls back. */
    private static final class DryRun extends RuntimeException {
        private final transient CaptureReport report;

        DryRun(CaptureReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }
}
