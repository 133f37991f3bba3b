package dev.threshold.importing;

import dev.threshold.platform.persistence.Ids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL of imports, in chunks: find an owner's contacts by match keys ({@code contact_keys}) or display
 * name, lock and read them, insert and update them in JDBC batches, and the MESSAGE interactions of
 * LinkedIn messages. Every statement leads with {@code owner_id}. Runs inside the caller's transaction.
 */
@ApplicationScoped
class ContactStore {

    private static final String COLUMNS = "id, display_name, first_name, last_name, emails, phones, company, position,"
            + " location, tags, profiles, connected_on, notes, cadence_days";

    private final EntityManager em;
    private final ObjectMapper json;

    ContactStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** key → the ids of the owner's contacts that have it, in id order. */
    Map<String, List<UUID>> findByKeys(String owner, Collection<String> keys) {
        Map<String, List<UUID>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key, contact_id FROM contact_keys"
                    + " WHERE owner_id = ? AND key = ANY (?) ORDER BY key, contact_id")) {
                ps.setString(1, owner);
                ps.setArray(2, c.createArrayOf("text", keys.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                    }
                }
            }
            return found;
        });
    }

    /** display name as given → the ids of the owner's contacts with that name (case-insensitive), in id order. */
    Map<String, List<UUID>> findByNames(String owner, Collection<String> names) {
        Map<String, List<UUID>> found = new HashMap<>();
        if (names.isEmpty()) {
            return found;
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT n.name, c.id FROM unnest(?) AS n(name)"
                    + " JOIN contacts c ON c.owner_id = ? AND lower(c.display_name) = lower(n.name) ORDER BY c.id")) {
                ps.setArray(1, c.createArrayOf("text", names.toArray()));
                ps.setString(2, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                    }
                }
            }
            return found;
        });
    }

    /** Locks (in id order, as every multi-contact writer does) and reads the owner's contacts among {@code ids}. */
    Map<UUID, StoredContact> lock(String owner, Collection<UUID> ids) {
        Map<UUID, StoredContact> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contacts"
                    + " WHERE owner_id = ? AND id = ANY (?) ORDER BY id FOR UPDATE")) {
                ps.setString(1, owner);
                ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredContact s = read(rs, false);
                        found.put(s.id, s);
                    }
                }
            }
            return found;
        });
    }

    /** One page of the owner's contacts in id order after {@code after} (keyset paging), without locking. */
    List<StoredContact> page(String owner, UUID after, int limit) {
        return work(c -> {
            List<StoredContact> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contacts WHERE owner_id = ?"
                    + (after == null ? "" : " AND id > ?") + " ORDER BY id LIMIT ?")) {
                int i = 1;
                ps.setString(i++, owner);
                if (after != null) {
                    ps.setObject(i++, after);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs, false));
                    }
                }
            }
            return out;
        });
    }

    void insert(String owner, List<StoredContact> contacts, Instant now) {
        if (contacts.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO contacts (owner_id, " + COLUMNS
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

    void update(String owner, List<StoredContact> contacts, Instant now) {
        if (contacts.isEmpty()) {
            return;
        }
        work(c -> {
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
        Set<String> found = new HashSet<>();
        if (contactIds.isEmpty()) {
            return found;
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT contact_id, occurred_at, direction FROM interactions"
                    + " WHERE owner_id = ? AND contact_id = ANY (?) AND occurred_at = ANY (?)"
                    + " AND type = 'MESSAGE' AND channel = 'LINKEDIN'")) {
                ps.setString(1, owner);
                ps.setArray(2, c.createArrayOf("uuid", contactIds.toArray()));
                ps.setArray(3, c.createArrayOf("timestamptz", instants.stream()
                        .map(i -> i.atOffset(ZoneOffset.UTC)).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(messageKey(rs.getObject(1, UUID.class),
                                rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)));
                    }
                }
            }
            return found;
        });
    }

    static String messageKey(UUID contactId, Instant at, String direction) {
        return contactId + "|" + at + "|" + direction;
    }

    record NewMessage(UUID contactId, Instant occurredAt, String direction) {
    }

    void insertMessages(String owner, List<NewMessage> messages, Instant now) {
        if (messages.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO interactions (owner_id, id, contact_id, type,"
                    + " direction, channel, occurred_at, weight, note, created_at, updated_at, version)"
                    + " VALUES (?, ?, ?, 'MESSAGE', ?, 'LINKEDIN', ?, NULL, NULL, ?, ?, 0)")) {
                OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                for (NewMessage m : messages) {
                    ps.setString(1, owner);
                    ps.setObject(2, Ids.timeOrdered());
                    ps.setObject(3, m.contactId());
                    ps.setString(4, m.direction());
                    ps.setObject(5, m.occurredAt().atOffset(ZoneOffset.UTC));
                    ps.setObject(6, at);
                    ps.setObject(7, at);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Largest number of profiles of one of the owner's contacts (the CSV export's Website columns). */
    int maxProfiles(String owner) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max((SELECT count(*) FROM jsonb_object_keys(profiles))), 0)"
                    + " FROM contacts WHERE owner_id = ?")) {
                ps.setString(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
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

    private StoredContact read(ResultSet rs, boolean isNew) throws SQLException {
        StoredContact s = new StoredContact(rs.getObject("id", UUID.class), isNew);
        s.displayName = rs.getString("display_name");
        s.firstName = rs.getString("first_name");
        s.lastName = rs.getString("last_name");
        s.emails = strings(rs.getArray("emails"));
        s.phones = strings(rs.getArray("phones"));
        s.company = rs.getString("company");
        s.position = rs.getString("position");
        s.location = rs.getString("location");
        s.tags = strings(rs.getArray("tags"));
        try {
            String profiles = rs.getString("profiles");
            s.profiles = profiles == null ? new LinkedHashMap<>()
                    : json.readValue(profiles, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        s.connectedOn = rs.getObject("connected_on", LocalDate.class);
        s.notes = rs.getString("notes");
        int cadence = rs.getInt("cadence_days");
        s.cadenceDays = rs.wasNull() ? null : cadence;
        return s;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private <T> T work(SqlWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
