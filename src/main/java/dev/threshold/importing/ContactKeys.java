package dev.threshold.importing;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The contact matching of imports, for the features above that bring people in from other files (capture): the
 * owner-scoped match keys ({@code contact_keys}: {@code li:<slug>}, {@code em:<email>}, {@code ph:<digits>}), the
 * look-up of an owner's contacts by key or by name, and creating (or filling) contacts for people a file names, with
 * the very rules of the contact imports ({@link ContactMatcher}: validation, fill-never-overwrite, the tallies).
 * Runs in the caller's transaction.
 */
@ApplicationScoped
public class ContactKeys {

    /** Someone a file names who should become a contact: a display name and the keys they are known by. */
    public record NewContact(String name, String email, String phone, String linkedin) {}

    /** What {@link #create} did, in the contact import's terms; {@code errors} say why a person was not created. */
    public record Tally(long created, long updated, long unchanged, long skipped, List<String> errors) {}

    private final ContactStore store;
    private final ContactMatcher matcher;

    ContactKeys(ContactStore store, ContactMatcher matcher) {
        this.store = store;
        this.matcher = matcher;
    }

    /** The lower-cased slug of a LinkedIn {@code …/in/<slug>} URL, or null. */
    public static String linkedInSlug(String url) {
        return Keys.linkedInSlug(url);
    }

    /** The digits of a phone number with at least 7 of them, else null. */
    public static String phoneDigits(String phone) {
        return Keys.phoneDigits(phone);
    }

    /** The match keys of a person, most specific first (LinkedIn, e-mail, phone); empty when they have none. */
    public static List<String> keys(String email, String phone, String linkedin) {
        List<String> keys = new ArrayList<>(3);
        String li = Keys.linkedIn(linkedin);
        if (li != null) {
            keys.add(li);
        }
        if (email != null && !email.isBlank()) {
            keys.add(Keys.email(email.strip()));
        }
        String ph = Keys.phone(phone);
        if (ph != null) {
            keys.add(ph);
        }
        return keys;
    }

    /** The display-name key (lower case, single spaces), as the name fallback compares names. */
    public static String nameKey(String name) {
        return Keys.name(name);
    }

    /** key → the ids of the owner's contacts that have it, in id order. */
    public Map<String, List<UUID>> byKeys(String owner, Collection<String> keys) {
        return store.findByKeys(owner, keys);
    }

    /** name as given → the ids of the owner's contacts of that display name (case-insensitive), in id order. */
    public Map<String, List<UUID>> byNames(String owner, Collection<String> names) {
        return store.findByNames(owner, names);
    }

    /**
     * Creates a contact for each person (or fills the contact one of their keys already matches), as a contact
     * import would for rows of these values. Afterwards {@link #byKeys} finds them.
     */
    public Tally create(String owner, List<NewContact> people) {
        ImportRun run = new ImportRun();
        List<ParsedRow> rows = new ArrayList<>(people.size());
        long line = 0;
        for (NewContact p : people) {
            ContactDraft d = new ContactDraft();
            d.displayName = p.name();
            d.email(p.email());
            d.phone(p.phone());
            if (p.linkedin() != null) {
                d.profile("linkedin", Keys.canonicalLinkedIn(p.linkedin()));
            }
            d.completeDisplayName();
            if (d.displayName == null && !d.phones.isEmpty()) {
                d.displayName = d.phones.iterator().next();
            }
            rows.add(
                    d.displayName == null
                            ? ParsedRow.error(++line, "no name, e-mail or phone")
                            : ParsedRow.of(++line, d));
        }
        ImportService.inChunks(rows.iterator(), chunk -> matcher.merge(owner, chunk, run));
        ImportReport r = run.report(false);
        return new Tally(
                r.created(),
                r.updated(),
                r.unchanged(),
                r.skipped(),
                r.errors().stream().map(ImportReport.LineError::message).toList());
    }
}
