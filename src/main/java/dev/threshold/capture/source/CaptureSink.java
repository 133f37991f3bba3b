package dev.threshold.capture.source;

import dev.threshold.capture.Captured;

/**
 * Where a source hands what it reads, in file order: the items, and per item (by file and line) what could not be
 * read or was left out on purpose. A source never aborts a file for one bad item; it throws
 * {@link UnreadableExport} only when the file as a whole is not of its kind.
 */
public interface CaptureSink {

    /** One captured item (one message with one party, one endorsement, …). */
    void item(Captured item);

    /** An item that could not be read (a bad date, a missing sender): reported by line; the file goes on. */
    void error(String file, long line, String message);

    /** An item left out on purpose (a system line, a service message, an invitation without a message). */
    default void skipped(String file, long line, String reason) {}

    /** A file of an archive that this source does not use (media files, LinkedIn's Profile.csv, …). */
    default void ignored(String file) {}
}
