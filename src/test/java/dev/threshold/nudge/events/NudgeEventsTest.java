package dev.threshold.nudge.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox on PostgreSQL: which writes raise which events, in their transaction, and which raise none. */
@QuarkusTest
class NudgeEventsTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Jdbc jdbc;

    @Inject
    DecaySweep sweep;

    /** The owner's events of one contact, oldest first, as their bodies. */
    private List<JsonNode> events(String contact) throws Exception {
        List<String> bodies = jdbc.list(
                "SELECT body FROM nudge_events WHERE owner_id = ? AND contact_id = ? ORDER BY created_at, id",
                ps -> {
                    ps.setString(1, owner);
                    ps.setObject(2, UUID.fromString(contact));
                },
                rs -> rs.getString("body"));
        List<JsonNode> nodes = new ArrayList<>();
        for (String b : bodies) {
            nodes.add(JSON.readTree(b));
        }
        return nodes;
    }

    private Instant nextAt(String contact) {
        return jdbc.first(
                        "SELECT next_at FROM nudge_watch WHERE owner_id = ? AND contact_id = ?",
                        ps -> {
                            ps.setString(1, owner);
                            ps.setObject(2, UUID.fromString(contact));
                        },
                        rs -> {
                            OffsetDateTime t = rs.getObject("next_at", OffsetDateTime.class);
                            return t == null ? null : t.toInstant();
                        })
                .orElse(null);
    }

    @Test
    void writesRaiseTierAndActionEventsAndDeletesTakeThemBack() throws Exception {
        api().body(Map.of("name", "Coffee", "threshold", 20))
                .post("/api/v1/actions")
                .then()
                .statusCode(201);
        String contact = createContact("Fox Mulder");
        String meeting = record(contact, "MEETING", "MUTUAL", Instant.now(), null); // 33.0
        List<JsonNode> up = events(contact);
        assertTrue(up.stream()
                .anyMatch(e -> e.get("type").asText().equals("contact.tier_changed")
                        && e.at("/data/to").asText().equals("ACQUAINTANCE")
                        && e.at("/data/cause").asText().equals("interaction")));
        assertTrue(up.stream()
                .anyMatch(e -> e.get("type").asText().equals("contact.action_crossed")
                        && e.at("/data/action/name").asText().equals("Coffee")
                        && e.at("/data/direction").asText().equals("up")));
        assertNotNull(nextAt(contact), "the next decay crossing is scheduled");

        api().delete("/api/v1/interactions/" + meeting).then().statusCode(204);
        List<JsonNode> all = events(contact);
        List<JsonNode> down = all.subList(up.size(), all.size());
        assertTrue(down.stream()
                .anyMatch(e -> e.get("type").asText().equals("contact.tier_changed")
                        && e.at("/data/from").asText().equals("ACQUAINTANCE")
                        && e.at("/data/to").asText().equals("STRANGER")));
        assertTrue(down.stream()
                .anyMatch(e -> e.get("type").asText().equals("contact.action_crossed")
                        && e.at("/data/direction").asText().equals("down")));
        assertNull(nextAt(contact), "nothing left to decay");
    }

    @Test
    void aBatchRaisesOneTierChangePerContact() throws Exception {
        String a = createContact("Batch A");
        String b = createContact("Batch B");
        Instant now = Instant.now();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (String c : List.of(a, b, a)) {
            Map<String, Object> item = interaction("MEETING", "MUTUAL", now, null);
            item.put("contactId", c);
            batch.add(item);
        }
        api().body(batch).post("/api/v1/interactions/batch").then().statusCode(201);
        // a: two meetings, S = 24, strength 55.1: STRANGER -> FRIEND in one event; b: -> ACQUAINTANCE
        List<JsonNode> ofA = events(a).stream()
                .filter(e -> e.get("type").asText().equals("contact.tier_changed"))
                .toList();
        assertEquals(1, ofA.size());
        assertEquals("FRIEND", ofA.get(0).at("/data/to").asText());
        assertEquals(
                "ACQUAINTANCE",
                events(b).stream()
                        .filter(e -> e.get("type").asText().equals("contact.tier_changed"))
                        .findFirst()
                        .orElseThrow()
                        .at("/data/to")
                        .asText());
    }

    @Test
    void aDropWithinTheWindowIsAnnouncedOnceAndASettingsChangeAnnouncesNothing() throws Exception {
        String contact = createContact("Walter Skinner");
        // a meeting 165 days ago: strength 10.6 now, below ACQUAINTANCE's floor in about 8 days
        record(contact, "MEETING", "MUTUAL", Instant.now().minus(Duration.ofDays(165)), null);
        List<JsonNode> first = events(contact);
        assertEquals(
                1,
                first.stream()
                        .filter(e -> e.get("type").asText().equals("contact.tier_drop_soon"))
                        .count());
        JsonNode soon = first.stream()
                .filter(e -> e.get("type").asText().equals("contact.tier_drop_soon"))
                .findFirst()
                .orElseThrow();
        assertEquals("STRANGER", soon.at("/data/dropsTo").asText());
        assertTrue(soon.at("/data/daysUntilTierDrop").asDouble() < 14);

        // a later sweep inside the window raises no second warning
        sweep.sweep(Instant.now().plus(Duration.ofDays(2)));
        assertEquals(first.size(), events(contact).size());

        // a change of the ruler is not a change of the relationship: no events
        api().body(Map.of("halfLifeDays", 30))
                .put("/api/v1/settings/scoring")
                .then()
                .statusCode(200);
        assertEquals(first.size(), events(contact).size());
    }

    @Test
    void anImportThatEndsRaisesImportFinishedAndADryRunNothing() throws Exception {
        String vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ida Import\r\nEMAIL:ida@example.org\r\nEND:VCARD\r\n";
        api().contentType("text/vcard")
                .body(vcard)
                .post("/api/v1/imports/vcard?dryRun=true")
                .then()
                .statusCode(200);
        api().contentType("text/vcard")
                .body(vcard)
                .post("/api/v1/imports/vcard")
                .then()
                .statusCode(200);

        List<String> bodies = jdbc.list(
                "SELECT body FROM nudge_events WHERE owner_id = ? AND type = 'import.finished' ORDER BY created_at",
                ps -> ps.setString(1, owner),
                rs -> rs.getString("body"));
        assertEquals(1, bodies.size(), "the dry run raises nothing, the import one event: " + bodies);
        JsonNode data = JSON.readTree(bodies.get(0)).get("data");
        assertEquals("vcard", data.get("kind").asText());
        assertEquals("SUCCEEDED", data.get("status").asText());
        assertTrue(data.get("jobId").isNull());
        assertEquals(1, data.get("report").get("created").asLong());
    }
}
