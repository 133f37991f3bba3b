package dev.threshold.interaction;

import dev.threshold.platform.OwnedId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, OwnedId> {

    public Optional<Interaction> findOwned(String ownerId, UUID id) {
        return find("ownerId = ?1 and id = ?2", ownerId, id).firstResultOptional();
    }
}
