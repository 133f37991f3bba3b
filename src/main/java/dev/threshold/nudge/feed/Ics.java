package dev.threshold.nudge.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An RFC 5545 writer for what the feed needs: content lines ended by CRLF and folded at 75 octets (never inside a
 * UTF-8 sequence, continuation lines starting with one space), TEXT values escaped ({@code \\ ; ,} and newlines),
 * DATE and UTC DATE-TIME values.
 */
final class Ics {

    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    /** A property with a value written as it is (no escaping): names, dates, enumerated values. */
    Ics line(String nameAndParams, String value) {
        fold(nameAndParams + ":" + value);
        return this;
    }

    /** A TEXT property: the value escaped. */
    Ics text(String name, String value) {
        return line(name, escape(value));
    }

    Ics date(String name, LocalDate day) {
        return line(name + ";VALUE=DATE", DATE.format(day));
    }

    Ics utc(String name, Instant at) {
        return line(name, UTC.format(at));
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                    b.append("\\n");
                }
                default -> {
                    if (c >= 0x20 && c != 0x7F || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Writes one content line, folded so that no line exceeds 75 octets (3.1), never splitting a code point. */
    private void fold(String line) {
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
