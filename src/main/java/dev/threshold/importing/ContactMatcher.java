package dev.threshold.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Merges one chunk of a contact file into the owner's contacts: checks each row by the contacts API's own rules,
 * finds the contact it is by the owner-scoped match keys ({@code contact_keys}: LinkedIn profile, then e-mail,
 * then phone) or, for a row without any key, by display name and company, fills the empty fields of the one it
 * matches or creates a new one, and counts each row in the {@link ImportRun}. One key lookup, one name lookup,
 * one locking read, one batched insert and one batched update per chunk, whatever the source.
 */
@ApplicationScoped
class ContactMatcher {

    private final ContactStore store;
    private final Validator validator;

    ContactMatcher(ContactStore store, Validator validator) {
        this.store = store;
        this.validator = validator;
    }

    void merge(String owner, List<ParsedRow> chunk, ImportRun run) {
        if (chunk.isEmpty()) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Map<ParsedRow, String> rejected = new HashMap<>();
        for (ParsedRow row : chunk) {
            if (row.error() != null) {
                continue;
            }
            String problem = invalid(row.draft());
            if (problem != null) {
                repair(row.draft()); // only rows that break a rule pay for the second validation
                problem = invalid(row.draft());
            }
            if (problem != null) {
                rejected.put(row, problem);
                continue;
            }
            List<String> k = row.draft().keys();
            keys.addAll(k);
            if (k.isEmpty()) {
                names.add(nameOf(row.draft()));
            }
        }
        Map<String, List<UUID>> byKey = store.findByKeys(owner, keys);
        Map<String, List<UUID>> byName = store.findByNames(owner, names);
        Set<UUID> ids = new TreeSet<>();
        byKey.values().forEach(ids::addAll);
        byName.values().forEach(ids::addAll);
        Map<UUID, StoredContact> loaded = store.lock(owner, ids);

        Map<String, StoredContact> local = new HashMap<>();
        Map<String, List<StoredContact>> localNames = new HashMap<>();
        List<StoredContact> created = new ArrayList<>();
        Map<UUID, StoredContact> updated = new LinkedHashMap<>();
        for (ParsedRow row : chunk) {
            if (row.error() != null) {
                run.skip(row.line(), row.error());
                continue;
            }
            String problem = rejected.get(row);
            if (problem != null) {
                run.skip(row.line(), problem);
                continue;
            }
            ContactDraft d = row.draft();
            for (String warning : d.warnings) {
                run.warn(row.line(), warning);
            }
            StoredContact target = match(d, local, localNames, byKey, byName, loaded);
            if (target == null) {
                target = StoredContact.create(d);
                created.add(target);
                run.created++;
            } else if (target.fill(d)) {
                if (!target.isNew) {
                    updated.put(target.id, target);
                }
                run.updated++;
            } else {
                run.unchanged++;
                continue;
            }
            for (String key : target.keys()) {
                local.putIfAbsent(key, target);
            }
            List<StoredContact> sameName =
                    localNames.computeIfAbsent(Keys.name(target.displayName), n -> new ArrayList<>());
            if (!sameName.contains(target)) {
                sameName.add(target);
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.insert(owner, created, now);
        store.update(owner, new ArrayList<>(updated.values()), now);
    }

    /**
     * The contact a draft is: by LinkedIn profile, then e-mail, then phone (within this chunk first, then
     * the owner's stored contacts); a draft without any of these by display name and company ({@link #compatible}).
     */
    private static StoredContact match(
            ContactDraft d,
            Map<String, StoredContact> local,
            Map<String, List<StoredContact>> localNames,
            Map<String, List<UUID>> byKey,
            Map<String, List<UUID>> byName,
            Map<UUID, StoredContact> loaded) {
        List<String> keys = d.keys();
        for (String key : keys) {
            StoredContact s = local.get(key);
            if (s != null) {
                return s;
            }
            for (UUID id : byKey.getOrDefault(key, List.of())) {
                s = loaded.get(id);
                if (s != null) {
                    return s;
                }
            }
        }
        if (!keys.isEmpty()) {
            return null;
        }
        for (StoredContact s : localNames.getOrDefault(Keys.name(d.displayName), List.of())) {
            if (compatible(s, d)) {
                return s;
            }
        }
        for (UUID id : byName.getOrDefault(nameOf(d), List.of())) {
            StoredContact s = loaded.get(id);
            if (s != null && compatible(s, d)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Whether a same-named contact is the person of a row that has no key: the same company (or neither has
     * one), and no position or connection date that differs. Conservative on purpose: two people of one name
     * stay two contacts; a row that differs is a new contact rather than a wrong merge.
     */
    private static boolean compatible(StoredContact s, ContactDraft d) {
        boolean sameCompany = s.company == null ? d.company == null : s.company.equalsIgnoreCase(d.company);
        return sameCompany && agree(s.position, d.position) && agree(s.connectedOn, d.connectedOn);
    }

    private static boolean agree(Object stored, Object incoming) {
        return stored == null || incoming == null || stored.equals(incoming);
    }

    private static String nameOf(ContactDraft d) {
        return d.displayName.strip().replaceAll("\\s+", " ");
    }

    /**
     * Drops the optional fields that break the contacts API's rules (a malformed e-mail, a 300-character phone, a
     * 1 MB company), each with a warning: a person is never dropped for an optional field (SPEC.md). What is left
     * invalid (the display name) makes the row an error in {@link #invalid}.
     */
    void repair(ContactDraft d) {
        for (ConstraintViolation<?> v : validator.validate(d.toInput())) {
            Iterator<Path.Node> path = v.getPropertyPath().iterator();
            String field = path.hasNext() ? path.next().getName() : "";
            Object bad = v.getInvalidValue();
            boolean dropped =
                    switch (field) {
                        case "emails" -> d.emails.remove(bad);
                        case "phones" -> d.phones.remove(bad);
                        case "tags" -> d.tags.remove(bad);
                        case "profiles" -> d.profiles
                                .entrySet()
                                .removeIf(e ->
                                        e.getKey().equals(bad) || e.getValue().equals(bad));
                        default -> d.clearScalar(field);
                    };
            if (dropped) {
                String shown = bad instanceof String s ? "'" + LinkedInConnections.abbreviate(s) + "' " : "";
                d.warnings.add(field + ": " + shown + v.getMessage() + "; imported without it");
            }
        }
    }

    /** The contacts API's own rules (ContactInput), as one message naming the fields; null when valid. */
    private String invalid(ContactDraft d) {
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<?> v : validator.validate(d.toInput())) {
            String field =
                    v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "").replaceAll("<[^>]+>", "");
            problems.add(field + ": " + v.getMessage());
        }
        if (hasNul(d)) {
            problems.add("a value contains NUL characters");
        }
        if (problems.isEmpty()) {
            return null;
        }
        problems.sort(Comparator.naturalOrder());
        return String.join("; ", problems);
    }

    private static boolean hasNul(ContactDraft d) {
        List<String> all = new ArrayList<>();
        all.add(d.displayName);
        all.add(d.firstName);
        all.add(d.lastName);
        all.add(d.company);
        all.add(d.position);
        all.add(d.location);
        all.add(d.notes);
        all.addAll(d.emails);
        all.addAll(d.phones);
        all.addAll(d.tags);
        all.addAll(d.profiles.keySet());
        all.addAll(d.profiles.values());
        return all.stream().anyMatch(s -> s != null && s.indexOf('\u0000') >= 0);
    }
}
