package dev.threshold.importing;

import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.ScoreReference;
import dev.threshold.score.math.ScoredInteraction;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.support.ApiTest;
import dev.threshold.support.RawHttp;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ImportResourceTest extends ApiTest {

    ValidatableResponse upload(String owner, String path, byte[] body, String contentType) {
        return as(owner)
                .contentType(contentType)
                .body(body)
                .post("/api/v1/imports/" + path)
                .then();
    }

    ValidatableResponse upload(String path, byte[] body, String contentType) {
        return upload(owner, path, body, contentType);
    }

    Map<String, Map<String, Object>> contactsByName(String owner) {
        List<Map<String, Object>> items = as(owner)
                .get("/api/v1/contacts?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        Map<String, Map<String, Object>> byName = new HashMap<>();
        items.forEach(c -> byName.put((String) c.get("displayName"), c));
        Assertions.assertEquals(items.size(), byName.size(), "display names are unique in these fixtures");
        return byName;
    }

    @Test
    void linkedInExportImportsAsDownloaded() {
        upload("linkedin", fixture("linkedin-connections.csv"), "text/csv")
                .statusCode(200)
                .body("dryRun", equalTo(false))
                .body("created", equalTo(6))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0))
                .body("skipped", equalTo(1))
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(8))
                .body("errors[0].message", containsString("neither First Name nor Last Name"))
                .body("messages", nullValue());
        var contacts = contactsByName(owner);
        Assertions.assertEquals(6, contacts.size());
        var ada = contacts.get("Ada Lovelace");
        Assertions.assertEquals("Ada", ada.get("firstName"));
        Assertions.assertEquals("Lovelace", ada.get("lastName"));
        Assertions.assertEquals("Analytical Engines, Ltd", ada.get("company"));
        Assertions.assertEquals("Programmer", ada.get("position"));
        Assertions.assertEquals("2024-03-15", ada.get("connectedOn"));
        Assertions.assertEquals(List.of(), ada.get("emails"));
        Assertions.assertEquals(Map.of("linkedin", "https://www.linkedin.com/in/ada-example"), ada.get("profiles"));
        Assertions.assertEquals("STRANGER", ada.get("tier"));
        var charles = contacts.get("Charles Babbage");
        Assertions.assertEquals("Founder, Chief Engineer", charles.get("position"));
        Assertions.assertEquals(List.of("charles@engines.example"), charles.get("emails"));
        Assertions.assertEquals(
                "https://www.linkedin.com/in/cbabbage-example", ((Map<?, ?>) charles.get("profiles")).get("linkedin"));
        var emile = contacts.get("Émile Zoëga");
        Assertions.assertEquals("Café \"Le Quai\"", emile.get("company"));
        Assertions.assertEquals("2020-09-07", emile.get("connectedOn"));
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        upload("linkedin", fixture("linkedin-connections.csv"), "text/csv")
                .statusCode(200)
                .body("created", equalTo(6));
        var before = contactsByName(owner);
        upload("linkedin", fixture("linkedin-connections.csv"), "text/csv")
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(6))
                .body("skipped", equalTo(1));
        Assertions.assertEquals(before, contactsByName(owner));
        // the old format has no keys but names: matched by display name, still nothing changes twice
        String other = TestTokens.newOwner();
        upload(other, "linkedin", fixture("linkedin-connections-old.csv"), "text/csv")
                .statusCode(200)
                .body("created", equalTo(3))
                .body("skipped", equalTo(0));
        upload(other, "linkedin", fixture("linkedin-connections-old.csv"), "text/csv")
                .statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(3));
        Assertions.assertEquals(
                "Hopping, Inc", contactsByName(other).get("Hedy Lamarr").get("company"));
    }

    @Test
    void dryRunReportsWithoutWriting() {
        upload("linkedin?dryRun=true", fixture("linkedin-connections.csv"), "text/csv")
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", equalTo(6))
                .body("skipped", equalTo(1));
        Assertions.assertTrue(contactsByName(owner).isEmpty());
        upload("vcard?dryRun=true", fixture("contacts-21-30-40.vcf"), "text/vcard")
                .statusCode(200)
                .body("created", equalTo(3));
        Assertions.assertTrue(contactsByName(owner).isEmpty());
        upload("linkedin?dryRun=maybe", fixture("linkedin-connections.csv"), "text/csv")
                .statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));
    }

    @Test
    void fillsOnlyEmptyFieldsAndNeverOverwrites() {
        Map<String, Object> mine = new HashMap<>();
        mine.put("displayName", "Ada (mentor)");
        mine.put("company", "My Own Name For It");
        mine.put("profiles", Map.of("linkedin", "linkedin.com/in/ADA-example/"));
        String id = createContact(mine);
        upload("linkedin", fixture("linkedin-connections.csv"), "text/csv")
                .statusCode(200)
                .body("created", equalTo(5))
                .body("updated", equalTo(1));
        var ada = api().get("/api/v1/contacts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Assertions.assertEquals("Ada (mentor)", ada.getString("displayName"));
        Assertions.assertEquals("My Own Name For It", ada.getString("company"));
        Assertions.assertEquals("linkedin.com/in/ADA-example/", ada.getString("profiles.linkedin"));
        Assertions.assertEquals("Programmer", ada.getString("position"));
        Assertions.assertEquals("Ada", ada.getString("firstName"));
        Assertions.assertEquals("2024-03-15", ada.getString("connectedOn"));
        Assertions.assertEquals(1, ada.getInt("version"));
    }

    @Test
    void anotherOwnersContactsAreNeverMatchedOrTouched() {
        String other = TestTokens.newOwner();
        String theirs = as(other)
                .body(Map.of(
                        "displayName",
                        "Ada L.",
                        "emails",
                        List.of("charles@engines.example"),
                        "profiles",
                        Map.of("linkedin", "https://www.linkedin.com/in/ada-example")))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        upload("linkedin", fixture("linkedin-connections.csv"), "text/csv")
                .statusCode(200)
                .body("created", equalTo(6))
                .body("updated", equalTo(0));
        var untouched = as(other)
                .get("/api/v1/contacts/" + theirs)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Assertions.assertEquals(0, untouched.getInt("version"));
        Assertions.assertNull(untouched.get("company"));
        Assertions.assertEquals(
                1,
                as(other)
                        .get("/api/v1/contacts")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size());
    }

    @Test
    void messagesBecomeInteractionsAndScoresMatchARecomputation() {
        importConnectionsWithMessages(null);
        var contacts = contactsByName(owner);
        String adaId = (String) contacts.get("Ada Lovelace").get("id");
        String charlesId = (String) contacts.get("Charles Babbage").get("id");
        // second time: the messages are already there
        multipart(null)
                .statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(6))
                .body("messages.created", equalTo(0))
                .body("messages.unchanged", equalTo(3));
        List<Map<String, Object>> adaLog = api().get("/api/v1/interactions?contactId=" + adaId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        Assertions.assertEquals(2, adaLog.size());
        Assertions.assertEquals("INBOUND", adaLog.get(0).get("direction"));
        Assertions.assertEquals("OUTBOUND", adaLog.get(1).get("direction"));
        Assertions.assertEquals("MESSAGE", adaLog.get(0).get("type"));
        Assertions.assertEquals("LINKEDIN", adaLog.get(0).get("channel"));
        Instant now = Instant.now();
        var expected = ScoreReference.scoreFromScratch(
                List.of(
                        new ScoredInteraction(
                                InteractionType.MESSAGE,
                                Direction.OUTBOUND,
                                Instant.parse("2024-03-16T09:15:00Z"),
                                null),
                        new ScoredInteraction(
                                InteractionType.MESSAGE,
                                Direction.INBOUND,
                                Instant.parse("2024-03-16T10:02:41Z"),
                                null)),
                now,
                ScoringSettings.defaults());
        JsonPath score = api().get("/api/v1/contacts/" + adaId + "/score?at=" + now)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Assertions.assertEquals(expected.in(), score.getDouble("inbound"), 1e-3);
        Assertions.assertEquals(expected.out(), score.getDouble("outbound"), 1e-3);
        Assertions.assertEquals("2024-03-16T10:02:41Z", score.getString("lastInteractionAt"));
        List<Map<String, Object>> charlesLog = api().get("/api/v1/interactions?contactId=" + charlesId)
                .then()
                .extract()
                .jsonPath()
                .getList("items");
        Assertions.assertEquals(1, charlesLog.size());
        Assertions.assertEquals("INBOUND", charlesLog.get(0).get("direction"));
    }

    @Test
    void messagesLessThanThirtyMinutesApartAreOneExchange() {
        String burst = "FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\n"
                + "Ada Lovelace,https://www.linkedin.com/in/ada-example,Olive Owner,https://www.linkedin.com/in/owner-example,2024-03-16 09:00:00 UTC,a\n"
                + "Olive Owner,https://www.linkedin.com/in/owner-example,Ada Lovelace,https://www.linkedin.com/in/ada-example,2024-03-16 09:20:00 UTC,b\n"
                + "Ada Lovelace,https://www.linkedin.com/in/ada-example,Olive Owner,https://www.linkedin.com/in/owner-example,2024-03-16 09:45:00 UTC,c\n"
                + "Ada Lovelace,https://www.linkedin.com/in/ada-example,Olive Owner,https://www.linkedin.com/in/owner-example,2024-03-16 12:00:00 UTC,d\n";
        for (int round = 0; round < 2; round++) {
            api().contentType("multipart/form-data")
                    .multiPart("connections", "Connections.csv", fixture("linkedin-connections.csv"), "text/csv")
                    .multiPart("messages", "messages.csv", burst.getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/v1/imports/linkedin?me=Olive Owner")
                    .then()
                    .statusCode(200)
                    .body("messages.created", equalTo(round == 0 ? 2 : 0))
                    .body("messages.unchanged", equalTo(round == 0 ? 0 : 2));
        }
        String adaId = (String) contactsByName(owner).get("Ada Lovelace").get("id");
        List<Map<String, Object>> log = api().get("/api/v1/interactions?contactId=" + adaId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        Assertions.assertEquals(2, log.size());
        Assertions.assertEquals("INBOUND", log.get(0).get("direction"));
        Assertions.assertEquals("2024-03-16T12:00:00Z", log.get(0).get("occurredAt"));
        Assertions.assertEquals("MUTUAL", log.get(1).get("direction"));
        Assertions.assertEquals("2024-03-16T09:00:00Z", log.get(1).get("occurredAt"));
    }

    @Test
    void meNamesTheOwnerInMessages() {
        multipart("Olive Owner").statusCode(200).body("messages.created", equalTo(3));
        String other = TestTokens.newOwner();
        as(other)
                .contentType("multipart/form-data")
                .multiPart("connections", "Connections.csv", fixture("linkedin-connections.csv"), "text/csv")
                .multiPart("messages", "messages.csv", fixture("linkedin-messages.csv"), "text/csv")
                .post("/api/v1/imports/linkedin?me=https://www.linkedin.com/in/owner-example")
                .then()
                .statusCode(200)
                .body("messages.created", equalTo(3));
    }

    private ValidatableResponse importConnectionsWithMessages(String me) {
        return multipart(me)
                .statusCode(200)
                .body("created", equalTo(6))
                .body("messages.created", equalTo(3))
                .body("messages.unchanged", equalTo(0))
                .body("messages.skipped", equalTo(2))
                .body("errors.findAll { it.file == 'messages' }", hasSize(1))
                .body("errors.find { it.file == 'messages' }.line", equalTo(6));
    }

    private ValidatableResponse multipart(String me) {
        return api().contentType("multipart/form-data")
                .multiPart("connections", "Connections.csv", fixture("linkedin-connections.csv"), "text/csv")
                .multiPart("messages", "messages.csv", fixture("linkedin-messages.csv"), "text/csv")
                .queryParams(me == null ? Map.of() : Map.of("me", me))
                .post("/api/v1/imports/linkedin")
                .then();
    }

    @Test
    void multipartTakesTheFirstCsvPart() {
        api().contentType("multipart/form-data")
                .multiPart("file", "Connections.csv", fixture("linkedin-connections.csv"), "text/csv")
                .post("/api/v1/imports/linkedin")
                .then()
                .statusCode(200)
                .body("created", equalTo(6));
        api().contentType("multipart/form-data")
                .multiPart("file", "contacts.vcf", fixture("contacts-21-30-40.vcf"), "text/vcard")
                .post("/api/v1/imports/vcard")
                .then()
                .statusCode(200)
                .body("created", equalTo(2))
                .body("updated", equalTo(1));
    }

    @Test
    void vCardsOfEveryVersion() {
        upload("vcard", fixture("contacts-21-30-40.vcf"), "text/vcard")
                .statusCode(200)
                .body("created", equalTo(3))
                .body("skipped", equalTo(0));
        var contacts = contactsByName(owner);
        var juergen = contacts.get("Jürgen Müller");
        Assertions.assertNotNull(juergen, contacts.keySet().toString());
        Assertions.assertEquals("Jürgen", juergen.get("firstName"));
        Assertions.assertEquals("Müller", juergen.get("lastName"));
        Assertions.assertEquals(List.of("+49 30 1234 5678", "030 9876 5432"), juergen.get("phones"));
        String notes = (String) juergen.get("notes");
        Assertions.assertTrue(notes.startsWith("Met at the trade fair,\r\ntalked about gears."), notes);
        Assertions.assertTrue(notes.contains("More on gears."), notes);
        var charles = contacts.get("Charles Babbage");
        Assertions.assertEquals(List.of("charles@engines.example"), charles.get("emails"));
        Assertions.assertEquals("Difference Works", charles.get("company"));
        Assertions.assertEquals(List.of("engineering", "mentors"), charles.get("tags"));
        Assertions.assertEquals("London, United Kingdom", charles.get("location"));
        Assertions.assertEquals(
                "https://www.linkedin.com/in/cbabbage-example", ((Map<?, ?>) charles.get("profiles")).get("linkedin"));
        Assertions.assertTrue(
                ((String) charles.get("notes")).contains("seventy-five octets, as RFC 2426 says."),
                (String) charles.get("notes"));
        var grace = contacts.get("Grace Hopper");
        Assertions.assertEquals(List.of("+1-202-555-0147"), grace.get("phones"));
        Assertions.assertEquals(Map.of("x", "https://x.example/grace"), grace.get("profiles"));
        upload("vcard", fixture("contacts-21-30-40.vcf"), "text/vcard")
                .statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(3));
    }

    @Test
    void vCardsMergeIntoLinkedInContacts() {
        upload("linkedin", fixture("linkedin-connections.csv"), "text/csv").statusCode(200);
        // Charles by his LinkedIn URL (and e-mail); Grace's card shares no key with her LinkedIn row: a new contact
        upload("vcard", fixture("contacts-21-30-40.vcf"), "text/vcard")
                .statusCode(200)
                .body("created", equalTo(2))
                .body("updated", equalTo(1));
        List<Map<String, Object>> all = api().get("/api/v1/contacts?q=charles")
                .then()
                .extract()
                .jsonPath()
                .getList("items");
        Assertions.assertEquals(1, all.size());
        Assertions.assertEquals("Founder, Chief Engineer", all.get(0).get("position"));
        Assertions.assertEquals(List.of("engineering", "mentors"), all.get(0).get("tags"));
    }

    @Test
    void googleContactsCsv() {
        upload("google", fixture("google-contacts.csv"), "text/csv")
                .statusCode(200)
                .body("created", equalTo(2))
                .body("skipped", equalTo(2))
                .body("errors.line", equalTo(List.of(5, 6)));
        var ada = contactsByName(owner).get("Ada Lovelace");
        Assertions.assertEquals(List.of("ada@engines.example", "ada@home.example"), ada.get("emails"));
        Assertions.assertEquals(List.of("+44 20 7946 0000", "+44 20 7946 0001"), ada.get("phones"));
        Assertions.assertEquals(List.of("Mentors"), ada.get("tags"));
        Assertions.assertEquals("1 Engine Row, London", ada.get("location"));
        Assertions.assertEquals("Analytical Engines Ltd", ada.get("company"));
        Assertions.assertEquals("Poet of numbers, met in 2024", ada.get("notes"));
        Assertions.assertEquals(Map.of("linkedin", "https://www.linkedin.com/in/ada-example"), ada.get("profiles"));
        Assertions.assertNotNull(contactsByName(owner).get("Hedy Lamarr"));
    }

    @Test
    void wrongEncodingIsA400AndWritesNothing() {
        upload("linkedin", fixture("hostile-latin1.csv"), "text/csv")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threshold.dev/problems/unreadable-file"))
                .body("detail", containsString("line 3"));
        upload("linkedin", fixture("hostile-utf16.csv"), "text/csv")
                .statusCode(400)
                .body("detail", containsString("UTF-16"));
        upload(
                        "vcard",
                        "BEGIN:VCARD\nVERSION:3.0\nFN:A\u0000B\nEND:VCARD\n".getBytes(StandardCharsets.UTF_8),
                        "text/vcard")
                .statusCode(400)
                .body("detail", containsString("NUL"));
        Assertions.assertTrue(contactsByName(owner).isEmpty());
    }

    @Test
    void notTheRightKindOfFileIsA400() {
        upload("linkedin", fixture("google-contacts.csv"), "text/csv")
                .statusCode(400)
                .body("detail", containsString("not a LinkedIn Connections.csv"));
        upload("linkedin", new byte[0], "text/csv").statusCode(400);
        upload("google", fixture("linkedin-messages.csv"), "text/csv").statusCode(400);
        upload("vcard", fixture("google-contacts.csv"), "text/vcard")
                .statusCode(400)
                .body("detail", containsString("not a vCard"));
        api().contentType("application/json")
                .body("{}")
                .post("/api/v1/imports/linkedin")
                .then()
                .statusCode(415);
        Assertions.assertTrue(contactsByName(owner).isEmpty());
    }

    @Test
    void truncatedRowsAreReportedByLine() {
        upload("linkedin", fixture("hostile-short-row.csv"), "text/csv")
                .statusCode(200)
                .body("created", equalTo(2))
                .body("skipped", equalTo(1))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].message", containsString("has 3 fields; the header has 7"));
        // a file cut inside a quoted field cannot be read past that point: nothing lands
        String other = TestTokens.newOwner();
        upload(other, "linkedin", fixture("hostile-cut-in-quote.csv"), "text/csv")
                .statusCode(400)
                .body("detail", containsString("line 3"));
        Assertions.assertTrue(contactsByName(other).isEmpty());
    }

    @Test
    void duplicateRowsBecomeOneContact() {
        upload("linkedin", fixture("hostile-duplicates.csv"), "text/csv")
                .statusCode(200)
                .body("created", equalTo(1))
                .body("unchanged", equalTo(1))
                .body("updated", equalTo(1));
        var ada = contactsByName(owner).get("Ada Lovelace");
        Assertions.assertEquals(List.of("ada@engines.example"), ada.get("emails"));
    }

    @Test
    void aBadOptionalFieldIsDroppedWithAWarningAndThePersonImported() {
        String big = "x".repeat(1024 * 1024);
        String csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "Ada,Lovelace,https://www.linkedin.com/in/ada-example,,Analytical Engines,Programmer,15 Mar 2024\n"
                + "Big,Cell,https://www.linkedin.com/in/big-example,,\"" + big + "\",,1 Jan 2024\n"
                + "Grace,Hopper,https://www.linkedin.com/in/grace-example,not-an-email,,,28 Feb 2022\n"
                + "Alan,Turing,https://www.linkedin.com/in/alan-example,,,,31 Feb 2022\n"
                + "Mary,Somerville,https://www.linkedin.com/in/mary-example,,,,\n"
                + "\"" + big + "\",Huge,,,,,\n";
        upload("linkedin", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .statusCode(200)
                .body("created", equalTo(5))
                .body("skipped", equalTo(1))
                .body("errors.line", equalTo(List.of(7)))
                .body("errors[0].message", containsString("displayName"))
                .body("warnings.line", equalTo(List.of(3, 4, 5)))
                .body("warnings[0].message", startsWith("company: 'xxx"))
                .body("warnings[0].message", endsWith("size must be between 0 and 200; imported without it"))
                .body("warnings[1].message", containsString("emails: 'not-an-email' must be a well-formed email"))
                .body("warnings[2].message", containsString("Connected On: '31 Feb 2022' is not a date"));
        var people = contactsByName(owner);
        Assertions.assertNull(people.get("Big Cell").get("company"));
        Assertions.assertEquals("2024-01-01", people.get("Big Cell").get("connectedOn"));
        Assertions.assertEquals(List.of(), people.get("Grace Hopper").get("emails"));
        Assertions.assertEquals("2022-02-28", people.get("Grace Hopper").get("connectedOn"));
        Assertions.assertNull(people.get("Alan Turing").get("connectedOn"));
    }

    @Test
    void connectedOnInOtherLayoutsIsReadOrWarnedAboutNeverDropped() {
        String csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "Ana,Spreadsheet,https://www.linkedin.com/in/ana-sheet,,,,7-Feb-22\n"
                + "Ben,Iso,https://www.linkedin.com/in/ben-iso,,,,2022-02-07\n"
                + "Cleo,Us,https://www.linkedin.com/in/cleo-us,,,,2/7/22\n"
                + "Dan,UsLong,https://www.linkedin.com/in/dan-us,,,,12/31/2021\n"
                + "Eve,Unknown,https://www.linkedin.com/in/eve-unknown,,,,sometime in 2019\n"
                + "Finn,Phone,,finn(at)example.org,,,15 Mar 2024\n";
        upload("linkedin", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .statusCode(200)
                .body("created", equalTo(6))
                .body("skipped", equalTo(0))
                .body("errors", hasSize(0))
                .body("warnings.line", equalTo(List.of(6, 7)))
                .body(
                        "warnings[0].message",
                        equalTo(
                                "Connected On: 'sometime in 2019' is not a date such as 15 Mar 2024; imported without it"))
                .body("warnings[1].message", startsWith("emails: 'finn(at)example.org' must be a well-formed email"));
        var people = contactsByName(owner);
        Assertions.assertEquals("2022-02-07", people.get("Ana Spreadsheet").get("connectedOn"));
        Assertions.assertEquals("2022-02-07", people.get("Ben Iso").get("connectedOn"));
        Assertions.assertEquals("2022-02-07", people.get("Cleo Us").get("connectedOn"));
        Assertions.assertEquals("2021-12-31", people.get("Dan UsLong").get("connectedOn"));
        Assertions.assertNull(people.get("Eve Unknown").get("connectedOn"));
        Assertions.assertEquals("2024-03-15", people.get("Finn Phone").get("connectedOn"));
        // the same file again: the warnings again, nothing changes
        upload("linkedin", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .statusCode(200)
                .body("unchanged", equalTo(6))
                .body("warnings", hasSize(2));
    }

    @Test
    void aMalformedPhoneInAVCardIsDroppedWithAWarning() {
        String vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pat Phone\r\nTEL:" + "1".repeat(60)
                + "\r\nTEL:+44 20 7946 0111\r\nEMAIL:pat@@example\r\nEND:VCARD\r\n";
        upload("vcard", vcf.getBytes(StandardCharsets.UTF_8), "text/vcard")
                .statusCode(200)
                .body("created", equalTo(1))
                .body("warnings.line", equalTo(List.of(1, 1)))
                .body("warnings.message", hasItem(startsWith("phones: '111")))
                .body("warnings.message", hasItem(startsWith("emails: 'pat@@example'")));
        var pat = contactsByName(owner).get("Pat Phone");
        Assertions.assertEquals(List.of("+44 20 7946 0111"), pat.get("phones"));
        Assertions.assertEquals(List.of(), pat.get("emails"));
    }

    @Test
    void linkedInUrlsMatchWhateverTheirCaseSchemeOrWww() {
        String id = as(owner)
                .contentType("application/json")
                .body(Map.of("displayName", "Jane Doe", "profiles", Map.of("linkedin", "linkedin.com/in/Jane-Doe")))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "Jane,Doe,HTTPS://WWW.LinkedIn.com/in/jane-doe/,,Acme,,7-Feb-22\n"
                + "Janet,Doe,www.linkedin.com/IN/JANE-DOE?trk=public_profile,jane@example.org,,,\n";
        upload("linkedin", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(2));
        var jane = as(owner)
                .get("/api/v1/contacts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Assertions.assertEquals("Acme", jane.getString("company"));
        Assertions.assertEquals("2022-02-07", jane.getString("connectedOn"));
        Assertions.assertEquals(List.of("jane@example.org"), jane.getList("emails"));
        Assertions.assertEquals(
                "linkedin.com/in/Jane-Doe", jane.getString("profiles.linkedin"), "the user's value is kept");
    }

    @Test
    void importsMayBeLargerThanOtherBodies() throws Exception {
        String token = TestTokens.forOwner(owner);
        String tooLarge = RawHttp.postHead("/api/v1/imports/linkedin", token, 4L * 1024 * 1024 * 1024 + 1);
        Assertions.assertTrue(tooLarge.startsWith("HTTP/1.1 413"), tooLarge);
        Assertions.assertTrue(tooLarge.contains("4294967296"), tooLarge);
        String contacts = RawHttp.postHead("/api/v1/contacts", token, 11L * 1024 * 1024);
        Assertions.assertTrue(contacts.startsWith("HTTP/1.1 413"), contacts);
        // an 11 MB LinkedIn file is accepted
        StringBuilder csv = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        int rows = 0;
        while (csv.length() < 11 * 1024 * 1024) {
            csv.append("First")
                    .append(rows)
                    .append(",Last,https://www.linkedin.com/in/p-")
                    .append(rows)
                    .append(",,\"Company, Inc ")
                    .append("c".repeat(170))
                    .append("\",")
                    .append("p".repeat(190))
                    .append(",1 Jan 2024\n");
            rows++;
        }
        upload("linkedin?dryRun=true", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .statusCode(200)
                .body("created", equalTo(rows))
                .body("skipped", equalTo(0));
    }

    @Test
    void openApiDocumentsBothContentTypesOfEveryImport() {
        JsonPath doc = RestAssured.given()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String kind : List.of("linkedin", "vcard", "google")) {
            Map<String, Object> content = doc.getMap("paths.'/api/v1/imports/" + kind + "'.post.requestBody.content");
            Assertions.assertTrue(content.containsKey("multipart/form-data"), kind + ": " + content.keySet());
            Assertions.assertTrue(
                    content.containsKey(kind.equals("vcard") ? "text/vcard" : "text/csv"),
                    kind + ": " + content.keySet());
            Assertions.assertNotNull(
                    doc.get("paths.'/api/v1/imports/" + kind
                            + "'.post.responses.'200'.content.'application/json'.examples"),
                    kind);
            Assertions.assertNotNull(doc.get("paths.'/api/v1/imports/" + kind + "'.post.responses.'413'"), kind);
        }
        Assertions.assertNotNull(doc.get("paths.'/api/v1/contacts/export'.get.responses.'200'.content.'text/csv'"));
    }
}
