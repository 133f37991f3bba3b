package dev.threshold.capture;

/**
 * Where a {@link CaptureSource} puts what it read: items, and the reasons items were skipped or unreadable. The
 * implementation ({@link CaptureService}) spools items to the database as they come, so a source never needs to hold
 * them.
 */
public interface CaptureSink {

    /** An item of the file (an event, a message, a chat line) was read: counts it in the report's {@code items}. */
    void read();

    /** One interaction to capture (one item with one other party). */
    void accept(Captured item);

    /**
     * An item a rule leaves out, counted under {@code reason} in the report's {@code interactions.skippedBy} (a short
     * camelCase code such as {@code mailingList}, {@code declinedByYou}).
     */
    void skip(String reason);

    /**
     * An item a rule leaves out, where it is: {@code file} is the entry of an archive that the source unpacks itself
     * (null: the file at hand), {@code line} its line (0 when unknown). Counted like {@link #skip(String)}.
     */
    default void skip(String file, long line, String reason) {
        skip(reason);
    }

    /**
     * An item that cannot be read: counted as skipped ({@code unreadable}) and listed in the report's {@code errors}.
     *
     * @param line the line of the file where the item starts (1-based), or 0 when the source has none
     * @param item the item's own id when known (a UID, a Message-ID), else null
     */
    void error(long line, String item, String message);

    /**
     * An item that cannot be read, in {@code file}: the entry of an archive that the source unpacks itself (null: the
     * file at hand). Otherwise as {@link #error(long, String, String)}.
     */
    default void error(String file, long line, String item, String message) {
        error(line, item, message);
    }

    /** A file of an archive that the source unpacks itself and does not use (media, LinkedIn's Skills.csv, …). */
    default void ignored(String file) {}

    /** Something the report should say about an item that was still captured (an unknown time zone, say). */
    void warning(long line, String item, String message);
}
