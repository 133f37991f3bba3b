package dev.threshold.contact;

import dev.threshold.platform.persistence.OwnedId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person the owner knows. The scoring columns ({@code score_key}, {@code last_interaction_at}) are
 * read here but written only by the scoring feature, in SQL, so that a new interaction never bumps
 * the contact's version.
 */
@Entity
@Table(name = "contacts")
@IdClass(OwnedId.class)
public class Contact {

    @Id
    @Column(name = "owner_id")
    public String ownerId;

    @Id
    public UUID id;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> emails = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> phones = new ArrayList<>();

    public String company;
    public String position;
    public String location;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> profiles = new LinkedHashMap<>();

    @Column(name = "connected_on")
    public LocalDate connectedOn;

    public String notes;

    @Column(name = "cadence_days")
    public Integer cadenceDays;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @Column(name = "score_key", insertable = false, updatable = false)
    public double scoreKey = Double.NEGATIVE_INFINITY;

    @Column(name = "last_interaction_at", insertable = false, updatable = false)
    public Instant lastInteractionAt;

    /** Hidden from the recommendations and the calendar feed until then; written only by nudge's snooze (SQL). */
    @Column(name = "snoozed_until", insertable = false, updatable = false)
    public Instant snoozedUntil;
}
