package dev.threshold.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.api.ETags;
import dev.threshold.platform.api.MergePatch;
import dev.threshold.platform.api.Text;
import dev.threshold.platform.api.Validation;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The owner's actions: their CRUD, and the list the scores need ({@link #actions}). A new owner starts with a
 * ladder of sensible defaults ({@link DefaultActions}).
 */
@ApplicationScoped
@Transactional
public class ActionService {

    /** An owner's actions fit in one page of a list. */
    static final int MAX_ACTIONS = 200;

    private final ActionRepository actions;
    private final DefaultActions defaults;
    private final Validator validator;
    private final ObjectMapper json;
    private final Jdbc jdbc;
    private final Event<ActionsChanged> changed;

    public ActionService(
            ActionRepository actions,
            DefaultActions defaults,
            Validator validator,
            ObjectMapper json,
            Jdbc jdbc,
            Event<ActionsChanged> changed) {
        this.actions = actions;
        this.defaults = defaults;
        this.validator = validator;
        this.json = json;
        this.jdbc = jdbc;
        this.changed = changed;
    }

    private void ensureDefaults(String owner) {
        if (defaults.provision(owner)) {
            changed.fire(new ActionsChanged(owner));
        }
    }

    /**
     * The owner's actions, lowest threshold first, as the scores and the network summary need them; read without
     * a transaction, the defaults provisioned on first sight.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActionRef> actions(String owner) {
        List<ActionRef> refs = refs(owner);
        if (refs.isEmpty() && defaults.provision(owner)) {
            changed.fire(new ActionsChanged(owner));
            refs = refs(owner);
        }
        return refs;
    }

    /** Plain JDBC: the summary and every score read without a snapshot use it. */
    private List<ActionRef> refs(String owner) {
        return jdbc.list(ActionRefs.SELECT, ps -> ps.setString(1, owner), ActionRefs.ROW);
    }

    /**
     * The threshold of one of the owner's actions; 404 when they have no such action. Plain JDBC like the rest of
     * the ranking it serves: no ORM session is opened on that read path.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public double threshold(String owner, UUID id) {
        return jdbc.first(
                        ActionRefs.SELECT_ONE,
                        ps -> {
                            ps.setString(1, owner);
                            ps.setObject(2, id);
                        },
                        ActionRefs.ROW)
                .orElseThrow(() -> ApiProblem.notFound("Action " + id))
                .threshold();
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
        actions.flush();
        changed.fire(new ActionsChanged(owner));
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
        actions.flush();
        changed.fire(new ActionsChanged(owner));
        return ActionView.of(action);
    }

    public ActionView patch(String owner, UUID id, JsonNode patch, String ifMatch) {
        Action action = require(owner, id);
        ETags.check(ifMatch, action.version);
        ActionInput input = MergePatch.merge(json, ActionInput.of(action), patch, ActionInput.class);
        validate(input);
        apply(action, input);
        actions.flush();
        changed.fire(new ActionsChanged(owner));
        return ActionView.of(action);
    }

    public void delete(String owner, UUID id, String ifMatch) {
        Action action = require(owner, id);
        ETags.check(ifMatch, action.version);
        actions.delete(action);
        changed.fire(new ActionsChanged(owner));
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
