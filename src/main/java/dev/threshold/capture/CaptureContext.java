package dev.threshold.capture;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What a {@link CaptureSource} knows about the call: who the owner is, the zone of floating times (the profile's
 * {@code timeZone}, or the call's {@code tz}), the caps, and the one "now" of the whole run (items after it are
 * skipped as {@code future}), and the contact import for archives that carry contacts.
 */
public record CaptureContext(
        Me me, ZoneId zone, int maxAttendees, int maxRecipients, Instant now, ContactImport contacts) {

    /** The context of a source used on its own (tests, benchmarks): no contact import. */
    public CaptureContext(Me me, ZoneId zone, int maxAttendees, int maxRecipients, Instant now) {
        this(me, zone, maxAttendees, maxRecipients, now, null);
    }

    /**
     * The contact import, for an archive that carries contacts as well as interactions (LinkedIn's
     * {@code Connections.csv}): the contacts are created or filled in the capture's transaction before its interactions
     * are matched, and the report counts them.
     */
    @FunctionalInterface
    public interface ContactImport {
        /** Imports {@code csv} (read before returning, not closed), a file of the contact source {@code kind}. */
        void read(String kind, String fileName, InputStream csv) throws IOException;
    }
}
