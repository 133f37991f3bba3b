package dev.threshold.capture.source;

import dev.threshold.importing.Keys;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text clean-ups every source shares: invisible marks, odd spaces, notes, phones, mis-encoded UTF-8. */
final class Texts {

    /** The interaction note limit (SPEC.md: note ≤ 4,000 characters). */
    static final int NOTE_LIMIT = 4000;

    private static final Pattern MARKS = Pattern.compile("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("[\\u00A0\\u2007\\u2009\\u202F]");
    private static final Pattern PHONE = Pattern.compile("\\+?[\\d\\s().\\-]{7,}");
    private static final Charset CP1252 = Charset.forName("windows-1252");

    /**
     * A run of characters that UTF-8 bytes become when read as Windows-1252 or Latin-1: a lead byte of a 2–4 byte
     * sequence (Â–ô) followed by continuation bytes (0x80–0xBF, or the Windows-1252 characters in that range).
     */
    private static final Pattern MOJIBAKE = Pattern.compile(
            "[\\u00C2-\\u00F4][\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC"
                    + "\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]{1,3}");

    private Texts() {}

    /** Without the invisible direction marks and byte order marks WhatsApp and others sprinkle into text. */
    static String stripMarks(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isMark(s.charAt(i))) {
                return MARKS.matcher(s).replaceAll("");
            }
        }
        return s; // the common case, without a regex
    }

    static boolean isMark(char c) {
        return c == '\u200E'
                || c == '\u200F'
                || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069'
                || c == '\uFEFF';
    }

    /** No-break, narrow no-break and thin spaces as plain spaces. */
    static String plainSpaces(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u00A0' || c == '\u2007' || c == '\u2009' || c == '\u202F') {
                return SPACES.matcher(s).replaceAll(" ");
            }
        }
        return s;
    }

    /** Trimmed, empty as null, cut to the note limit. */
    static String note(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() <= NOTE_LIMIT) {
            return t;
        }
        int end = NOTE_LIMIT - 1;
        if (Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, end) + "…";
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = plainSpaces(stripMarks(s)).strip();
        return t.isEmpty() ? null : t;
    }

    /** A sender that is a phone number (7 digits or more, with only +, spaces, dots, dashes and brackets). */
    static boolean isPhone(String s) {
        return s != null && PHONE.matcher(s.strip()).matches() && digits(s).length() >= 7;
    }

    static String digits(String s) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            }
        }
        return d.toString();
    }

    /** Same digits, or one ends with the other whose digits (without leading zeros) are at least 7. */
    static boolean samePhone(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = digits(a).replaceFirst("^0+", "");
        String y = digits(b).replaceFirst("^0+", "");
        if (x.length() < 7 || y.length() < 7) {
            return false;
        }
        return x.length() >= y.length() ? x.endsWith(y) : y.endsWith(x);
    }

    static String linkedInSlug(String url) {
        return Keys.linkedInSlug(url);
    }

    /**
     * Repairs UTF-8 that was once read as Windows-1252 or Latin-1 and saved again ({@code Ã©} for {@code é},
     * {@code â€™} for {@code ’}), as LinkedIn's exports sometimes carry: each suspicious run is turned back into
     * bytes and decoded as UTF-8, and kept only when that decodes cleanly, so correct text is left alone.
     */
    static String repairMojibake(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        Matcher m = MOJIBAKE.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int last = 0;
        do {
            String fixed = utf8(m.group());
            out.append(s, last, m.start()).append(fixed == null ? m.group() : fixed);
            last = m.end();
        } while (m.find());
        return out.append(s, last, s.length()).toString();
    }

    /** The run's characters as single bytes (Latin-1, else Windows-1252) decoded as UTF-8; null when not UTF-8. */
    private static String utf8(String run) {
        byte[] bytes = new byte[run.length()];
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c <= 0xFF) {
                bytes[i] = (byte) c;
            } else {
                byte[] b = String.valueOf(c).getBytes(CP1252);
                if (b.length != 1 || b[0] == '?') {
                    return null;
                }
                bytes[i] = b[0];
            }
        }
        try {
            CharBuffer decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return decoded.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
