package dev.threshold.contact;

import dev.threshold.platform.persistence.OwnedId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, OwnedId> {

    public Optional<Contact> findOwned(String ownerId, UUID id) {
        return find("ownerId = ?1 and id = ?2", ownerId, id).firstResultOptional();
    }

    /** Locks the contact row (SELECT … FOR UPDATE): serialises writers of one contact across instances. */
    public Optional<Contact> lockOwned(String ownerId, UUID id) {
        return find("ownerId = ?1 and id = ?2", ownerId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public boolean existsOwned(String ownerId, UUID id) {
        return count("ownerId = ?1 and id = ?2", ownerId, id) > 0;
    }
}
