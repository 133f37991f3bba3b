package dev.threshold.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.platform.api.ETags;
import dev.threshold.platform.api.MergePatch;
import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.api.Text;
import dev.threshold.platform.api.Validation;
import dev.threshold.score.ActionRef;
import dev.threshold.score.ActionThresholds;
import dev.threshold.score.OwnerScoring;
import dev.threshold.score.RankedContact;
import dev.threshold.score.Ranking;
import dev.threshold.score.Scorer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The owner's actions. A new owner starts with a ladder of sensible defaults ({@link DefaultActions}).
 */
@ApplicationScoped
@Transactional
public class ActionService implements ActionThresholds {

    /** An owner's actions fit in one page of a list. */
    static final int MAX_ACTIONS = 200;

    private final ActionRepository actions;
    private final DefaultActions defaults;
    private final EntityManager em;
    private final Validator validator;
    private final ObjectMapper json;
    private final OwnerScoring scoring;
    private final Ranking ranking;

    public ActionService(ActionRepository actions, DefaultActions defaults, EntityManager em, Validator validator, ObjectMapper json,
                         OwnerScoring scoring, Ranking ranking) {
        this.actions = actions;
        this.defaults = defaults;
        this.em = em;
        this.validator = validator;
        this.json = json;
        this.scoring = scoring;
        this.ranking = ranking;
    }

    private void ensureDefaults(String owner) {
        defaults.provision(owner);
    }

    /** The owner's actions, read without a transaction; the defaults are provisioned on first sight. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActionRef> actions(String owner) {
        List<ActionRef> refs = refs(owner);
        if (refs.isEmpty() && defaults.provision(owner)) {
            refs = refs(owner);
        }
        return refs;
    }

    /** Plain JDBC on the request's connection: the summary and every score read without a snapshot use it. */
    private List<ActionRef> refs(String owner) {
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT id, name, threshold FROM actions"
                    + " WHERE owner_id = ? ORDER BY threshold, name, id")) {
                ps.setString(1, owner);
                List<ActionRef> refs = new java.util.ArrayList<>();
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refs.add(new ActionRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getDouble(3)));
                    }
                }
                return refs;
            }
        });
    }

    public List<ActionView> list(String owner) {
        ensureDefaults(owner);
        return actions.listOwned(owner).stream().map(ActionView::of).toList();
    }

    public ActionView create(String owner, ActionInput input) {
        ensureDefaults(owner);
        validate(input);
        if (actions.count("ownerId", owner) >= MAX_ACTIONS) {
            throw ApiProblem.conflict("An owner has at most " + MAX_ACTIONS + " actions; delete one first.");
        }
        Action action = newAction(owner);
        apply(action, input);
        actions.persist(action);
        em.flush();
        return ActionView.of(action);
    }

    public ActionView get(String owner, UUID id) {
        ensureDefaults(owner);
        return ActionView.of(require(owner, id));
    }

    public ActionView replace(String owner, UUID id, ActionInput input, String ifMatch) {
        validate(input);
        Action action = require(owner, id);
        ETags.check(ifMatch, action.version);
        apply(action, input);
        em.flush();
        return ActionView.of(action);
    }

    public ActionView patch(String owner, UUID id, JsonNode patch, String ifMatch) {
        Action action = require(owner, id);
        ETags.check(ifMatch, action.version);
        ActionInput input = MergePatch.merge(json, ActionInput.of(action), patch, ActionInput.class);
        validate(input);
        apply(action, input);
        em.flush();
        return ActionView.of(action);
    }

    public void delete(String owner, UUID id, String ifMatch) {
        Action action = require(owner, id);
        ETags.check(ifMatch, action.version);
        actions.delete(action);
    }

    /** The contacts that clear the action now, strongest first: a range scan on the stored score key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RankedContact> contacts(String owner, UUID id, PageRequest page) {
        Action action = require(owner, id);
        Scorer scorer = scoring.scorer(owner);
        return ranking.rank(owner, scorer, scorer.keyFloor(action.threshold), Double.POSITIVE_INFINITY, page);
    }

    private Action require(String owner, UUID id) {
        return actions.findOwned(owner, id).orElseThrow(() -> ApiProblem.notFound("Action " + id));
    }

    private void validate(ActionInput input) {
        Validation.require(validator, input);
    }

    private static Action newAction(String owner) {
        Action action = new Action();
        action.ownerId = owner;
        action.id = UUID.randomUUID();
        action.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return action;
    }

    private static void apply(Action a, ActionInput in) {
        a.name = Text.clean("name", in.name());
        if (a.name == null) {
            throw ApiProblem.invalid("name", "must not be blank");
        }
        a.description = Text.clean("description", in.description());
        a.threshold = in.threshold();
        a.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
