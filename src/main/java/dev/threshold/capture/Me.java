package dev.threshold.capture;

import dev.threshold.importing.ContactKeys;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The owner's identities for one capture: the profile's names, e-mails, phones and LinkedIn profile, plus what the
 * call's {@code me} parameters add (each an e-mail, a phone, a LinkedIn URL or a name). Compared case-insensitively,
 * phones by their digits.
 */
public final class Me {

    private final Set<String> emails = new HashSet<>();
    private final Set<String> phones = new HashSet<>();
    private final Set<String> names = new HashSet<>();
    private final Set<String> linkedin = new HashSet<>();

    Me(Profile profile, Collection<String> extra) {
        profile.emails().forEach(this::addEmail);
        profile.phones().forEach(this::addPhone);
        profile.names().forEach(this::addName);
        addLinkedIn(profile.linkedin());
        for (String value : extra) {
            add(value);
        }
    }

    /** Nobody: no identity at all (a source then tells the owner apart by other means, or asks for {@code me}). */
    public static final Me NOBODY = new Me(Profile.empty(), java.util.List.of());

    /** Someone who is the owner by any of these identities (for tests and sources that build their own). */
    public static Me of(Collection<String> identities) {
        return new Me(Profile.empty(), identities);
    }

    private Me(Me base) {
        emails.addAll(base.emails);
        phones.addAll(base.phones);
        names.addAll(base.names);
        linkedin.addAll(base.linkedin);
    }

    /**
     * These identities plus one more, as a {@code me} parameter gives it (a LinkedIn URL, an e-mail, a phone when it
     * is only digits and phone punctuation, else a name).
     */
    public Me with(String identity) {
        Me more = new Me(this);
        more.add(identity);
        return more;
    }

    /** Whether no identity is known. */
    public boolean isEmpty() {
        return emails.isEmpty() && phones.isEmpty() && names.isEmpty() && linkedin.isEmpty();
    }

    private void add(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = value.strip();
        if (ContactKeys.linkedInSlug(v) != null) {
            addLinkedIn(v);
        } else if (v.contains("@")) {
            addEmail(v);
        } else if (ContactKeys.phoneDigits(v) != null && v.matches("[+()0-9 .\\-/]+")) {
            addPhone(v);
        } else {
            addName(v);
        }
    }

    private void addEmail(String email) {
        emails.add(email.strip().toLowerCase(Locale.ROOT));
    }

    private void addPhone(String phone) {
        String digits = ContactKeys.phoneDigits(phone);
        if (digits != null) {
            phones.add(digits);
        }
    }

    private void addName(String name) {
        String key = ContactKeys.nameKey(name);
        if (key != null && !key.isEmpty()) {
            names.add(key);
        }
    }

    private void addLinkedIn(String url) {
        String slug = ContactKeys.linkedInSlug(url);
        if (slug != null) {
            linkedin.add(slug);
        }
    }

    public boolean hasEmail() {
        return !emails.isEmpty();
    }

    public boolean isEmail(String email) {
        return email != null && emails.contains(email.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a phone number is one of the owner's: the same digits, or one ending with the other when the shorter has
     * at least 7 digits after its leading zeros (a profile's {@code 07700 900123} is {@code +44 7700 900123}).
     */
    public boolean isPhone(String phone) {
        String digits = ContactKeys.phoneDigits(phone);
        if (digits == null) {
            return false;
        }
        if (phones.contains(digits)) {
            return true;
        }
        String x = digits.replaceFirst("^0+", "");
        if (x.length() < 7) {
            return false;
        }
        for (String p : phones) {
            String y = p.replaceFirst("^0+", "");
            if (y.length() >= 7 && (x.length() >= y.length() ? x.endsWith(y) : y.endsWith(x))) {
                return true;
            }
        }
        return false;
    }

    public boolean isName(String name) {
        String key = ContactKeys.nameKey(name);
        return key != null && names.contains(key);
    }

    public boolean isLinkedIn(String url) {
        String slug = ContactKeys.linkedInSlug(url);
        return slug != null && linkedin.contains(slug);
    }

    /**
     * Whether a party is the owner: by e-mail, phone or LinkedIn profile when the party has one, by name only when it
     * has none of these (a chat sender known by name).
     */
    public boolean is(Party p) {
        if (p == null) {
            return false;
        }
        if (p.email() != null || p.phone() != null || p.linkedin() != null) {
            return isEmail(p.email()) || isPhone(p.phone()) || isLinkedIn(p.linkedin());
        }
        return isName(p.name());
    }
}
