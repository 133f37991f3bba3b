package dev.threshold.importing;

import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.score.ScoreLedger;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.ScoreState;
import dev.threshold.score.math.ScoredInteraction;
import dev.threshold.score.math.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Imports contacts from uploaded files into one owner's contacts.
 *
 * <p>One transaction per import: rows are read as the upload streams in and handled in chunks of
 * {@value #CHUNK} (one key lookup, one locking read, one batched insert and one batched update per chunk),
 * so memory holds one chunk whatever the file's size, while the transaction makes the report exactly
 * true: a file that turns out to be unreadable half-way (bad bytes, a broken quote, an interrupted upload)
 * is a 400 and writes nothing, and {@code dryRun} runs the very same import and rolls it back.
 */
@ApplicationScoped
@Transactional
public class ImportService {

    static final int CHUNK = 500;
    /** Large files take a while: well above the 100,000-row import (see docs/importing.md). */
    static final int TIMEOUT_SECONDS = 900;
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final Instant EARLIEST = Instant.EPOCH;

    public enum Format { LINKEDIN, VCARD, GOOGLE }

    /** An uploaded file that can be opened (a spooled multipart part can be read twice; a request body once). */
    @FunctionalInterface
    public interface Upload {
        InputStream open() throws IOException;
    }

    private final ContactStore store;
    private final Validator validator;
    private final ScoreLedger ledger;
    private final TransactionManager tm;

    ImportService(ContactStore store, Validator validator, ScoreLedger ledger, TransactionManager tm) {
        this.store = store;
        this.validator = validator;
        this.ledger = ledger;
        this.tm = tm;
    }

    /**
     * Runs the import in the caller's transaction when there is one (an {@code Idempotency-Key} request, whose
     * transaction also stores the response), else in a new one of {@value #TIMEOUT_SECONDS} seconds at most.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportReport importFile(String owner, Format format, Upload file, Upload messages, String me, boolean dryRun) {
        try {
            if (tm.getStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
                return run(owner, format, file, messages, me, dryRun);
            }
        } catch (jakarta.transaction.SystemException e) {
            throw new IllegalStateException(e);
        }
        try {
            tm.setTransactionTimeout(TIMEOUT_SECONDS);
            tm.begin();
            tm.setTransactionTimeout(0);
        } catch (jakarta.transaction.SystemException | jakarta.transaction.NotSupportedException e) {
            throw new IllegalStateException(e);
        }
        boolean done = false;
        try {
            ImportReport report = run(owner, format, file, messages, me, dryRun);
            if (tm.getStatus() == jakarta.transaction.Status.STATUS_MARKED_ROLLBACK) {
                tm.rollback(); // dryRun
            } else {
                tm.commit();
            }
            done = true;
            return report;
        } catch (jakarta.transaction.SystemException | jakarta.transaction.RollbackException
                 | jakarta.transaction.HeuristicMixedException | jakarta.transaction.HeuristicRollbackException e) {
            throw new IllegalStateException(e);
        } finally {
            if (!done) {
                try {
                    if (tm.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
                        tm.rollback();
                    }
                } catch (jakarta.transaction.SystemException ignored) {
                    // the original failure is what the client hears about
                }
            }
        }
    }

    private ImportReport run(String owner, Format format, Upload file, Upload messages, String me, boolean dryRun) {
        ImportRun run = new ImportRun();
        try {
            try (RowSource rows = open(format, file.open())) {
                List<ParsedRow> chunk = new ArrayList<>(CHUNK);
                while (rows.hasNext()) {
                    chunk.add(rows.next());
                    if (chunk.size() == CHUNK) {
                        contacts(owner, chunk, run);
                        chunk.clear();
                    }
                }
                contacts(owner, chunk, run);
            }
            if (messages != null) {
                run.hasMessages = true;
                messages(owner, messages, me, run);
            }
        } catch (TextInput.UnreadableFile e) {
            throw new ApiProblem(400, "unreadable-file", "Unreadable file", e.getMessage(), null);
        } catch (IOException | UncheckedIOException e) {
            throw new ApiProblem(400, "unreadable-file", "Unreadable file",
                    "The upload could not be read to its end; nothing was imported.", null);
        }
        if (dryRun) {
            try {
                tm.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException(e);
            }
        }
        return run.report(dryRun);
    }

    private static RowSource open(Format format, InputStream in) {
        return switch (format) {
            case LINKEDIN -> new LinkedInConnections(in);
            case VCARD -> new VCards(in);
            case GOOGLE -> new GoogleContacts(in);
        };
    }

    // ----------------------------------------------------------------------------------------- contacts

    private void contacts(String owner, List<ParsedRow> chunk, ImportRun run) {
        if (chunk.isEmpty()) {
            return;
        }
        List<ParsedRow> valid = new ArrayList<>(chunk.size());
        Set<String> keys = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Map<ParsedRow, String> rejected = new HashMap<>();
        for (ParsedRow row : chunk) {
            if (row.error() != null) {
                continue;
            }
            String problem = invalid(row.draft());
            if (problem != null) {
                rejected.put(row, problem);
                continue;
            }
            valid.add(row);
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
            List<StoredContact> sameName = localNames.computeIfAbsent(Keys.name(target.displayName), n -> new ArrayList<>());
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
    private static StoredContact match(ContactDraft d, Map<String, StoredContact> local,
                                       Map<String, List<StoredContact>> localNames, Map<String, List<UUID>> byKey,
                                       Map<String, List<UUID>> byName, Map<UUID, StoredContact> loaded) {
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

    /** The contacts API's own rules (ContactInput), as one message naming the fields; null when valid. */
    private String invalid(ContactDraft d) {
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<?> v : validator.validate(d.toInput())) {
            String field = v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "").replaceAll("<[^>]+>", "");
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

    // ----------------------------------------------------------------------------------------- messages

    private void messages(String owner, Upload file, String me, ImportRun run) throws IOException {
        Me self = me != null && !me.isBlank() ? Me.given(me) : guessMe(owner, file);
        try (LinkedInMessages messages = new LinkedInMessages(file.open())) {
            List<LinkedInMessages.Message> chunk = new ArrayList<>(CHUNK);
            while (messages.hasNext()) {
                chunk.add(messages.next());
                if (chunk.size() == CHUNK) {
                    messageChunk(owner, chunk, self, run);
                    chunk.clear();
                }
            }
            messageChunk(owner, chunk, self, run);
        }
    }

    /** Who the owner is in messages.csv. */
    record Me(String slug, String name) {
        static Me given(String me) {
            String slug = Keys.linkedInSlug(me);
            return slug != null ? new Me(slug, null) : new Me(me.strip().toLowerCase(Locale.ROOT), Keys.name(me));
        }

        boolean is(LinkedInMessages.Person p) {
            return slug != null && slug.equals(p.slug()) || name != null && p.name() != null && name.equals(Keys.name(p.name()));
        }
    }

    /**
     * The owner takes part in every message of their own export, so they are the person who appears in the
     * most messages (as sender or recipient). A tie (e.g. a single conversation) is settled by who is not
     * among the owner's contacts; if that does not settle it, the client must say with {@code ?me=}.
     */
    private Me guessMe(String owner, Upload file) throws IOException {
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
            throw new ApiProblem(400, "validation", "Invalid request", "messages: cannot tell which participant is you;"
                    + " send your name or LinkedIn profile URL as ?me=", List.of(new ApiProblem.FieldError("me",
                    "is required to tell which participant of messages.csv is you")));
        }
        LinkedInMessages.Person p = top.get(0);
        return new Me(p.slug(), p.name() == null ? null : Keys.name(p.name()));
    }

    private boolean isContact(String owner, LinkedInMessages.Person p) {
        if (p.slug() != null && !store.findByKeys(owner, List.of(Keys.LINKEDIN + p.slug())).isEmpty()) {
            return true;
        }
        return p.name() != null && !store.findByNames(owner, List.of(p.name())).isEmpty();
    }

    private void messageChunk(String owner, List<LinkedInMessages.Message> chunk, Me self, ImportRun run) {
        if (chunk.isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        record Pending(long line, LinkedInMessages.Person other, Instant at, Direction direction) {
        }
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
        List<ContactStore.NewMessage> fresh = new ArrayList<>();
        Set<UUID> contacts = new TreeSet<>();
        Set<Instant> instants = new HashSet<>();
        List<UUID> resolved = new ArrayList<>();
        for (Pending p : pending) {
            List<UUID> ids = p.other().slug() != null ? byKey.get(Keys.LINKEDIN + p.other().slug())
                    : p.other().name() != null ? byName.get(p.other().name()) : null;
            UUID id = ids == null || ids.isEmpty() ? null : ids.get(0);
            resolved.add(id);
            if (id != null) {
                contacts.add(id);
                instants.add(p.at());
            }
        }
        Set<String> existing = store.existingMessages(owner, contacts, instants);
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            UUID id = resolved.get(i);
            if (id == null) {
                run.skipMessage(p.line(), null); // not one of the owner's contacts: counted, not an error
                continue;
            }
            if (!existing.add(ContactStore.messageKey(id, p.at(), p.direction().name()))) {
                run.messagesUnchanged++;
                continue;
            }
            fresh.add(new ContactStore.NewMessage(id, p.at(), p.direction().name()));
            run.messagesCreated++;
        }
        if (fresh.isEmpty()) {
            return;
        }
        // as InteractionService.createBatch: lock the contacts in id order, add in O(1), store
        Set<UUID> touched = new TreeSet<>();
        fresh.forEach(m -> touched.add(m.contactId()));
        Map<UUID, ScoreState> states = new HashMap<>(ledger.lockAll(owner, touched));
        ScoringSettings settings = ledger.settingsUnderLock(owner);
        store.insertMessages(owner, fresh, now);
        for (ContactStore.NewMessage m : fresh) {
            states.computeIfPresent(m.contactId(), (id, state) -> state.plus(new ScoredInteraction(InteractionType.MESSAGE,
                    Direction.valueOf(m.direction()), m.occurredAt(), null), settings));
        }
        ledger.storeAll(owner, states);
    }
}
