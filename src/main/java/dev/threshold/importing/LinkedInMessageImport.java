package dev.threshold.importing;

import dev.threshold.interaction.Channel;
import dev.threshold.interaction.Exchanges;
import dev.threshold.interaction.Interaction;
import dev.threshold.interaction.InteractionRecorder;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * LinkedIn's messages.csv as MESSAGE interactions (channel LINKEDIN) with the owner's contacts: works out which
 * participant is the owner ({@link Me}), takes each message as one message per other participant who is a contact
 * (OUTBOUND when the owner sent it, INBOUND otherwise), groups them per contact into exchanges ({@link Exchanges}:
 * less than 30 minutes apart is one MESSAGE, MUTUAL when both wrote, at its first message), leaves out those
 * already imported, and records the rest through {@link InteractionRecorder}, as the batch endpoint does, one chunk
 * at a time.
 */
@ApplicationScoped
class LinkedInMessageImport {

    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final Instant EARLIEST = Instant.EPOCH;

    private final ContactStore store;
    private final InteractionRecorder recorder;

    LinkedInMessageImport(ContactStore store, InteractionRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    /** A message with one of the owner's contacts, before grouping: the contact, its line, direction and instant. */
    private record Resolved(UUID contactId, long line, Instant at, Direction direction) {}

    /**
     * Imports every message of {@code file}; {@code me} is the client's word on who the owner is (may be null). The
     * messages are read and matched a chunk at a time, then grouped per contact into exchanges ({@link Exchanges}:
     * messages less than 30 minutes apart are one MESSAGE, MUTUAL when both wrote), which are recorded in chunks.
     * Memory holds one small record per message with a contact (not the file).
     */
    void importAll(String owner, ImportService.Upload file, String me, ImportRun run) throws IOException {
        run.hasMessages = true;
        Me self = me != null && !me.isBlank() ? Me.given(me) : guessMe(owner, file);
        List<Exchanges.Message<Resolved>> resolved = new ArrayList<>();
        try (LinkedInMessages messages = new LinkedInMessages(file.open())) {
            ImportService.inChunks(messages, chunk -> chunk(owner, chunk, self, run, resolved));
        }
        List<Exchanges.Exchange<Resolved>> exchanges = Exchanges.group(resolved);
        resolved.clear();
        ImportService.inChunks(exchanges.iterator(), chunk -> record(owner, chunk, run));
    }

    /** Who the owner is in messages.csv. */
    record Me(String slug, String name) {
        static Me given(String me) {
            String slug = Keys.linkedInSlug(me);
            return slug != null ? new Me(slug, null) : new Me(me.strip().toLowerCase(Locale.ROOT), Keys.name(me));
        }

        boolean is(LinkedInMessages.Person p) {
            return slug != null && slug.equals(p.slug())
                    || name != null && p.name() != null && name.equals(Keys.name(p.name()));
        }
    }

    /**
     * The owner takes part in every message of their own export, so they are the person who appears in the
     * most messages (as sender or recipient). A tie (e.g. a single conversation) is settled by who is not
     * among the owner's contacts; if that does not settle it, the client must say with {@code ?me=}.
     */
    private Me guessMe(String owner, ImportService.Upload file) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, LinkedInMessages.Person> people = new HashMap<>();
        try (LinkedInMessages messages = new LinkedInMessages(file.open())) {
            while (messages.hasNext()) {
                LinkedInMessages.Message m = messages.next();
                if (m.error() != null) {
                    continue;
                }
                Set<String> seen = new HashSet<>();
                List<LinkedInMessages.Person> all = new ArrayList<>(m.to());
                all.add(m.from());
                for (LinkedInMessages.Person p : all) {
                    if (seen.add(p.identity())) {
                        counts.merge(p.identity(), 1, Integer::sum);
                        people.putIfAbsent(p.identity(), p);
                    }
                }
            }
        }
        int max = counts.values().stream().max(Integer::compare).orElse(0);
        if (max == 0) {
            return new Me(null, null);
        }
        List<LinkedInMessages.Person> top = new ArrayList<>();
        counts.forEach((identity, n) -> {
            if (n == max) {
                top.add(people.get(identity));
            }
        });
        if (top.size() > 1) {
            top.removeIf(p -> isContact(owner, p));
        }
        if (top.size() != 1) {
            throw new ApiProblem(
                    400,
                    "validation",
                    "Invalid request",
                    "messages: cannot tell which participant is you;"
                            + " send your name or LinkedIn profile URL as ?me=",
                    List.of(new ApiProblem.FieldError(
                            "me", "is required to tell which participant of messages.csv is you")));
        }
        LinkedInMessages.Person p = top.get(0);
        return new Me(p.slug(), p.name() == null ? null : Keys.name(p.name()));
    }

    private boolean isContact(String owner, LinkedInMessages.Person p) {
        if (p.slug() != null
                && !store.findByKeys(owner, List.of(Keys.LINKEDIN + p.slug())).isEmpty()) {
            return true;
        }
        return p.name() != null && !store.findByNames(owner, List.of(p.name())).isEmpty();
    }

    private void chunk(
            String owner,
            List<LinkedInMessages.Message> chunk,
            Me self,
            ImportRun run,
            List<Exchanges.Message<Resolved>> resolvedOut) {
        if (chunk.isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        record Pending(long line, LinkedInMessages.Person other, Instant at, Direction direction) {}
        List<Pending> pending = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (LinkedInMessages.Message m : chunk) {
            if (m.error() != null) {
                run.skipMessage(m.line(), m.error());
                continue;
            }
            if (m.at().isAfter(now.plus(FUTURE_TOLERANCE)) || m.at().isBefore(EARLIEST)) {
                run.skipMessage(m.line(), "DATE: must be between 1970 and now");
                continue;
            }
            List<LinkedInMessages.Person> others;
            Direction direction;
            if (self.is(m.from())) {
                direction = Direction.OUTBOUND;
                others = m.to().stream().filter(p -> !self.is(p)).toList();
            } else if (m.to().stream().anyMatch(self::is)) {
                direction = Direction.INBOUND;
                others = List.of(m.from());
            } else {
                run.skipMessage(m.line(), "you are neither the sender nor a recipient of this message (see ?me=)");
                continue;
            }
            Instant at = m.at().truncatedTo(ChronoUnit.MICROS);
            for (LinkedInMessages.Person other : others) {
                pending.add(new Pending(m.line(), other, at, direction));
                if (other.slug() != null) {
                    keys.add(Keys.LINKEDIN + other.slug());
                } else if (other.name() != null) {
                    names.add(other.name());
                }
            }
        }
        Map<String, List<UUID>> byKey = store.findByKeys(owner, keys);
        Map<String, List<UUID>> byName = store.findByNames(owner, names);
        for (Pending p : pending) {
            List<UUID> ids = p.other().slug() != null
                    ? byKey.get(Keys.LINKEDIN + p.other().slug())
                    : p.other().name() != null ? byName.get(p.other().name()) : null;
            UUID id = ids == null || ids.isEmpty() ? null : ids.get(0);
            if (id == null) {
                run.skipMessage(p.line(), null); // not one of the owner's contacts: counted, not an error
                continue;
            }
            resolvedOut.add(new Exchanges.Message<>(
                    id.toString(), p.at(), p.direction(), new Resolved(id, p.line(), p.at(), p.direction())));
        }
    }

    /**
     * Records a chunk of exchanges, leaving out those already recorded (an interaction of the same contact, instant
     * and direction, type MESSAGE on LINKEDIN: the same file imported again).
     */
    private void record(String owner, List<Exchanges.Exchange<Resolved>> chunk, ImportRun run) {
        if (chunk.isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Set<UUID> contacts = new TreeSet<>();
        Set<Instant> instants = new HashSet<>();
        for (Exchanges.Exchange<Resolved> e : chunk) {
            contacts.add(e.items().get(0).contactId());
            instants.add(e.at());
        }
        Set<String> existing = store.existingMessages(owner, contacts, instants);
        List<Interaction> fresh = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (Exchanges.Exchange<Resolved> e : chunk) {
            UUID id = e.items().get(0).contactId();
            if (!existing.add(ContactStore.messageKey(id, e.at(), e.direction().name()))) {
                run.messagesUnchanged++;
                continue;
            }
            fresh.add(InteractionRecorder.draft(
                    owner, id, InteractionType.MESSAGE, e.direction(), Channel.LINKEDIN, e.at(), null, null, now));
            lines.add(e.items().get(0).line());
        }
        record(owner, fresh, lines, run);
    }

    /**
     * Records the chunk's new messages. A contact deleted since it was matched (by another request, between the
     * lookup and the recorder's pin) is no longer a contact: its messages are counted as skipped, like those
     * with people who never were contacts, and the rest are recorded.
     */
    private void record(String owner, List<Interaction> fresh, List<Long> lines, ImportRun run) {
        Set<UUID> gone = recorder.recordAll(owner, fresh);
        if (!gone.isEmpty()) {
            List<Interaction> kept = new ArrayList<>(fresh.size());
            for (int i = 0; i < fresh.size(); i++) {
                if (gone.contains(fresh.get(i).contactId)) {
                    run.skipMessage(lines.get(i), null);
                } else {
                    kept.add(fresh.get(i));
                }
            }
            fresh = kept;
            gone = recorder.recordAll(owner, fresh);
            if (!gone.isEmpty()) {
                throw new IllegalStateException("contacts pinned in this transaction were deleted: " + gone);
            }
        }
        run.messagesCreated += fresh.size();
    }
}
