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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Records one chunk of captured interactions (meetings, exchanges) for one owner: matches each party to a contact by
 * the owner-scoped keys ({@link ContactKeys}: LinkedIn, e-mail, phone; by name only for a party with none of them, and
 * only when exactly one contact has that name), creates contacts for the others when asked, else counts them as
 * unmatched, leaves out what an earlier import already recorded (by source id), and records the rest through the
 * interaction feature's one "record many" step ({@link InteractionRecorder}), which keeps the score state exact.
 */
@ApplicationScoped
class CaptureRecorder {

    /** One interaction to record: a meeting with one party, or one exchange; its spooled items are {@code span}. */
    record Pending(
            Party party,
            InteractionType type,
            Direction direction,
            Channel channel,
            Instant at,
            String note,
            CaptureStaging.Span span) {

        String partyKey() {
            return span.partyKey();
        }
    }

    private final ContactKeys contacts;
    private final InteractionSources sources;
    private final InteractionRecorder recorder;
    private final CaptureStaging staging;

    CaptureRecorder(
            ContactKeys contacts, InteractionSources sources, InteractionRecorder recorder, CaptureStaging staging) {
        this.contacts = contacts;
        this.sources = sources;
        this.recorder = recorder;
        this.staging = staging;
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
        for (Pending p : chunk) {
            if (matched.containsKey(p)) {
                known.add(p);
            } else {
                run.unmatched(p.partyKey(), p.party());
            }
        }
        if (known.isEmpty()) {
            return;
        }
        Map<Long, UUID> recorded = sources.recorded(owner, kind, staging.sources(spans(known)));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Interaction> rows = new ArrayList<>();
        Map<UUID, CaptureStaging.Span> spanOf = new HashMap<>();
        List<CaptureStaging.Span> grown = new ArrayList<>();
        List<UUID> grownInto = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            Pending p = known.get(i);
            UUID existing = recorded.get(i + 1L);
            if (existing != null) {
                run.unchanged++;
                grown.add(p.span()); // an exchange may have grown since: its new messages join the interaction
                grownInto.add(existing);
                continue;
            }
            Interaction row = InteractionRecorder.draft(
                    owner, matched.get(p), p.type(), p.direction(), p.channel(), p.at(), null, p.note(), now);
            rows.add(row);
            spanOf.put(row.id, p.span());
        }
        store(owner, kind, rows, spanOf, run);
        sources.claim(owner, kind, staging.sources(grown), grownInto);
    }

    private static List<CaptureStaging.Span> spans(List<Pending> pending) {
        return pending.stream().map(Pending::span).toList();
    }

    /**
     * Records the rows; a contact deleted since it was matched (by another request) is no longer a contact: its rows
     * are skipped as {@code contactDeleted}, the rest recorded. Rows whose sources a concurrent import of the same
     * file claimed first are counted as unchanged.
     */
    private void store(
            String owner, String kind, List<Interaction> rows, Map<UUID, CaptureStaging.Span> spanOf, CaptureRun run) {
        Function<List<Interaction>, Set<UUID>> claim = these -> sources.claim(
                owner,
                kind,
                staging.sources(these.stream().map(r -> spanOf.get(r.id)).toList()),
                these.stream().map(r -> r.id).toList());
        InteractionRecorder.Recorded done = recorder.recordAll(owner, rows, claim);
        if (!done.missingContacts().isEmpty()) {
            Set<UUID> gone = done.missingContacts();
            List<Interaction> kept = new ArrayList<>();
            for (Interaction row : rows) {
                if (gone.contains(row.contactId)) {
                    run.skip("contactDeleted");
                } else {
                    kept.add(row);
                }
            }
            rows = kept;
            done = recorder.recordAll(owner, rows, claim);
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
