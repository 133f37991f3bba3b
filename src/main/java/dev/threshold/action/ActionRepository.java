package dev.threshold.action;

import dev.threshold.platform.persistence.OwnedId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ActionRepository implements PanacheRepositoryBase<Action, OwnedId> {

    public Optional<Action> findOwned(String ownerId, UUID id) {
        return find("ownerId = ?1 and id = ?2", ownerId, id).firstResultOptional();
    }

    public List<Action> listOwned(String ownerId) {
        return list("ownerId = ?1 order by threshold, name, id", ownerId);
    }
}
