package dev.threshold.platform.persistence;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Primary key of every owned row: (owner_id, id), owner first, so that the data can be sharded by owner. */
public class OwnedId implements Serializable {

    public String ownerId;
    public UUID id;

    public OwnedId() {}

    public OwnedId(String ownerId, UUID id) {
        this.ownerId = ownerId;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OwnedId other && Objects.equals(ownerId, other.ownerId) && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ownerId, id);
    }
}
