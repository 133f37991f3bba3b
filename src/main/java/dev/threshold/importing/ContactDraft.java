package dev.threshold.importing;

import dev.threshold.contact.ContactInput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One contact as a file describes it, before matching: the writable fields of a contact. Parsers fill it;
 * values are trimmed, empty ones dropped, e-mails lower-cased (as the contacts API stores them).
 */
final class ContactDraft {

    String displayName;
    String firstName;
    String lastName;
    final LinkedHashSet<String> emails = new LinkedHashSet<>();
    final LinkedHashSet<String> phones = new LinkedHashSet<>();
    String company;
    String position;
    String location;
    final LinkedHashSet<String> tags = new LinkedHashSet<>();
    final Map<String, String> profiles = new LinkedHashMap<>();
    LocalDate connectedOn;
    String notes;
    Integer cadenceDays;
    /** Optional fields the file had but the contact is imported without, and why (reported by line). */
    final List<String> warnings = new ArrayList<>();

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() ? null : v;
    }

    void email(String value) {
        String v = clean(value);
        if (v != null) {
            emails.add(v.toLowerCase(Locale.ROOT));
        }
    }

    void phone(String value) {
        String v = clean(value);
        if (v != null) {
            phones.add(v);
        }
    }

    void tag(String value) {
        String v = clean(value);
        if (v != null) {
            tags.add(v);
        }
    }

    /** Adds a profile unless the network already has one (the first one a file names wins). */
    void profile(String network, String value) {
        String n = clean(network);
        String v = clean(value);
        if (n != null && v != null) {
            profiles.putIfAbsent(n.toLowerCase(Locale.ROOT), v);
        }
    }

    /** Empties the optional scalar field of that name (as ContactInput names it); false when there is none to empty. */
    boolean clearScalar(String field) {
        boolean had =
                switch (field) {
                    case "firstName" -> firstName != null;
                    case "lastName" -> lastName != null;
                    case "company" -> company != null;
                    case "position" -> position != null;
                    case "location" -> location != null;
                    case "notes" -> notes != null;
                    case "cadenceDays" -> cadenceDays != null;
                    default -> false;
                };
        switch (field) {
            case "firstName" -> firstName = null;
            case "lastName" -> lastName = null;
            case "company" -> company = null;
            case "position" -> position = null;
            case "location" -> location = null;
            case "notes" -> notes = null;
            case "cadenceDays" -> cadenceDays = null;
            default -> {
                // displayName is required: not an optional field to drop
            }
        }
        return had;
    }

    /** The display name: the file's, else first and last name, else the company, else the first e-mail. */
    void completeDisplayName() {
        displayName = clean(displayName);
        if (displayName == null) {
            String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
            displayName = joined.isEmpty() ? null : joined;
        }
        if (displayName == null) {
            displayName = company;
        }
        if (displayName == null && !emails.isEmpty()) {
            displayName = emails.iterator().next();
        }
    }

    /** The keys this draft can be matched by, most specific first: LinkedIn, then e-mails, then phones. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        String li = Keys.linkedIn(profiles.get("linkedin"));
        if (li != null) {
            keys.add(li);
        }
        for (String e : emails) {
            keys.add(Keys.email(e));
        }
        for (String p : phones) {
            String k = Keys.phone(p);
            if (k != null && !keys.contains(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    ContactInput toInput() {
        return new ContactInput(
                displayName,
                firstName,
                lastName,
                new ArrayList<>(emails),
                new ArrayList<>(phones),
                company,
                position,
                location,
                new ArrayList<>(tags),
                new LinkedHashMap<>(profiles),
                connectedOn,
                notes,
                cadenceDays);
    }
}
