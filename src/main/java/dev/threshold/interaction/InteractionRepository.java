package dev.threshold.interaction;

import dev.threshold.platform.OwnedId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, OwnedId> {

    /**
     * Inserts new interactions in one JDBC batch (rewritten by the driver into multi-row INSERTs), without
     * making them managed entities: the batch endpoint's path, where entity bookkeeping would dominate.
     */
    public void insertAll(List<Interaction> rows) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO interactions (owner_id, id, contact_id,"
                    + " type, direction, channel, occurred_at, weight, note, created_at, updated_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Interaction i : rows) {
                    ps.setString(1, i.ownerId);
                    ps.setObject(2, i.id);
                    ps.setObject(3, i.contactId);
                    ps.setString(4, i.type.name());
                    ps.setString(5, i.direction.name());
                    ps.setString(6, i.channel.name());
                    ps.setObject(7, i.occurredAt.atOffset(ZoneOffset.UTC));
                    if (i.weight == null) {
                        ps.setNull(8, Types.DOUBLE);
                    } else {
                        ps.setDouble(8, i.weight);
                    }
                    ps.setString(9, i.note);
                    ps.setObject(10, i.createdAt.atOffset(ZoneOffset.UTC));
                    ps.setObject(11, i.updatedAt.atOffset(ZoneOffset.UTC));
                    ps.setLong(12, i.version);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public Optional<Interaction> findOwned(String ownerId, UUID id) {
        return find("ownerId = ?1 and id = ?2", ownerId, id).firstResultOptional();
    }
}
