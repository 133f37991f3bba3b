package dev.threshold.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL of imports and exports, a chunk at a time: find an owner's contacts by match keys ({@code contact_keys})
 * or display name, lock and read them, insert and update them, page through them for an export, and find the
 * LinkedIn MESSAGE interactions already imported. Every statement leads with {@code owner_id} and runs inside the
 * caller's transaction, through {@link Jdbc}, each read by its own row mapper by column name.
 *
 * <p>Why SQL beside the contacts' JPA entity: these statements are set-based ({@code = ANY (?)} over a whole chunk,
 * one locking read for 500 contacts, JDBC batches of inserts and updates), which is what keeps a 100,000-row import
 * in minutes; loading and flushing 500 managed entities per chunk would dominate it. The {@code contact_keys}
 * trigger of V4__import_indexes.sql sees these writes as it sees the contacts API's.
 */
@ApplicationScoped
class ContactStore {

    private static final String COLUMNS = "id, display_name, first_name, last_name, emails, phones, company, position,"
            + " location, tags, profiles, connected_on, notes, cadence_days";

    private final Jdbc jdbc;
    private final ObjectMapper json;

    ContactStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A match key or a name, and the id of one of the owner's contacts that has it. */
    private record Hit(String key, UUID contactId) {}

    /** key → the ids of the owner's contacts that have it, in id order. */
    Map<String, List<UUID>> findByKeys(String owner, Collection<String> keys) {
        if (keys.isEmpty()) {
            return new HashMap<>();
        }
        return grouped(jdbc.list(
                "SELECT key, contact_id FROM contact_keys"
                        + " WHERE owner_id = ? AND key = ANY (?) ORDER BY key, contact_id",
                ps -> {
                    ps.setString(1, owner);
                    ps.setArray(2, ps.getConnection().createArrayOf("text", keys.toArray()));
                },
                rs -> new Hit(rs.getString("key"), rs.getObject("contact_id", UUID.class))));
    }

    /** display name as given → the ids of the owner's contacts with that name (case-insensitive), in id order. */
    Map<String, List<UUID>> findByNames(String owner, Collection<String> names) {
        if (names.isEmpty()) {
            return new HashMap<>();
        }
        return grouped(jdbc.list(
                "SELECT n.name, c.id FROM unnest(?) AS n(name)"
                        + " JOIN contacts c ON c.owner_id = ? AND lower(c.display_name) = lower(n.name) ORDER BY c.id",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("text", names.toArray()));
                    ps.setString(2, owner);
                },
                rs -> new Hit(rs.getString("name"), rs.getObject("id", UUID.class))));
    }

    private static Map<String, List<UUID>> grouped(List<Hit> hits) {
        Map<String, List<UUID>> found = new HashMap<>();
        for (Hit hit : hits) {
            found.computeIfAbsent(hit.key(), k -> new ArrayList<>()).add(hit.contactId());
        }
        return found;
    }

    /** Locks (in id order, as every multi-contact writer does) and reads the owner's contacts among {@code ids}. */
    Map<UUID, StoredContact> lock(String owner, Collection<UUID> ids) {
        Map<UUID, StoredContact> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<StoredContact> rows = jdbc.list(
                "SELECT " + COLUMNS + " FROM contacts" + " WHERE owner_id = ? AND id = ANY (?) ORDER BY id FOR UPDATE",
                ps -> {
                    ps.setString(1, owner);
                    ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids.toArray()));
                },
                this::contact);
        for (StoredContact s : rows) {
            found.put(s.id, s);
        }
        return found;
    }

    /** One page of the owner's contacts in id order after {@code after} (keyset paging), without locking. */
    List<StoredContact> page(String owner, UUID after, int limit) {
        return jdbc.list(
                "SELECT " + COLUMNS + " FROM contacts WHERE owner_id = ?" + (after == null ? "" : " AND id > ?")
                        + " ORDER BY id LIMIT ?",
                ps -> {
                    int i = 1;
                    ps.setString(i++, owner);
                    if (after != null) {
                        ps.setObject(i++, after);
                    }
                    ps.setInt(i, limit);
                },
                this::contact);
    }

    /** The new contacts, in one JDBC batch (the {@code contact_keys} trigger fires per row). */
    void insert(String owner, List<StoredContact> contacts, Instant now) {
        if (contacts.isEmpty()) {
            return;
        }
        jdbc.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO contacts (owner_id, " + COLUMNS
                            + ", created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, 0)")) {
                OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                for (StoredContact s : contacts) {
                    ps.setString(1, owner);
                    ps.setObject(2, s.id);
                    bind(c, ps, 3, s);
                    ps.setObject(16, at);
                    ps.setObject(17, at);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The changed contacts, in one JDBC batch; each gets a new version, as a write through the API would. */
    void update(String owner, List<StoredContact> contacts, Instant now) {
        if (contacts.isEmpty()) {
            return;
        }
        jdbc.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE contacts SET display_name = ?, first_name = ?,"
                    + " last_name = ?, emails = ?, phones = ?, company = ?, position = ?, location = ?, tags = ?,"
                    + " profiles = ?::jsonb, connected_on = ?, notes = ?, cadence_days = ?, updated_at = ?,"
                    + " version = version + 1 WHERE owner_id = ? AND id = ?")) {
                OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                for (StoredContact s : contacts) {
                    bind(c, ps, 1, s);
                    ps.setObject(14, at);
                    ps.setString(15, owner);
                    ps.setObject(16, s.id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** "contactId|instant|direction" of the LinkedIn MESSAGE interactions the owner already has among these. */
    Set<String> existingMessages(String owner, Collection<UUID> contactIds, Collection<Instant> instants) {
        if (contactIds.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.list(
                "SELECT contact_id, occurred_at, direction FROM interactions"
                        + " WHERE owner_id = ? AND contact_id = ANY (?) AND occurred_at = ANY (?)"
                        + " AND type = 'MESSAGE' AND channel = 'LINKEDIN'",
                ps -> {
                    ps.setString(1, owner);
                    ps.setArray(2, ps.getConnection().createArrayOf("uuid", contactIds.toArray()));
                    ps.setArray(
                            3,
                            ps.getConnection()
                                    .createArrayOf(
                                            "timestamptz",
                                            instants.stream()
                                                    .map(i -> i.atOffset(ZoneOffset.UTC))
                                                    .toArray()));
                },
                rs -> messageKey(
                        rs.getObject("contact_id", UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("direction"))));
    }

    static String messageKey(UUID contactId, Instant at, String direction) {
        return contactId + "|" + at + "|" + direction;
    }

    /** Largest number of profiles of one of the owner's contacts (the CSV export's Website columns). */
    int maxProfiles(String owner) {
        return jdbc.first(
                        "SELECT coalesce(max((SELECT count(*) FROM jsonb_object_keys(profiles))), 0) AS max_profiles"
                                + " FROM contacts WHERE owner_id = ?",
                        ps -> ps.setString(1, owner),
                        rs -> rs.getInt("max_profiles"))
                .orElse(0);
    }

    private void bind(Connection c, PreparedStatement ps, int i, StoredContact s) throws SQLException {
        ps.setString(i++, s.displayName);
        ps.setString(i++, s.firstName);
        ps.setString(i++, s.lastName);
        ps.setArray(i++, c.createArrayOf("text", s.emails.toArray()));
        ps.setArray(i++, c.createArrayOf("text", s.phones.toArray()));
        ps.setString(i++, s.company);
        ps.setString(i++, s.position);
        ps.setString(i++, s.location);
        ps.setArray(i++, c.createArrayOf("text", s.tags.toArray()));
        try {
            ps.setString(i++, json.writeValueAsString(s.profiles));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (s.connectedOn == null) {
            ps.setNull(i++, Types.DATE);
        } else {
            ps.setObject(i++, s.connectedOn);
        }
        ps.setString(i++, s.notes);
        if (s.cadenceDays == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, s.cadenceDays);
        }
    }

    /** The row mapper of {@link #COLUMNS}: a stored contact, by column name. */
    private StoredContact contact(ResultSet rs) throws SQLException {
        StoredContact s = new StoredContact(rs.getObject("id", UUID.class), false);
        s.displayName = rs.getString("display_name");
        s.firstName = rs.getString("first_name");
        s.lastName = rs.getString("last_name");
        s.emails = SqlValues.strings(rs, "emails");
        s.phones = SqlValues.strings(rs, "phones");
        s.company = rs.getString("company");
        s.position = rs.getString("position");
        s.location = rs.getString("location");
        s.tags = SqlValues.strings(rs, "tags");
        s.profiles = SqlValues.stringMap(json, rs, "profiles");
        s.connectedOn = rs.getObject("connected_on", LocalDate.class);
        s.notes = rs.getString("notes");
        int cadence = rs.getInt("cadence_days");
        s.cadenceDays = rs.wasNull() ? null : cadence;
        return s;
    }
}
