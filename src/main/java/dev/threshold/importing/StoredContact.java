package dev.threshold.importing;

import dev.threshold.platform.persistence.Ids;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A contact as an import sees it: one read from the database (locked) or one the import creates. Its
 * {@link #fill} adds what a file knows and the contact lacks, never replacing a value that is set.
 */
final class StoredContact {

    static final int MAX_EMAILS = 50;
    static final int MAX_PHONES = 50;
    static final int MAX_TAGS = 100;
    static final int MAX_PROFILES = 50;

    final UUID id;
    final boolean isNew;
    boolean changed;
    String displayName;
    String firstName;
    String lastName;
    List<String> emails = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    String company;
    String position;
    String location;
    List<String> tags = new ArrayList<>();
    Map<String, String> profiles = new LinkedHashMap<>();
    LocalDate connectedOn;
    String notes;
    Integer cadenceDays;

    StoredContact(UUID id, boolean isNew) {
        this.id = id;
        this.isNew = isNew;
    }

    static StoredContact create(ContactDraft d) {
        StoredContact c = new StoredContact(Ids.timeOrdered(), true);
        c.displayName = d.displayName;
        c.fill(d);
        c.changed = false;
        return c;
    }

    /** Fills the empty fields from the draft and adds the e-mails, phones, tags and profiles it lacks; true when anything changed. */
    boolean fill(ContactDraft d) {
        boolean before = changed;
        changed = false;
        if (firstName == null && d.firstName != null) {
            firstName = d.firstName;
            changed = true;
        }
        if (lastName == null && d.lastName != null) {
            lastName = d.lastName;
            changed = true;
        }
        if (company == null && d.company != null) {
            company = d.company;
            changed = true;
        }
        if (position == null && d.position != null) {
            position = d.position;
            changed = true;
        }
        if (location == null && d.location != null) {
            location = d.location;
            changed = true;
        }
        if (connectedOn == null && d.connectedOn != null) {
            connectedOn = d.connectedOn;
            changed = true;
        }
        if (notes == null && d.notes != null) {
            notes = d.notes;
            changed = true;
        }
        if (cadenceDays == null && d.cadenceDays != null) {
            cadenceDays = d.cadenceDays;
            changed = true;
        }
        for (String e : d.emails) {
            if (!emails.contains(e) && emails.size() < MAX_EMAILS) {
                emails.add(e);
                changed = true;
            }
        }
        for (String p : d.phones) {
            if (!hasPhone(p) && phones.size() < MAX_PHONES) {
                phones.add(p);
                changed = true;
            }
        }
        for (String t : d.tags) {
            if (!tags.contains(t) && tags.size() < MAX_TAGS) {
                tags.add(t);
                changed = true;
            }
        }
        for (Map.Entry<String, String> p : d.profiles.entrySet()) {
            if (!profiles.containsKey(p.getKey()) && profiles.size() < MAX_PROFILES) {
                profiles.put(p.getKey(), p.getValue());
                changed = true;
            }
        }
        boolean now = changed;
        changed = before || now;
        return now;
    }

    private boolean hasPhone(String phone) {
        String digits = Keys.phoneDigits(phone);
        for (String p : phones) {
            if (p.equals(phone) || digits != null && digits.equals(Keys.phoneDigits(p))) {
                return true;
            }
        }
        return false;
    }

    /** The keys of the contact as it is now (after a fill, it may have gained some). */
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
            if (k != null) {
                keys.add(k);
            }
        }
        return keys;
    }
}
