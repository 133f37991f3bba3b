package dev.threshold.action;

import dev.threshold.platform.persistence.Columns;
import dev.threshold.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A new owner starts with a ladder of sensible actions, provisioned once: the {@code owners} row records
 * it, so an owner who deletes them keeps them deleted, and two first requests at once provision once.
 */
@ApplicationScoped
public class DefaultActions {

    static final List<ActionInput> DEFAULTS = List.of(
            new ActionInput("Engage with their posts", "Like, comment on and share what they publish.", 0.0),
            new ActionInput("Invite to an event", "Invite them to a meetup, webinar or business presentation.", 25.0),
            new ActionInput("Share a business opportunity", "Bring them a lead, a job or a deal that fits them.", 40.0),
            new ActionInput("Ask for a referral", "Ask them to introduce or recommend you.", 60.0),
            new ActionInput(
                    "Ask for a favour or an investment", "Ask for real help: time, money or reputation.", 80.0));

    /**
     * One statement, so it is atomic even on an autocommit connection: the {@code owners} row and the
     * defaults go in together, or not at all when another request got there first.
     */
    private static final String PROVISION = "WITH owner AS (INSERT INTO owners (owner_id, created_at) VALUES (?, ?)"
            + " ON CONFLICT (owner_id) DO NOTHING RETURNING owner_id, created_at)"
            + " INSERT INTO actions (owner_id, id, name, description, threshold, created_at, updated_at, version)"
            + " SELECT owner.owner_id, d.id, d.name, d.description, d.threshold, owner.created_at, owner.created_at, 0"
            + " FROM owner CROSS JOIN unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::float8[])"
            + " AS d(id, name, description, threshold)";

    /** The columns of {@link #PROVISION}'s {@code unnest}: a new id for each default, and what it is. */
    private static final Columns<ActionInput> DEFAULT_COLUMNS = Columns.<ActionInput>of()
            .add("uuid", d -> UUID.randomUUID())
            .add("varchar", ActionInput::name)
            .add("varchar", ActionInput::description)
            .add("float8", ActionInput::threshold);

    private final Jdbc jdbc;

    public DefaultActions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Provisions the defaults unless this owner was seen before; true when it did.
     * <p>
     * It runs on the transaction's connection, or, for a read without one, on a connection of its own that it
     * returns at once, never while the request holds another: a read that held one connection while it waited
     * for another would starve a small pool when many first requests arrive at once. A concurrent first request
     * waits on the {@code owners} key until this one commits, then provisions nothing.
     */
    public boolean provision(String owner) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int inserted = jdbc.update(PROVISION, ps -> {
            ps.setString(1, owner);
            ps.setObject(2, now.atOffset(ZoneOffset.UTC));
            DEFAULT_COLUMNS.bind(ps, 3, DEFAULTS);
        });
        return inserted > 0;
    }
}
