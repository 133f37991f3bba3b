package dev.threshold.interaction;

import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.persistence.OwnedId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, OwnedId> {

    private final Jdbc jdbc;

    public InteractionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts new interactions in one statement (their columns as arrays, {@code INSERT … SELECT FROM unnest}),
     * without making them managed entities: the batch endpoint's path, where entity bookkeeping would dominate.
     * One statement text for every batch size, so PostgreSQL parses and plans it once per connection.
     */
    public void insertAll(List<Interaction> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Object[] ids = new Object[n];
        Object[] contacts = new Object[n];
        Object[] types = new Object[n];
        Object[] directions = new Object[n];
        Object[] channels = new Object[n];
        Object[] occurred = new Object[n];
        Object[] weights = new Object[n];
        Object[] notes = new Object[n];
        Object[] created = new Object[n];
        Object[] updated = new Object[n];
        Object[] versions = new Object[n];
        String owner = rows.get(0).ownerId;
        for (int k = 0; k < n; k++) {
            Interaction i = rows.get(k);
            if (!i.ownerId.equals(owner)) {
                throw new IllegalArgumentException("one owner per insert");
            }
            ids[k] = i.id;
            contacts[k] = i.contactId;
            types[k] = i.type.name();
            directions[k] = i.direction.name();
            channels[k] = i.channel.name();
            occurred[k] = i.occurredAt.atOffset(ZoneOffset.UTC);
            weights[k] = i.weight;
            notes[k] = i.note;
            created[k] = i.createdAt.atOffset(ZoneOffset.UTC);
            updated[k] = i.updatedAt.atOffset(ZoneOffset.UTC);
            versions[k] = i.version;
        }
        jdbc.update(INSERT_ALL, ps -> {
            Connection connection = ps.getConnection();
            ps.setString(1, owner);
            ps.setArray(2, connection.createArrayOf("uuid", ids));
            ps.setArray(3, connection.createArrayOf("uuid", contacts));
            ps.setArray(4, connection.createArrayOf("varchar", types));
            ps.setArray(5, connection.createArrayOf("varchar", directions));
            ps.setArray(6, connection.createArrayOf("varchar", channels));
            ps.setArray(7, connection.createArrayOf("timestamptz", occurred));
            ps.setArray(8, connection.createArrayOf("float8", weights));
            ps.setArray(9, connection.createArrayOf("varchar", notes));
            ps.setArray(10, connection.createArrayOf("timestamptz", created));
            ps.setArray(11, connection.createArrayOf("timestamptz", updated));
            ps.setArray(12, connection.createArrayOf("int8", versions));
        });
    }

    private static final String INSERT_ALL =
            "INSERT INTO interactions (owner_id, id, contact_id, type, direction, channel,"
                    + " occurred_at, weight, note, created_at, updated_at, version)"
                    + " SELECT ?, u.id, u.contact_id, u.type, u.direction, u.channel, u.occurred_at, u.weight, u.note,"
                    + " u.created_at, u.updated_at, u.version"
                    + " FROM unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::float8[],"
                    + " ?::varchar[], ?::timestamptz[], ?::timestamptz[], ?::int8[])"
                    + " AS u(id, contact_id, type, direction, channel, occurred_at, weight, note, created_at, updated_at, version)";

    public Optional<Interaction> findOwned(String ownerId, UUID id) {
        return find("ownerId = ?1 and id = ?2", ownerId, id).firstResultOptional();
    }
}
