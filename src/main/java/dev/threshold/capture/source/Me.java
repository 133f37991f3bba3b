package dev.threshold.capture.source;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The owner's own identities as a source compares them with an export's participants: the profile's names, e-mails,
 * phones and LinkedIn URL, plus an import's {@code me} parameter (a name, a phone or a profile URL).
 */
public record Me(List<String> names, List<String> emails, List<String> phones, String linkedin) {

    public static final Me NOBODY = new Me(List.of(), List.of(), List.of(), null);

    public Me {
        names = names == null
                ? List.of()
                : names.stream().filter(Objects::nonNull).toList();
        emails = emails == null
                ? List.of()
                : emails.stream().filter(Objects::nonNull).toList();
        phones = phones == null
                ? List.of()
                : phones.stream().filter(Objects::nonNull).toList();
    }

    /** These identities plus an import's {@code me} value (a phone when it is mostly digits, else a name or URL). */
    public Me with(String me) {
        if (me == null || me.isBlank()) {
            return this;
        }
        String v = me.strip();
        if (Texts.isPhone(v)) {
            return new Me(names, emails, concat(phones, v), linkedin);
        }
        if (v.toLowerCase(Locale.ROOT).contains("/in/")) {
            return new Me(names, emails, phones, v);
        }
        if (v.contains("@")) {
            return new Me(names, concat(emails, v), phones, linkedin);
        }
        return new Me(concat(names, v), emails, phones, linkedin);
    }

    private static List<String> concat(List<String> list, String v) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(v))
                .toList();
    }

    public boolean isEmpty() {
        return names.isEmpty() && emails.isEmpty() && phones.isEmpty() && linkedin == null;
    }

    /** Whether a name as an export shows it is one of the owner's (case, accents' composition and spacing aside). */
    public boolean isName(String name) {
        String n = nameKey(name);
        return n != null && names.stream().anyMatch(x -> n.equals(nameKey(x)));
    }

    /**
     * Whether a phone number is one of the owner's: the same digits, or one ending with the other when the shorter
     * has at least 7 digits after its leading zeros (a profile's {@code 07700 900123} is {@code +44 7700 900123}).
     */
    public boolean isPhone(String phone) {
        return phones.stream().anyMatch(p -> Texts.samePhone(p, phone));
    }

    public boolean isEmail(String email) {
        return email != null && emails.stream().anyMatch(e -> e.strip().equalsIgnoreCase(email.strip()));
    }

    /** Whether a LinkedIn profile URL (any case, scheme or www) is the owner's. */
    public boolean isLinkedIn(String url) {
        String a = Texts.linkedInSlug(linkedin);
        return a != null && a.equals(Texts.linkedInSlug(url));
    }

    static String nameKey(String name) {
        if (name == null) {
            return null;
        }
        String n = Normalizer.normalize(Texts.stripMarks(name), Normalizer.Form.NFC)
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        return n.isEmpty() ? null : n;
    }
}
