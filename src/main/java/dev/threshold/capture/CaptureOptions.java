package dev.threshold.capture;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** One {@code me} value per line in {@link #toParams}: a line break is in no e-mail, phone, URL or name. */
    private static final String LINES = "\n";

    /** The options as an import job keeps its parameters (strings by name); {@link #fromParams} reads them back. */
    public Map<String, String> toParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("dryRun", Boolean.toString(dryRun));
        params.put("createContacts", Boolean.toString(createContacts));
        params.put("me", String.join(LINES, me));
        params.put("maxAttendees", Integer.toString(maxAttendees));
        params.put("maxRecipients", Integer.toString(maxRecipients));
        params.put("tz", zone == null ? "" : zone.getId());
        return params;
    }

    /** The options {@link #toParams} wrote (validated when the request came in). */
    public static CaptureOptions fromParams(Map<String, String> params) {
        String me = params.getOrDefault("me", "");
        String tz = params.getOrDefault("tz", "");
        return new CaptureOptions(
                Boolean.parseBoolean(params.get("dryRun")),
                Boolean.parseBoolean(params.get("createContacts")),
                me.isEmpty() ? List.of() : Arrays.asList(me.split(LINES)),
                Integer.parseInt(params.getOrDefault("maxAttendees", Integer.toString(DEFAULT_MAX_ATTENDEES))),
                Integer.parseInt(params.getOrDefault("maxRecipients", Integer.toString(DEFAULT_MAX_RECIPIENTS))),
                tz.isEmpty() ? null : ZoneId.of(tz));
    }
}
