package dev.threshold.action;

import dev.threshold.platform.persistence.OwnedId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** Something the owner wants to do with a relationship, and the strength it takes. */
@Entity
@Table(name = "actions")
@IdClass(OwnedId.class)
public class Action {

    @Id
    @Column(name = "owner_id")
    public String ownerId;

    @Id
    public UUID id;

    public String name;
    public String description;
    public double threshold;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
