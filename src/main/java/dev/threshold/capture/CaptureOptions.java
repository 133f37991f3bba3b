package dev.threshold.capture;

import java.time.ZoneId;
import java.util.List;

/**
 * The options of one capture, as the query parameters give them.
 *
 * @param dryRun report what would happen and write nothing
 * @param createContacts create a contact for each party that matches none (else they are listed as unmatched)
 * @param me identities added to the profile's for this call (e-mails, phones, LinkedIn URLs, names)
 * @param maxAttendees an event with more participants is skipped (calendar; default 20)
 * @param maxRecipients a message of the owner to more recipients is skipped (mail; default 20)
 * @param zone the zone of floating times for this call, else (null) the profile's
 */
public record CaptureOptions(
        boolean dryRun, boolean createContacts, List<String> me, int maxAttendees, int maxRecipients, ZoneId zone) {

    public static final int DEFAULT_MAX_ATTENDEES = 20;
    public static final int DEFAULT_MAX_RECIPIENTS = 20;

    public CaptureOptions {
        me = me == null ? List.of() : List.copyOf(me);
    }

    /** The defaults: a real run, no contacts created, the profile as it is. */
    public static CaptureOptions defaults() {
        return new CaptureOptions(false, false, List.of(), DEFAULT_MAX_ATTENDEES, DEFAULT_MAX_RECIPIENTS, null);
    }
}
