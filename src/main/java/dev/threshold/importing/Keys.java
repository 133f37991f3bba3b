package dev.threshold.importing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The match keys of a contact, computed exactly as the {@code contact_keys} trigger of
 * V4__import_indexes.sql computes them from stored contacts (KeysMatchTheMigrationTest holds the two together on
 * the real database). Public for capture's sources, which name LinkedIn profiles the same way.
 */
public final class Keys {

    static final String LINKEDIN = "li:";
    static final String EMAIL = "em:";
    static final String PHONE = "ph:";
    static final int MIN_PHONE_DIGITS = 7;

    /**
     * The white space that ends a slug: {@code [:space:]} of the SQL, which PostgreSQL answers with the C library's
     * {@code iswspace} in a UTF-8 database: ASCII white space and the Unicode spaces, but not the no-break ones
     * (U+00A0, U+2007, U+202F) nor U+0085. Held to the database by KeysMatchTheMigrationTest.
     */
    private static final String SPACE = "\\s\\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000";

    private static final Pattern SLUG = Pattern.compile("/in/([^/?#" + SPACE + "]+)");
    private static final Pattern SLUG_ANY_CASE = Pattern.compile("(?i)/in/([^/?#" + SPACE + "]+)");

    private Keys() {}

    /** The lower-cased {@code <slug>} of a LinkedIn {@code …/in/<slug>} URL, or null. */
    public static String linkedInSlug(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = SLUG.matcher(url.toLowerCase(Locale.ROOT));
        return m.find() ? m.group(1) : null;
    }

    /** The canonical form LinkedIn itself uses, for URLs read from LinkedIn's own files. */
    public static String canonicalLinkedIn(String url) {
        String slug = url == null ? null : linkedInSlugKeepCase(url);
        return slug == null ? url : "https://www.linkedin.com/in/" + slug;
    }

    private static String linkedInSlugKeepCase(String url) {
        Matcher m = SLUG_ANY_CASE.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    static String linkedIn(String url) {
        String slug = linkedInSlug(url);
        return slug == null ? null : LINKEDIN + slug;
    }

    static String email(String email) {
        return email == null ? null : EMAIL + email.toLowerCase(Locale.ROOT);
    }

    /** Digits only; null below {@value #MIN_PHONE_DIGITS} digits (too short to identify anyone). */
    static String phoneDigits(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.length() >= MIN_PHONE_DIGITS ? digits.toString() : null;
    }

    static String phone(String phone) {
        String digits = phoneDigits(phone);
        return digits == null ? null : PHONE + digits;
    }

    /** The key of the display-name fallback (rows without any other key): lower case, single spaces. */
    static String name(String displayName) {
        return displayName == null
                ? null
                : displayName.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
