package dev.threshold.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.api.ETags;
import dev.threshold.platform.api.MergePatch;
import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.api.Text;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.score.ScoreLedger;
import dev.threshold.score.math.ScoreState;
import dev.threshold.score.math.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The relationship log. Every write keeps the contact's stored score state equal to a recomputation from
 * its rows: a new interaction updates it in O(1) under a row lock on the contact; an edit or a delete
 * re-derives it from the rows.
 */
@ApplicationScoped
@Transactional
public class InteractionService {

    public static final int MAX_BATCH = 1000;
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    private final InteractionRepository interactions;
    private final InteractionRecorder recorder;
    private final ScoreLedger ledger;
    private final EntityManager em;
    private final Validator validator;
    private final ObjectMapper json;

    public InteractionService(
            InteractionRepository interactions,
            InteractionRecorder recorder,
            ScoreLedger ledger,
            EntityManager em,
            Validator validator,
            ObjectMapper json) {
        this.interactions = interactions;
        this.recorder = recorder;
        this.ledger = ledger;
        this.em = em;
        this.validator = validator;
        this.json = json;
    }

    public InteractionView create(String owner, UUID contactId, InteractionInput input) {
        Instant now = now();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        check(input, "", now, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        if (input.contactId() != null && !input.contactId().equals(contactId)) {
            throw ApiProblem.invalid("contactId", "must match the contact in the path or be omitted");
        }
        ScoreState state = ledger.lock(owner, contactId).orElseThrow(() -> ApiProblem.notFound("Contact " + contactId));
        ScoringSettings settings = ledger.settings(owner);
        Interaction interaction = newInteraction(owner, contactId, input, now);
        interactions.insertAll(List.of(interaction)); // plain JDBC, as for a batch: no ORM flush on the hot path
        ledger.store(owner, contactId, state.plus(InteractionRecorder.scored(interaction), settings));
        return InteractionView.of(interaction);
    }

    /** All or nothing: every item is checked before anything is written. */
    public List<InteractionView> createBatch(String owner, List<InteractionInput> inputs) {
        if (inputs == null) {
            throw ApiProblem.invalid("body", "must be a JSON array of interactions");
        }
        if (inputs.isEmpty()) {
            throw ApiProblem.invalid("body", "must contain at least one interaction");
        }
        if (inputs.size() > MAX_BATCH) {
            throw ApiProblem.invalid("body", "must contain at most " + MAX_BATCH + " interactions");
        }
        Instant now = now();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            InteractionInput input = inputs.get(i);
            String prefix = "[" + i + "].";
            if (input == null) {
                errors.add(new ApiProblem.FieldError("[" + i + "]", "must be an interaction object"));
                continue;
            }
            if (input.contactId() == null) {
                errors.add(new ApiProblem.FieldError(prefix + "contactId", "must not be null"));
            }
            check(input, prefix, now, errors);
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        List<Interaction> rows = new ArrayList<>(inputs.size());
        List<InteractionView> created = new ArrayList<>(inputs.size());
        for (InteractionInput input : inputs) {
            Interaction interaction = newInteraction(owner, input.contactId(), input, now);
            rows.add(interaction);
            created.add(InteractionView.of(interaction));
        }
        Set<UUID> missing = recorder.recordAll(owner, rows);
        for (int i = 0; i < inputs.size(); i++) {
            if (missing.contains(inputs.get(i).contactId())) {
                errors.add(new ApiProblem.FieldError("[" + i + "].contactId", "no such contact"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        em.flush();
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InteractionView get(String owner, UUID id) {
        return InteractionView.of(require(owner, id));
    }

    public InteractionView patch(String owner, UUID id, JsonNode patch, String ifMatch) {
        Interaction interaction = require(owner, id);
        ETags.check(ifMatch, interaction.version);
        ledger.lock(owner, interaction.contactId);
        InteractionInput input =
                MergePatch.merge(json, InteractionInput.of(interaction), patch, InteractionInput.class);
        if (input.contactId() == null || !input.contactId().equals(interaction.contactId)) {
            throw ApiProblem.invalid("contactId", "cannot be changed; delete the interaction and record it again");
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        check(input, "", now(), errors);
        if (input.occurredAt() == null) { // a patch's null removes it: when it happened cannot be cleared
            errors.add(new ApiProblem.FieldError("occurredAt", "cannot be cleared"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        interaction.type = input.type();
        interaction.direction = input.direction();
        interaction.channel = input.channel() == null ? Channel.OTHER : input.channel();
        interaction.occurredAt = input.occurredAt().truncatedTo(ChronoUnit.MICROS);
        interaction.weight = input.weight();
        interaction.note = Text.clean("note", input.note());
        interaction.updatedAt = now();
        em.flush();
        ledger.rederive(owner, interaction.contactId);
        return InteractionView.of(interaction);
    }

    public void delete(String owner, UUID id, String ifMatch) {
        Interaction interaction = require(owner, id);
        ETags.check(ifMatch, interaction.version);
        ledger.lock(owner, interaction.contactId);
        interactions.delete(interaction);
        em.flush();
        ledger.rederive(owner, interaction.contactId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InteractionView> list(String owner, InteractionQuery query, PageRequest page) {
        StringBuilder jpql = new StringBuilder("ownerId = :owner");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("owner", owner);
        if (query.contactId() != null) {
            jpql.append(" and contactId = :contact");
            params.put("contact", query.contactId());
        }
        if (query.from() != null) {
            jpql.append(" and occurredAt >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            jpql.append(" and occurredAt < :to");
            params.put("to", query.to());
        }
        if (query.type() != null) {
            jpql.append(" and type = :type");
            params.put("type", query.type());
        }
        if (page.hasCursor()) {
            Instant at = page.afterInstant(0);
            UUID after = page.afterUuid(1);
            jpql.append(" and (occurredAt < :at or (occurredAt = :at and id < :after))");
            params.put("at", at);
            params.put("after", after);
        }
        jpql.append(" order by occurredAt desc, id desc");
        List<Interaction> rows = interactions
                .find(jpql.toString(), params)
                .page(0, page.limit() + 1)
                .list();
        return page.page(rows, InteractionView::of, i -> List.of(i.occurredAt.toString(), i.id.toString()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InteractionView> listForContact(
            String owner, UUID contactId, InteractionQuery query, PageRequest page) {
        if (!ledger.contactExists(owner, contactId)) {
            throw ApiProblem.notFound("Contact " + contactId);
        }
        return list(owner, query, page);
    }

    private Interaction require(String owner, UUID id) {
        return interactions.findOwned(owner, id).orElseThrow(() -> ApiProblem.notFound("Interaction " + id));
    }

    private void check(InteractionInput input, String prefix, Instant now, List<ApiProblem.FieldError> errors) {
        if (input == null) {
            errors.add(new ApiProblem.FieldError(prefix.isEmpty() ? "body" : prefix, "is required"));
            return;
        }
        Set<ConstraintViolation<InteractionInput>> violations = validator.validate(input);
        for (ConstraintViolation<InteractionInput> v : violations) {
            errors.add(new ApiProblem.FieldError(prefix + v.getPropertyPath(), v.getMessage()));
        }
        if (input.weight() != null && (input.weight().isNaN() || input.weight().isInfinite())) {
            errors.add(new ApiProblem.FieldError(prefix + "weight", "must be a finite number"));
        }
        if (input.occurredAt() != null) {
            if (input.occurredAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
                errors.add(new ApiProblem.FieldError(
                        prefix + "occurredAt", "must not be more than 5 minutes in the future"));
            } else if (input.occurredAt().isBefore(EARLIEST)) {
                errors.add(new ApiProblem.FieldError(prefix + "occurredAt", "must not be before 1970-01-01T00:00:00Z"));
            }
        }
        if (input.note() != null && input.note().indexOf('\u0000') >= 0) {
            errors.add(new ApiProblem.FieldError(prefix + "note", "must not contain NUL characters"));
        }
    }

    private static Interaction newInteraction(String owner, UUID contactId, InteractionInput input, Instant now) {
        return InteractionRecorder.draft(
                owner,
                contactId,
                input.type(),
                input.direction(),
                input.channel() == null ? Channel.OTHER : input.channel(),
                input.occurredAt() == null ? now : input.occurredAt(),
                input.weight(),
                Text.clean("note", input.note()),
                now);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
