package dev.threshold.capture;

import dev.threshold.importing.ContactKeys;
import dev.threshold.interaction.Channel;
import dev.threshold.interaction.Interaction;
import dev.threshold.interaction.InteractionRecorder;
import dev.threshold.interaction.InteractionSources;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records one chunk of captured interactions (meetings, exchanges) for one owner: matches each party to a contact by
 * the owner-scoped keys ({@link ContactKeys}: LinkedIn, e-mail, phone; by name only for a party with none of them, and
 * only when exactly one contact has that name), creates contacts for the others when asked, else counts them as
 * unmatched, leaves out what an earlier import already recorded (by source id), and records the rest through the
 * interaction feature's one "record many" step ({@link InteractionRecorder}), which keeps the score state exact.
 */
@ApplicationScoped
class CaptureRecorder {

    /** One interaction to record: a meeting with one party, or one exchange (the source ids of all its items). */
    record Pending(
            String partyKey,
            Party party,
            InteractionType type,
            Direction direction,
            Channel channel,
            Instant at,
            String note,
            List<String> sourceIds) {}

    private final ContactKeys contacts;
    private final InteractionSources sources;
    private final InteractionRecorder recorder;

    CaptureRecorder(ContactKeys contacts, InteractionSources sources, InteractionRecorder recorder) {
        this.contacts = contacts;
        this.sources = sources;
        this.recorder = recorder;
    }

    void record(String owner, String kind, List<Pending> chunk, boolean createContacts, CaptureRun run) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<Pending, UUID> matched = match(owner, chunk);
        if (createContacts) {
            Map<String, ContactKeys.NewContact> people = new LinkedHashMap<>();
            for (Pending p : chunk) {
                if (!matched.containsKey(p)) {
                    people.putIfAbsent(
                            p.partyKey(),
                            new ContactKeys.NewContact(
                                    p.party().name(),
                                    p.party().email(),
                                    p.party().phone(),
                                    p.party().linkedin()));
                }
            }
            if (!people.isEmpty()) {
                ContactKeys.Tally tally = contacts.create(owner, new ArrayList<>(people.values()));
                run.contactsCreated += tally.created();
                run.contactsUpdated += tally.updated();
                run.contactsUnchanged += tally.unchanged();
                run.contactsSkipped += tally.skipped();
                tally.errors().forEach(run::contactError);
                matched = match(owner, chunk);
            }
        }
        List<Pending> known = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Pending p : chunk) {
            if (matched.containsKey(p)) {
                known.add(p);
                ids.addAll(p.sourceIds());
            } else {
                run.unmatched(p.partyKey(), p.party());
            }
        }
        Map<String, UUID> recorded = sources.find(owner, kind, ids);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Interaction> rows = new ArrayList<>();
        List<InteractionSources.Link> links = new ArrayList<>();
        List<InteractionSources.Link> more = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (Pending p : known) {
            UUID existing = null;
            for (String id : p.sourceIds()) {
                existing = recorded.get(id);
                if (existing != null) {
                    break;
                }
            }
            if (existing != null) {
                run.unchanged++;
                for (String id : p.sourceIds()) {
                    if (!recorded.containsKey(id) && claimed.add(id)) {
                        more.add(new InteractionSources.Link(existing, id)); // an exchange that grew since
                    }
                }
                continue;
            }
            Interaction row = InteractionRecorder.draft(
                    owner, matched.get(p), p.type(), p.direction(), p.channel(), p.at(), null, p.note(), now);
            rows.add(row);
            for (String id : p.sourceIds()) {
                if (claimed.add(id)) {
                    links.add(new InteractionSources.Link(row.id, id));
                }
            }
        }
        store(owner, kind, rows, links, run);
        sources.claim(owner, kind, more);
    }

    /**
     * Records the rows; a contact deleted since it was matched (by another request) is no longer a contact: its rows
     * are skipped as {@code contactDeleted}, the rest recorded. Rows whose sources a concurrent import of the same
     * file claimed first are counted as unchanged.
     */
    private void store(
            String owner, String kind, List<Interaction> rows, List<InteractionSources.Link> links, CaptureRun run) {
        InteractionRecorder.Recorded done = recorder.recordAll(owner, rows, kind, links);
        if (!done.missingContacts().isEmpty()) {
            Set<UUID> gone = done.missingContacts();
            Set<UUID> dropped = new HashSet<>();
            List<Interaction> kept = new ArrayList<>();
            for (Interaction row : rows) {
                if (gone.contains(row.contactId)) {
                    run.skip("contactDeleted");
                    dropped.add(row.id);
                } else {
                    kept.add(row);
                }
            }
            rows = kept;
            links = links.stream()
                    .filter(l -> !dropped.contains(l.interactionId()))
                    .toList();
            done = recorder.recordAll(owner, rows, kind, links);
            if (!done.missingContacts().isEmpty()) {
                throw new IllegalStateException("contacts pinned in this transaction were deleted");
            }
        }
        run.created += done.stored().size();
        run.unchanged += rows.size() - done.stored().size();
    }

    /**
     * Whether a party that no key matched may match a contact by name (when exactly one contact has it): a party with
     * no key at all, or a chat or LinkedIn participant (no e-mail; a phone or profile URL the contact may not have:
     * "participants match contacts by phone or name").
     */
    private static boolean byNameToo(Party party, List<String> keys) {
        return party.name() != null && (keys.isEmpty() || party.email() == null);
    }

    /** Each pending item whose party is one of the owner's contacts → that contact. */
    private Map<Pending, UUID> match(String owner, List<Pending> chunk) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Map<Pending, List<String>> keysOf = new HashMap<>();
        for (Pending p : chunk) {
            List<String> k = ContactKeys.keys(
                    p.party().email(), p.party().phone(), p.party().linkedin());
            keysOf.put(p, k);
            keys.addAll(k);
            if (byNameToo(p.party(), k)) {
                names.add(p.party().name());
            }
        }
        Map<String, List<UUID>> byKey = contacts.byKeys(owner, keys);
        Map<String, List<UUID>> byName = contacts.byNames(owner, names);
        Map<Pending, UUID> matched = new HashMap<>();
        for (Pending p : chunk) {
            List<String> k = keysOf.get(p);
            UUID id = null;
            for (String key : k) {
                List<UUID> found = byKey.get(key);
                if (found != null && !found.isEmpty()) {
                    id = found.get(0);
                    break;
                }
            }
            if (id == null && byNameToo(p.party(), k)) {
                List<UUID> found = byName.get(p.party().name());
                if (found != null && found.size() == 1) {
                    id = found.get(0);
                }
            }
            if (id != null) {
                matched.put(p, id);
            }
        }
        return matched;
    }
}
