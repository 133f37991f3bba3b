package dev.threshold.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.persistence.SqlValues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The row mapper of the contact listing, whose filters (substring over names and e-mails, tag membership, score-key
 * ranges) and keyset conditions are PostgreSQL SQL, not HQL: a detached {@link Contact} read by column name.
 */
final class ContactRows {

    /** The columns {@link #contact} reads, of the table aliased {@code c}. */
    static final String COLUMNS = "c.owner_id, c.id, c.display_name, c.first_name, c.last_name, c.emails, c.phones,"
            + " c.company, c.position, c.location, c.tags, CAST(c.profiles AS text) AS profiles, c.connected_on, c.notes,"
            + " c.cadence_days, c.created_at, c.updated_at, c.version, c.score_key, c.last_interaction_at,"
            + " c.snoozed_until";

    private final ObjectMapper json;

    ContactRows(ObjectMapper json) {
        this.json = json;
    }

    Contact contact(ResultSet rs) throws SQLException {
        Contact c = new Contact();
        c.ownerId = rs.getString("owner_id");
        c.id = rs.getObject("id", UUID.class);
        c.displayName = rs.getString("display_name");
        c.firstName = rs.getString("first_name");
        c.lastName = rs.getString("last_name");
        c.emails = SqlValues.strings(rs, "emails");
        c.phones = SqlValues.strings(rs, "phones");
        c.company = rs.getString("company");
        c.position = rs.getString("position");
        c.location = rs.getString("location");
        c.tags = SqlValues.strings(rs, "tags");
        c.profiles = SqlValues.stringMap(json, rs, "profiles");
        c.connectedOn = rs.getObject("connected_on", LocalDate.class);
        c.notes = rs.getString("notes");
        c.cadenceDays = rs.getObject("cadence_days", Integer.class);
        c.createdAt = SqlValues.instant(rs, "created_at");
        c.updatedAt = SqlValues.instant(rs, "updated_at");
        c.version = rs.getLong("version");
        c.scoreKey = rs.getDouble("score_key");
        c.lastInteractionAt = SqlValues.instant(rs, "last_interaction_at");
        c.snoozedUntil = SqlValues.instant(rs, "snoozed_until");
        return c;
    }
}
