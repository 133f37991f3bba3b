package dev.threshold.interaction;

import dev.threshold.platform.persistence.OwnedId;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One entry of the owner's relationship log with a contact. */
@Entity
@Table(name = "interactions")
@IdClass(OwnedId.class)
public class Interaction {

    @Id
    @Column(name = "owner_id")
    public String ownerId;

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Enumerated(EnumType.STRING)
    public InteractionType type;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public Double weight;
    public String note;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
