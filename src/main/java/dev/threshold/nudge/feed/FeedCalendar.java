package dev.threshold.nudge.feed;

import dev.threshold.network.Recommendation;
import dev.threshold.score.math.Tier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The owner's next moves as an RFC 5545 calendar: one all-day event per recommendation (contact and reason), on the
 * day it is due in {@code zone} ({@link Recommendation#dueAt()}), with a UID stable per contact and reason so that
 * calendar apps update an event rather than add another.
 */
final class FeedCalendar {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private FeedCalendar() {}

    static String render(List<Recommendation> moves, ZoneId zone, Instant stamp) {
        Ics ics = new Ics()
                .line("BEGIN", "VCALENDAR")
                .line("VERSION", "2.0")
                .line("PRODID", "-//Threshold//Next moves//EN")
                .line("CALSCALE", "GREGORIAN")
                .line("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", "Threshold: next moves")
                .line("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
                .line("X-PUBLISHED-TTL", "PT1H");
        for (Recommendation r : moves) {
            LocalDate day = r.dueAt().atZone(zone).toLocalDate();
            ics.line("BEGIN", "VEVENT")
                    .text("UID", r.contactId() + "-" + r.reason() + "@threshold")
                    .utc("DTSTAMP", stamp)
                    .date("DTSTART", day)
                    .date("DTEND", day.plusDays(1))
                    .text("SUMMARY", summary(r, zone))
                    .text("DESCRIPTION", r.detail() + ". Suggested: " + suggestion(r.suggestedInteraction()) + ".")
                    .text("CATEGORIES", r.reason().name())
                    .line("TRANSP", "TRANSPARENT")
                    .line("END", "VEVENT");
        }
        if (moves.isEmpty()) {
            // RFC 5545 3.6: a calendar has at least one component; an experimental one says there is nothing to do
            ics.line("BEGIN", "X-THRESHOLD-NOTHING-DUE")
                    .text("X-THRESHOLD-NOTE", "No next moves now")
                    .line("END", "X-THRESHOLD-NOTHING-DUE");
        }
        return ics.line("END", "VCALENDAR").toString();
    }

    /** "Reconnect with Dana Scully: drops to Acquaintance on 9 Dec". */
    static String summary(Recommendation r, ZoneId zone) {
        String name = r.displayName();
        return switch (r.reason()) {
            case TIER_DROP_SOON -> "Reconnect with " + name + ": drops to " + words(below(r.tier())) + " on "
                    + DAY_MONTH.format(r.dueAt().atZone(zone));
            case NEXT_TIER_CLOSE -> "Reach out to " + name + ": close to "
                    + words(r.tier().next() == null ? r.tier() : r.tier().next());
            case CADENCE_DUE -> "Catch up with " + name + ": your regular touch is due";
            case REKINDLE -> "Rekindle with " + name + ": a once strong tie gone quiet";
        };
    }

    private static Tier below(Tier tier) {
        return tier.previous() == null ? tier : tier.previous();
    }

    static String words(Tier tier) {
        String n = tier.name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

    /** "a mutual meeting", "an outbound message". */
    static String suggestion(Recommendation.SuggestedInteraction s) {
        String words = s.direction().name().toLowerCase(Locale.ROOT) + " "
                + s.type().name().toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }
}
