package dev.threshold.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
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
            new ActionInput("Ask for a favour or an investment", "Ask for real help: time, money or reputation.", 80.0));

    private final EntityManager em;

    public DefaultActions(EntityManager em) {
        this.em = em;
    }

    /** Provisions the defaults unless this owner was seen before; true when it did. */
    @Transactional
    public boolean provision(String owner) {
        boolean known = !em.createNativeQuery("SELECT 1 FROM owners WHERE owner_id = ?1").setParameter(1, owner)
                .getResultList().isEmpty();
        if (known) {
            return false;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int inserted = em.createNativeQuery("INSERT INTO owners (owner_id, created_at) VALUES (?1, ?2)"
                        + " ON CONFLICT (owner_id) DO NOTHING")
                .setParameter(1, owner).setParameter(2, now).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        for (ActionInput input : DEFAULTS) {
            em.createNativeQuery("INSERT INTO actions (owner_id, id, name, description, threshold, created_at,"
                            + " updated_at, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 0)")
                    .setParameter(1, owner).setParameter(2, UUID.randomUUID()).setParameter(3, input.name())
                    .setParameter(4, input.description()).setParameter(5, input.threshold()).setParameter(6, now)
                    .executeUpdate();
        }
        return true;
    }
}
