package dev.threshold.importing;

import java.util.ArrayList;
import java.util.List;

/** The tallies of one import while it runs. */
final class ImportRun {

    static final int MAX_ERRORS = 1000;

    long created;
    long updated;
    long unchanged;
    long skipped;
    long messagesCreated;
    long messagesUnchanged;
    long messagesSkipped;
    boolean hasMessages;
    private final List<ImportReport.LineError> errors = new ArrayList<>();
    private final List<ImportReport.LineError> warnings = new ArrayList<>();

    void skip(long line, String message) {
        skipped++;
        error(line, message, null);
    }

    void skipMessage(long line, String message) {
        messagesSkipped++;
        if (message != null) {
            error(line, message, "messages");
        }
    }

    /** A row imported without one of its optional fields. */
    void warn(long line, String message) {
        if (warnings.size() < MAX_ERRORS) {
            warnings.add(new ImportReport.LineError(line, message, null));
        }
    }

    private void error(long line, String message, String file) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ImportReport.LineError(line, message, file));
        }
    }

    ImportReport report(boolean dryRun) {
        return new ImportReport(
                dryRun,
                created,
                updated,
                unchanged,
                skipped,
                List.copyOf(errors),
                List.copyOf(warnings),
                hasMessages
                        ? new ImportReport.MessagesReport(messagesCreated, messagesUnchanged, messagesSkipped)
                        : null);
    }
}
