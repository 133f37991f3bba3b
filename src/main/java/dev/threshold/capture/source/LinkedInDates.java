package dev.threshold.capture.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * The dates of LinkedIn's export files, which differ from file to file: {@code 2024-03-15 10:22:31 UTC}
 * (messages.csv), {@code 2021/03/15 14:02:11 UTC} (endorsements), {@code 2/7/22, 10:15 AM} (invitations,
 * recommendations: US month first), ISO instants, and bare dates ({@code 15 Mar 2024}, {@code 2/7/22},
 * {@code 2024-03-15}). A {@code UTC} suffix means UTC; a time without one is read in the given zone.
 */
final class LinkedInDates {

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            f("uuuu-MM-dd HH:mm[:ss]"),
            f("uuuu-MM-dd'T'HH:mm[:ss]"),
            f("uuuu/MM/dd HH:mm[:ss]"),
            f("M/d/", "[,] h:mm[:ss] a"),
            f("M/d/uuuu[,] h:mm[:ss] a"),
            f("M/d/", "[,] H:mm[:ss]"),
            f("M/d/uuuu[,] H:mm[:ss]"));

    private static final List<DateTimeFormatter> DATES =
            List.of(f("uuuu-MM-dd"), f("uuuu/MM/dd"), f("M/d/", ""), f("M/d/uuuu"), f("d MMM uuuu"), f("MMM d, uuuu"));

    private LinkedInDates() {}

    private static DateTimeFormatter f(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }

    /** A pattern with a two-digit year (1950–2049) between its two halves. */
    private static DateTimeFormatter f(String before, String after) {
        DateTimeFormatterBuilder b =
                new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(before);
        b.appendValueReduced(ChronoField.YEAR, 2, 2, 1950);
        if (!after.isEmpty()) {
            b.appendPattern(after);
        }
        return b.toFormatter(Locale.ENGLISH);
    }

    /** The instant, or null when the text is no date this knows. */
    static Instant parse(String raw, ZoneId zone) {
        if (raw == null) {
            return null;
        }
        String s = Texts.plainSpaces(raw).strip().replaceAll("\\s+", " ");
        ZoneId z = zone;
        if (s.toUpperCase(Locale.ROOT).endsWith(" UTC")) {
            s = s.substring(0, s.length() - 4).strip();
            z = ZoneOffset.UTC;
        }
        if (s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // not an instant with an offset
        }
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return LocalDateTime.parse(s, f).atZone(z).toInstant();
            } catch (DateTimeParseException e) {
                // the next layout
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f).atStartOfDay(z).toInstant();
            } catch (DateTimeParseException e) {
                // the next layout
            }
        }
        return null;
    }
}
