package dev.threshold.interaction;

import dev.threshold.platform.persistence.Ids;
import dev.threshold.score.ScoreLedger;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.ScoreState;
import dev.threshold.score.math.ScoredInteraction;
import dev.threshold.score.math.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records many new interactions at once and keeps their contacts' stored scores equal to a recomputation: the one
 * step behind the batch endpoint ({@link InteractionService#createBatch}) and every import that makes
 * interactions (LinkedIn messages today; calendars, mail and chats next).
 *
 * <p>Five statements, whatever the number of rows: pin the contacts ({@code FOR KEY SHARE}, so that none is
 * deleted before commit), insert the rows (one {@code INSERT … FROM unnest}), only then lock the contacts for the
 * score update ({@code FOR NO KEY UPDATE}, in key order, so that concurrent writers cannot deadlock), read the
 * owner's settings under that lock, and store every new score in one {@code UPDATE}. A contact that is in every
 * batch, as an owner's closest contacts are, is thus held for the score update alone.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InteractionRecorder {

    private final InteractionRepository interactions;
    private final ScoreLedger ledger;

    public InteractionRecorder(InteractionRepository interactions, ScoreLedger ledger) {
        this.interactions = interactions;
        this.ledger = ledger;
    }

    /**
     * What {@link #recordAll(String, List, Function)} did: the contacts the owner does not have (then nothing
     * was written), else the rows it stored (those whose sources were already recorded are left out).
     */
    public record Recorded(Set<UUID> missingContacts, List<Interaction> stored) {}

    /**
     * A new interaction, not yet stored: a time-ordered id, {@code occurredAt} cut to microseconds (as PostgreSQL
     * keeps it) and {@code now} as its creation time.
     */
    public static Interaction draft(
            String owner,
            UUID contactId,
            InteractionType type,
            Direction direction,
            Channel channel,
            Instant occurredAt,
            Double weight,
            String note,
            Instant now) {
        Interaction i = new Interaction();
        i.ownerId = owner;
        i.id = Ids.timeOrdered();
        i.contactId = contactId;
        i.type = type;
        i.direction = direction;
        i.channel = channel;
        i.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        i.weight = weight;
        i.note = note;
        i.createdAt = now;
        i.updatedAt = now;
        return i;
    }

    /**
     * Stores {@code rows} (all of {@code owner}, see {@link #draft}) and adds each to its contact's score, in O(1)
     * per row. Returns the contacts among the rows' that the owner does not have; when there are any, nothing is
     * written.
     */
    public Set<UUID> recordAll(String owner, List<Interaction> rows) {
        return recordAll(owner, rows, all -> all.stream().map(row -> row.id).collect(Collectors.toSet()))
                .missingContacts();
    }

    /**
     * {@link #recordAll(String, List)} for captured interactions, each with its source ids (see
     * {@link InteractionSources}): {@code claim} links the rows it is given to their sources first, in the same
     * transaction ({@code ON CONFLICT DO NOTHING}), and returns the rows that got a link; a row none of whose sources
     * could be claimed (recorded by an earlier or concurrent import of the same file) is not stored.
     */
    public Recorded recordAll(String owner, List<Interaction> rows, Function<List<Interaction>, Set<UUID>> claim) {
        if (rows.isEmpty()) {
            return new Recorded(Set.of(), List.of());
        }
        Set<UUID> ids = new HashSet<>();
        for (Interaction row : rows) {
            ids.add(row.contactId);
        }
        Set<UUID> existing = ledger.pinAll(owner, ids);
        if (existing.size() != ids.size()) {
            Set<UUID> missing = new HashSet<>(ids);
            missing.removeAll(existing);
            return new Recorded(missing, List.of());
        }
        Set<UUID> claimed = claim.apply(rows);
        List<Interaction> kept =
                rows.stream().filter(r -> claimed.contains(r.id)).toList();
        if (kept.isEmpty()) {
            return new Recorded(Set.of(), kept);
        }
        Set<UUID> touched = new HashSet<>();
        for (Interaction row : kept) {
            touched.add(row.contactId);
        }
        interactions.insertAll(kept);
        Map<UUID, ScoreState> states = new HashMap<>(ledger.lockAll(owner, touched));
        ScoringSettings settings = ledger.settingsUnderLock(owner);
        // in time order (stable), so that a batch later than a contact's latest interaction keeps its peak in O(1)
        List<Interaction> inTimeOrder = new ArrayList<>(kept);
        inTimeOrder.sort(Comparator.comparing(row -> row.occurredAt));
        for (Interaction row : inTimeOrder) {
            states.computeIfPresent(row.contactId, (id, state) -> state.plus(scored(row), settings));
        }
        ledger.storeAll(owner, states);
        return new Recorded(Set.of(), kept);
    }

    /** The interaction as the scoring model sees it. */
    public static ScoredInteraction scored(Interaction i) {
        return new ScoredInteraction(i.type, i.direction, i.occurredAt, i.weight);
    }
}
