package dev.threshold.capture;

import java.io.IOException;
import java.io.InputStream;

/**
 * One kind of export that capture reads (a calendar, a mailbox, a chat, LinkedIn's archive): adding a source is one
 * class that implements this and is an {@code @ApplicationScoped} bean; {@link CaptureService} finds it by
 * {@link #kind()}. The source only reads: it turns a file into {@link Captured} items (one per item and other party,
 * never the owner) and tells the sink about what it skipped and could not read. Unpacking (multipart uploads, zip
 * archives), exchange grouping, matching, the unmatched report, idempotent recording by source id, dry runs and the
 * report are written once, in {@link CaptureService}.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #read} streams: it must not hold the whole file (a mailbox may be 4 GB), only the item at hand; what it
 *       emits is spooled by the sink to the database, not held in memory.
 *   <li>Each item of the file (an event, a message, a chat line) is counted once with {@link CaptureSink#read()};
 *       what becomes of it is told with {@link CaptureSink#accept} (one per other party and instance),
 *       {@link CaptureSink#skip} (a rule said no, counted by reason: once per item, or once per instance of a
 *       recurring event) or {@link CaptureSink#error} (it cannot be read: listed by line or id). A bad item never
 *       aborts the file.
 *   <li>A file that cannot be read as a whole (not this kind of file at all) throws {@link Unreadable} (a 400 that
 *       writes nothing); an {@link IOException} of the stream means the upload was cut off (also a 400).
 *   <li>{@link Captured#sourceKind()} is {@link #kind()}; {@link Captured#sourceId()} is stable across exports of the
 *       same data and unique per item and party (e.g. {@code <Message-ID>|bob@example.com}), at most 1,000
 *       characters; {@link Captured#at()} is not after {@link CaptureContext#now()}; {@code note} is what the
 *       interaction's note should be (cut to 4,000 characters by the sink).
 *   <li>Messages ({@code type} MESSAGE) are grouped into exchanges by the service, per party: emit one per message,
 *       INBOUND (they wrote) or OUTBOUND (the owner wrote). Other types are recorded as emitted.
 * </ul>
 */
public interface CaptureSource {

    /** The export kind, stored as the interactions' source kind: {@code calendar}, {@code mail}, {@code whatsapp}… */
    String kind();

    /**
     * Whether a part of a multipart upload or an entry of a zip archive is a file of this source, by its name (may be
     * null) and media type (may be null). Parts and entries it does not read are listed in the report as ignored.
     */
    boolean reads(String fileName, String mediaType);

    /**
     * Reads one file (the body, a part of a multipart upload, an entry of a zip archive).
     *
     * @param in the file's bytes; not to be closed by the source
     * @param fileName the part's or entry's file name, null for a plain body
     * @param mediaType the media type the client declared (may be null or generic, e.g. application/octet-stream)
     */
    void read(InputStream in, String fileName, String mediaType, CaptureContext context, CaptureSink sink)
            throws IOException;

    /**
     * Whether the source reads a zip archive itself (an archive whose entries depend on each other, such as LinkedIn's
     * export), rather than having {@link CaptureService} unpack it and hand it the entries it {@link #reads}.
     */
    default boolean readsArchives() {
        return false;
    }

    /**
     * The file is not of this kind at all (or broken beyond reading): a 400 {@code unreadable-file}, nothing written;
     * or, with {@link #field()} {@code me}, the owner cannot be told apart in it: a 400 naming that parameter.
     */
    class Unreadable extends RuntimeException {
        private final String field;

        public Unreadable(String message) {
            this(message, null);
        }

        public Unreadable(String message, String field) {
            super(message, null, false, false);
            this.field = field;
        }

        /** The request parameter that would settle it ({@code me}), or null when the file itself is at fault. */
        public String field() {
            return field;
        }
    }
}
