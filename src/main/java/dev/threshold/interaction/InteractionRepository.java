package dev.threshold.interaction;

import dev.threshold.platform.persistence.Columns;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.persistence.OwnedId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

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
        String owner = rows.get(0).ownerId;
        for (Interaction i : rows) {
            if (!i.ownerId.equals(owner)) {
                throw new IllegalArgumentException("one owner per insert");
            }
        }
        jdbc.update(INSERT_ALL, ps -> {
            ps.setString(1, owner);
            COLUMNS.bind(ps, 2, rows);
        });
    }

    /** The columns of {@link #INSERT_ALL}'s {@code unnest}, in its order. */
    private static final Columns<Interaction> COLUMNS = Columns.<Interaction>of()
            .add("uuid", i -> i.id)
            .add("uuid", i -> i.contactId)
            .add("varchar", i -> i.type.name())
            .add("varchar", i -> i.direction.name())
            .add("varchar", i -> i.channel.name())
            .add("timestamptz", i -> i.occurredAt)
            .add("float8", i -> i.weight)
            .add("varchar", i -> i.note)
            .add("timestamptz", i -> i.createdAt)
            .add("timestamptz", i -> i.updatedAt)
            .add("int8", i -> i.version);

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
