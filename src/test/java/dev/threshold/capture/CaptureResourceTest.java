package dev.threshold.capture;

import dev.threshold.importing.ImportFinished;
import dev.threshold.importing.ImportFinishedRecorder;
import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class CaptureResourceTest extends ApiTest {

    String ada;
    String carol;

    @BeforeEach
    void contacts() {
        api().body(Map.of(
                        "names", List.of("Sam Example"),
                        "emails", List.of("sam@example.com"),
                        "timeZone", "Europe/Berlin"))
                .put("/api/v1/settings/profile")
                .then()
                .statusCode(200);
        ada = createContact(Map.of("displayName", "Ada Lovelace", "emails", List.of("ada@example.org")));
        carol = createContact(Map.of("displayName", "Carol Example", "emails", List.of("Carol@Example.com")));
    }

    static byte[] file(String name) {
        try (InputStream in = CaptureResourceTest.class.getResourceAsStream("/capture/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("fixture " + name, e);
        }
    }

    ValidatableResponse post(String path, byte[] body, String contentType) {
        return api().contentType(contentType)
                .body(body)
                .post("/api/v1/imports/" + path)
                .then();
    }

    List<Map<String, Object>> timeline(String contact) {
        return api().get("/api/v1/interactions?limit=200&contactId=" + contact)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    Map<String, Object> score(String contact) {
        return api().get("/api/v1/contacts/" + contact + "/score")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    @Test
    void profileDefaultsValidatesAndIsPerOwner() {
        String other = dev.threshold.support.TestTokens.newOwner();
        as(other)
                .get("/api/v1/settings/profile")
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("emails", hasSize(0))
                .body("names", hasSize(0));
        api().get("/api/v1/settings/profile")
                .then()
                .statusCode(200)
                .body("emails", equalTo(List.of("sam@example.com")))
                .body("timeZone", equalTo("Europe/Berlin"));
        Map<String, Object> bad = new HashMap<>();
        bad.put("emails", List.of("not an address"));
        bad.put("phones", List.of("12"));
        bad.put("timeZone", "Mars/Olympus");
        bad.put("linkedin", "https://example.com/sam");
        api().body(bad)
                .put("/api/v1/settings/profile")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("emails[0]"));
        bad.put("emails", List.of("sam@example.com"));
        api().body(bad)
                .put("/api/v1/settings/profile")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("timeZone"))
                .body("errors.field", hasItem("phones[0]"))
                .body("errors.field", hasItem("linkedin"));
    }

    @Test
    void googleCalendarEveryRule() {
        JsonPath r = post("calendar", file("google-calendar.ics"), "text/calendar")
                .statusCode(200)
                .extract()
                .jsonPath();
        Assertions.assertEquals(7, r.getInt("interactions.created"), r.prettify());
        Assertions.assertEquals(2, r.getInt("interactions.skippedBy.cancelled"), r.prettify()); // an event, an instance
        Assertions.assertEquals(1, r.getInt("interactions.skippedBy.declinedByYou"));
        Assertions.assertEquals(1, r.getInt("interactions.skippedBy.future"));
        Assertions.assertEquals(1, r.getInt("interactions.skippedBy.tooManyAttendees"));
        Assertions.assertEquals(1, r.getInt("interactions.skippedBy.notAContact"));
        Assertions.assertEquals(1, r.getInt("interactions.skippedBy.unreadable"));
        Assertions.assertEquals("bob@example.net", r.getString("unmatched[0].email"));
        Assertions.assertEquals("Bob Example", r.getString("unmatched[0].name"));
        Assertions.assertEquals(1, r.getInt("unmatched[0].interactions"));

        List<Map<String, Object>> adas = timeline(ada);
        Map<String, Map<String, Object>> byTime = new HashMap<>();
        adas.forEach(i -> byTime.put((String) i.get("occurredAt"), i));
        Assertions.assertEquals(4, adas.size(), adas.toString());
        // weekly 09:00 Berlin: CET before the switch, CEST after; 1 April excluded, 8 April moved, 15 April cancelled
        Assertions.assertEquals("VIDEO", byTime.get("2024-03-18T08:00:00Z").get("channel"));
        Assertions.assertEquals("OUTBOUND", byTime.get("2024-03-18T08:00:00Z").get("direction"));
        Assertions.assertEquals("MEETING", byTime.get("2024-03-18T08:00:00Z").get("type"));
        Assertions.assertEquals(
                "Ada / Sam weekly", byTime.get("2024-03-18T08:00:00Z").get("note"));
        Assertions.assertTrue(byTime.containsKey("2024-03-25T08:00:00Z"));
        Assertions.assertTrue(byTime.containsKey("2024-04-22T07:00:00Z"));
        Assertions.assertEquals("IN_PERSON", byTime.get("2024-04-09T12:00:00Z").get("channel"));
        Assertions.assertEquals(
                "Ada / Sam weekly (moved: coffee)",
                byTime.get("2024-04-09T12:00:00Z").get("note"));

        Map<String, Map<String, Object>> carols = new HashMap<>();
        timeline(carol).forEach(i -> carols.put((String) i.get("note"), i));
        Assertions.assertEquals(3, carols.size(), carols.toString());
        Assertions.assertEquals("MUTUAL", carols.get("Team lunch").get("direction")); // Bob organised it
        Assertions.assertEquals("IN_PERSON", carols.get("Team lunch").get("channel"));
        Assertions.assertEquals("INBOUND", carols.get("Offsite").get("direction")); // Carol organised it
        Assertions.assertEquals("OTHER", carols.get("Offsite").get("channel"));
        Assertions.assertEquals("2024-05-31T22:00:00Z", carols.get("Offsite").get("occurredAt")); // all day, Berlin
        Assertions.assertEquals(
                "2024-06-12T17:00:00Z", carols.get("Dinner (floating time)").get("occurredAt"));
        Assertions.assertEquals("OUTBOUND", carols.get("Dinner (floating time)").get("direction"));
    }

    @Test
    void outlookCalendarWithWindowsZoneAndDaylightSavingChange() {
        String erin = createContact(Map.of("displayName", "Erin Example", "emails", List.of("erin@example.com")));
        post("calendar", file("outlook-calendar.ics"), "text/calendar")
                .statusCode(200)
                .body("interactions.created", equalTo(11))
                .body("unmatched[0].email", equalTo("frank@example.com"))
                .body("unmatched[0].interactions", equalTo(11));
        Map<String, Map<String, Object>> byTime = new HashMap<>();
        timeline(erin).forEach(i -> byTime.put((String) i.get("occurredAt"), i));
        Assertions.assertEquals(11, byTime.size());
        Assertions.assertEquals("INBOUND", byTime.get("2024-10-21T07:15:00Z").get("direction"));
        Assertions.assertEquals("VIDEO", byTime.get("2024-10-21T07:15:00Z").get("channel"));
        Assertions.assertTrue(
                byTime.containsKey("2024-10-28T08:15:00Z"), byTime.keySet().toString()); // CET now
        Assertions.assertTrue(
                byTime.containsKey("2024-11-02T08:15:00Z"), byTime.keySet().toString()); // RDATE
    }

    @Test
    void takeoutMboxEveryRuleAndExchanges() {
        JsonPath r = post("mail", file("takeout.mbox"), "application/mbox")
                .statusCode(200)
                .extract()
                .jsonPath();
        Assertions.assertEquals(19, r.getInt("items"), r.prettify());
        Assertions.assertEquals(4, r.getInt("interactions.created"), r.prettify());
        Map<String, Integer> skipped = r.getMap("interactions.skippedBy");
        Assertions.assertEquals(
                Map.ofEntries(
                        Map.entry("mailingList", 1),
                        Map.entry("bulk", 2),
                        Map.entry("automated", 1),
                        Map.entry("noReply", 2),
                        Map.entry("draft", 1),
                        Map.entry("spam", 1),
                        Map.entry("trash", 1),
                        Map.entry("tooManyRecipients", 1),
                        Map.entry("unreadable", 2),
                        Map.entry("notAddressedToYou", 1),
                        Map.entry("notAContact", 1)),
                skipped);
        Assertions.assertEquals(2, r.getList("errors").size());
        Assertions.assertEquals("bob@example.net", r.getString("unmatched[0].email"));

        List<Map<String, Object>> adas = timeline(ada);
        Map<String, Map<String, Object>> byTime = new HashMap<>();
        adas.forEach(i -> byTime.put((String) i.get("occurredAt"), i));
        Assertions.assertEquals(2, adas.size(), adas.toString());
        Map<String, Object> exchange = byTime.get("2024-03-12T10:22:31Z");
        Assertions.assertEquals("MUTUAL", exchange.get("direction"));
        Assertions.assertEquals("MESSAGE", exchange.get("type"));
        Assertions.assertEquals("EMAIL", exchange.get("channel"));
        Assertions.assertEquals("Café on Friday?", exchange.get("note"));
        Assertions.assertEquals("INBOUND", byTime.get("2024-03-13T17:00:00Z").get("direction"));
        Assertions.assertEquals(
                "Über das Treffen", byTime.get("2024-03-13T17:00:00Z").get("note"));
        Map<String, String> carolDirections = new HashMap<>();
        timeline(carol).forEach(i -> carolDirections.put((String) i.get("note"), (String) i.get("direction")));
        Assertions.assertEquals(
                Map.of("Lunch next week", "OUTBOUND", "Re: Lunch next week", "INBOUND"), carolDirections);
    }

    @Inject
    ImportFinishedRecorder finished;

    /** A capture asked to run as a job: 202 with its Location, the job ends with the report, the same as at once. */
    @Test
    void aCaptureRunsAsAJobWhenAskedWithItsOptions() throws Exception {
        api().body(Map.of("names", List.of("Sam Example"), "emails", List.of(), "timeZone", "Europe/Berlin"))
                .put("/api/v1/settings/profile")
                .then()
                .statusCode(200);
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> accepted = api().contentType(
                        "application/mbox")
                .header("Prefer", "respond-async")
                .queryParam("me", "sam@example.com")
                .queryParam("me", "+49 30 1234567")
                .body(file("takeout.mbox"))
                .post("/api/v1/imports/mail")
                .then()
                .extract();
        Assertions.assertEquals(202, accepted.statusCode(), accepted.asString());
        Assertions.assertEquals("respond-async", accepted.header("Preference-Applied"));
        String id = accepted.jsonPath().getString("id");
        Assertions.assertTrue(accepted.header("Location").endsWith("/api/v1/imports/" + id));

        ImportFinished event = finished.next(owner, Duration.ofSeconds(60));
        Assertions.assertEquals(UUID.fromString(id), event.jobId());
        api().get("/api/v1/imports/" + id)
                .then()
                .statusCode(200)
                .body("kind", equalTo("mail"))
                .body("status", equalTo("SUCCEEDED"))
                .body("report.interactions.created", equalTo(4));
        // the options reached the job: without the me values the owner's address is unknown (a 400 at once)
        post("mail", file("takeout.mbox"), "application/mbox").statusCode(400);
        api().header("Prefer", "respond-async")
                .queryParam("me", "bad\nvalue")
                .contentType("application/mbox")
                .body(file("takeout.mbox"))
                .post("/api/v1/imports/mail")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("me"));
    }

    @Test
    void importingTheSameMboxAndIcsTwiceChangesNothing() {
        post("mail", file("takeout.mbox"), "application/mbox").statusCode(200).body("interactions.created", equalTo(4));
        post("calendar", file("google-calendar.ics"), "text/calendar")
                .statusCode(200)
                .body("interactions.created", equalTo(7));
        Map<String, Object> adaScore = score(ada);
        Map<String, Object> carolScore = score(carol);
        List<Map<String, Object>> adaTimeline = timeline(ada);

        post("mail", file("takeout.mbox"), "application/mbox")
                .statusCode(200)
                .body("interactions.created", equalTo(0))
                .body("interactions.unchanged", equalTo(4));
        post("calendar", file("google-calendar.ics"), "text/calendar")
                .statusCode(200)
                .body("interactions.created", equalTo(0))
                .body("interactions.unchanged", equalTo(7));

        Assertions.assertEquals(adaTimeline, timeline(ada));
        Assertions.assertEquals(adaScore.get("effectivePoints"), score(ada).get("effectivePoints"));
        Assertions.assertEquals(carolScore.get("effectivePoints"), score(carol).get("effectivePoints"));
    }

    @Test
    void dryRunWritesNothingAndCreateContactsCreatesThem() {
        post("mail?dryRun=true&createContacts=true", file("takeout.mbox"), "application/mbox")
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", equalTo(1))
                .body("interactions.created", equalTo(5));
        Assertions.assertEquals(0, timeline(ada).size());
        api().get("/api/v1/contacts?q=bob").then().statusCode(200).body("items", hasSize(0));

        post("mail?createContacts=true", file("takeout.mbox"), "application/mbox")
                .statusCode(200)
                .body("created", equalTo(1))
                .body("interactions.created", equalTo(5))
                .body("unmatched", hasSize(0));
        api().get("/api/v1/contacts?q=bob")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].displayName", equalTo("Bob Example"))
                .body("items[0].emails[0]", equalTo("bob@example.net"));
    }

    @Test
    void singleMessageMultipartAndZip() throws IOException {
        post("mail", file("forwarded.eml"), "message/rfc822").statusCode(200).body("interactions.created", equalTo(1));
        Assertions.assertEquals("Fwd: the slides 📎", timeline(ada).get(0).get("note"));

        api().contentType("multipart/form-data")
                .multiPart("file", "takeout.mbox", file("takeout.mbox"), "application/mbox")
                .multiPart("file", "forwarded.eml", file("forwarded.eml"), "message/rfc822")
                .multiPart("file", "notes.txt", "hello".getBytes(), "text/plain")
                .post("/api/v1/imports/mail")
                .then()
                .statusCode(200)
                .body("interactions.created", equalTo(4))
                .body("interactions.unchanged", equalTo(1))
                .body("ignored", equalTo(List.of("notes.txt")));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("Takeout/Calendar/sam@example.com.ics"));
            z.write(file("google-calendar.ics"));
            z.putNextEntry(new ZipEntry("Takeout/Calendar/Work.ics"));
            z.write(file("outlook-calendar.ics"));
            z.putNextEntry(new ZipEntry("Takeout/archive_browser.html"));
            z.write("<html></html>".getBytes());
        }
        post("calendar", zip.toByteArray(), "application/zip")
                .statusCode(200)
                .body("interactions.created", equalTo(7))
                .body("ignored", equalTo(List.of("Takeout/archive_browser.html")))
                .body("unmatched", hasSize(3));
    }

    @Test
    void mailNeedsYourAddressAndBadFilesAre400() {
        String other = dev.threshold.support.TestTokens.newOwner();
        as(other)
                .contentType("application/mbox")
                .body(file("takeout.mbox"))
                .post("/api/v1/imports/mail")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("me"));
        as(other)
                .contentType("application/mbox")
                .body(file("takeout.mbox"))
                .post("/api/v1/imports/mail?me=sam@example.com")
                .then()
                .statusCode(200)
                .body("unmatched", hasSize(3));
        post("calendar", "this is not a calendar".getBytes(), "text/calendar")
                .statusCode(400)
                .body("type", containsString("unreadable-file"));
        post("mail", "just some text\nwithout headers".getBytes(), "application/mbox")
                .statusCode(400)
                .body("type", containsString("unreadable-file"));
        post("calendar?maxAttendees=0", file("google-calendar.ics"), "text/calendar")
                .statusCode(400)
                .body("errors[0].field", equalTo("maxAttendees"));
        post("calendar?maxAttendees=30", file("google-calendar.ics"), "text/calendar")
                .statusCode(200)
                .body("interactions.created", equalTo(7));
    }
}
