package dev.threshold.importing;

import dev.threshold.platform.persistence.Transactions;
import dev.threshold.platform.problem.ApiProblem;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs an import: one uploaded file of a {@link ContactSource} into one owner's contacts, and with LinkedIn's
 * optional messages.csv ({@link LinkedInMessageImport}), the same way for every source.
 *
 * <p>One transaction per import: rows are read as the upload streams in and merged in chunks of {@value #CHUNK}
 * ({@link ContactMatcher}), so memory holds one chunk whatever the file's size, while the transaction makes the
 * report exactly true: a file that turns out to be unreadable half-way (bad bytes, a broken quote, an interrupted
 * upload) is a 400 and writes nothing, and {@code dryRun} runs the very same import and rolls it back.
 */
@ApplicationScoped
public class ImportService {

    static final int CHUNK = 500;

    /** An uploaded file that can be opened (a spooled multipart part can be read twice; a request body once). */
    @FunctionalInterface
    public interface Upload {
        InputStream open() throws IOException;
    }

    private final Map<String, ContactSource> sources = new HashMap<>();
    private final ContactMatcher contacts;
    private final LinkedInMessageImport messages;

    ImportService(@All List<ContactSource> sources, ContactMatcher contacts, LinkedInMessageImport messages) {
        for (ContactSource source : sources) {
            if (this.sources.put(source.kind(), source) != null) {
                throw new IllegalStateException("two contact sources of kind " + source.kind());
            }
        }
        this.contacts = contacts;
        this.messages = messages;
    }

    /**
     * Imports {@code file}, a file of the source of that {@code kind} (and LinkedIn's {@code messagesFile}, if any).
     * Runs in the caller's transaction when there is one (an {@code Idempotency-Key} request, whose transaction
     * also stores the response), else in a new one of {@link Transactions#LONG_RUNNING} at most. With
     * {@code dryRun}, the transaction is rolled back (the caller's: it is marked rollback-only) and the report
     * says what the import would have done.
     */
    public ImportReport importFile(
            String owner, String kind, Upload file, Upload messagesFile, String me, boolean dryRun) {
        ContactSource source = sources.get(kind);
        if (source == null) {
            throw new IllegalArgumentException("no contact source of kind " + kind);
        }
        try {
            return QuarkusTransaction.joiningExisting()
                    .timeout((int) Transactions.LONG_RUNNING.toSeconds())
                    .call(() -> {
                        ImportReport report = run(owner, source, file, messagesFile, me, dryRun);
                        if (dryRun) {
                            throw new DryRun(report); // rolls the transaction back
                        }
                        return report;
                    });
        } catch (DryRun done) {
            return done.report;
        }
    }

    private ImportReport run(
            String owner, ContactSource source, Upload file, Upload messagesFile, String me, boolean dryRun) {
        ImportRun run = new ImportRun();
        try {
            try (RowSource rows = source.open(file.open())) {
                inChunks(rows, chunk -> contacts.merge(owner, chunk, run));
            }
            if (messagesFile != null) {
                messages.importAll(owner, messagesFile, me, run);
            }
        } catch (TextInput.UnreadableFile e) {
            throw new ApiProblem(400, "unreadable-file", "Unreadable file", e.getMessage(), null);
        } catch (IOException | UncheckedIOException e) {
            throw new ApiProblem(
                    400,
                    "unreadable-file",
                    "Unreadable file",
                    "The upload could not be read to its end; nothing was imported.",
                    null);
        }
        return run.report(dryRun);
    }

    /** Hands {@code rows} to {@code handler} in lists of {@value #CHUNK} (the last one may be shorter, or empty). */
    static <T> void inChunks(Iterator<T> rows, Consumer<List<T>> handler) {
        List<T> chunk = new ArrayList<>(CHUNK);
        while (rows.hasNext()) {
            chunk.add(rows.next());
            if (chunk.size() == CHUNK) {
                handler.accept(chunk);
                chunk.clear();
            }
        }
        handler.accept(chunk);
    }

    /** The end of a dry run: the report, thrown so that the transaction rolls back. */
    private static final class DryRun extends RuntimeException {
        private final transient ImportReport report;

        DryRun(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }
}
