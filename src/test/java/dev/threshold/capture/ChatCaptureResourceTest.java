package dev.threshold.capture;

import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.threshold.capture.CaptureResourceTest.file;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /imports/whatsapp, /imports/telegram and /imports/linkedin (application/zip) end to end. */
@QuarkusTest
class ChatCaptureResourceTest extends ApiTest {

    void profile(String name) {
        api().body(Map.of("names", List.of(name), "timeZone", "Europe/London"))
                .put("/api/v1/settings/profile")
                .then()
                .statusCode(200);
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

    long contacts() {
        return api().get("/api/v1/contacts?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
    }

    static byte[] zip(String folder, List<String> names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                z.write(file(folder + name));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aOneToOneWhatsAppChatBecomesExchangesOnceAndOnlyOnce() {
        profile("Sam Owner");
        String jane = createContact("Jane Doe");
        byte[] chat = file("whatsapp/WhatsApp Chat with Jane Doe.txt");

        JsonPath dry = post("whatsapp?dryRun=true", chat, "text/plain; charset=utf-8")
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(dry.getBoolean("dryRun"));
        assertEquals(2, dry.getInt("interactions.created"), dry.prettify());
        assertEquals(List.of(), timeline(jane), "a dry run writes nothing");

        JsonPath r = post("whatsapp", chat, "text/plain; charset=utf-8")
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, r.getInt("interactions.created"), r.prettify());
        assertEquals(
                2,
                r.getInt("interactions.skippedBy.systemLine"),
                "the encryption notice, a number change: " + r.prettify());
        List<Map<String, Object>> items = timeline(jane);
        assertEquals(2, items.size(), items.toString());
        assertTrue(
                items.stream()
                        .anyMatch(i -> "MUTUAL".equals(i.get("direction"))
                                && "MESSAGE".equals(i.get("type"))
                                && "WHATSAPP".equals(i.get("channel"))),
                "Jane and Sam wrote within 30 minutes: one MUTUAL exchange " + items);
        assertTrue(items.stream().anyMatch(i -> "INBOUND".equals(i.get("direction"))), items.toString());

        post("whatsapp", chat, "text/plain")
                .statusCode(200)
                .body("interactions.created", equalTo(0))
                .body("interactions.unchanged", equalTo(2));
        assertEquals(2, timeline(jane).size(), "importing the same chat twice changes nothing");
    }

    @Test
    void aMultipartUploadNamesTheChatAndSoTheOwner() {
        String jane = createContact("Jane Doe");
        JsonPath r = api().contentType("multipart/form-data")
                .multiPart(
                        "file",
                        "WhatsApp Chat with Jane Doe.txt",
                        file("whatsapp/WhatsApp Chat with Jane Doe.txt"),
                        "text/plain")
                .multiPart("file", "photo.jpg", new byte[] {1, 2, 3}, "image/jpeg")
                .post("/api/v1/imports/whatsapp")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                2, r.getInt("interactions.created"), "no profile: the file name says Sam is not Jane " + r.prettify());
        assertEquals(List.of("photo.jpg"), r.getList("ignored"), r.prettify());
        assertEquals(2, timeline(jane).size());
    }

    @Test
    void aGroupChatZipListsTheUnmatchedAndCreatesThemOnRequest() {
        profile("Sam Owner");
        String ann = createContact("Ann Example");
        byte[] zip = file("whatsapp/WhatsApp Chat - Book Club.zip");

        JsonPath r = post("whatsapp", zip, "application/zip")
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("00000004-PHOTO-2024-01-01-09-03-00.jpg"), r.getList("ignored"), r.prettify());
        assertEquals(1, r.getList("unmatched").size(), r.prettify());
        assertEquals("+44 7700 900123", r.getString("unmatched[0].phone"), r.prettify());
        List<Map<String, Object>> annItems = timeline(ann);
        assertTrue(
                annItems.stream().anyMatch(i -> "MUTUAL".equals(i.get("direction"))),
                "Ann and Sam wrote in the same half hour: " + annItems);
        long before = contacts();

        post("whatsapp?createContacts=true&dryRun=true", zip, "application/zip")
                .statusCode(200)
                .body("created", equalTo(1));
        assertEquals(before, contacts(), "a dry run creates nobody");

        post("whatsapp?createContacts=true", zip, "application/zip")
                .statusCode(200)
                .body("created", equalTo(1))
                .body("unmatched", hasSize(0))
                .body("interactions.unchanged", equalTo(annItems.size()));
        assertEquals(before + 1, contacts());
    }

    @Test
    void anOwnerWhoCannotBeToldApartIsA400NamingMe() {
        byte[] chat = "1/2/24, 9:00 - Ann: hi\n1/2/24, 9:01 - Bob: hey\n".getBytes(StandardCharsets.UTF_8);
        post("whatsapp", chat, "text/plain")
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("me"));
        post("whatsapp?me=Ann", chat, "text/plain").statusCode(200).body("unmatched.name", hasItem("Bob"));
        post("whatsapp?tz=Mars/Olympus", chat, "text/plain").statusCode(400).body("errors.field", hasItem("tz"));
        post("whatsapp", "hello\nworld\n".getBytes(StandardCharsets.UTF_8), "text/plain")
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void telegramReadsPersonalChatsAndSkipsGroupsAndChannels() {
        String jane = createContact("Jane Doe");
        byte[] json = file("telegram/result.json");
        JsonPath r = post("telegram", json, "application/json")
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(3, r.getInt("interactions.skippedBy.notAPersonalChat"), r.prettify());
        assertTrue(r.getInt("interactions.created") > 0, r.prettify());
        List<Map<String, Object>> items = timeline(jane);
        assertTrue(!items.isEmpty() && items.stream().allMatch(i -> "TELEGRAM".equals(i.get("channel"))), "" + items);

        post("telegram", json, "application/json")
                .statusCode(200)
                .body("interactions.created", equalTo(0))
                .body("interactions.unchanged", equalTo(items.size()));
        post("telegram", "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8), "application/json")
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    static final String COMPLETE = "linkedin/Complete_LinkedInDataExport_11-30-2026/";
    static final String BASIC = "linkedin/Basic_LinkedInDataExport_11-30-2026/";

    @Test
    void theCompleteLinkedInArchiveCreatesContactsThenTheirInteractions() throws IOException {
        byte[] zip = zip(
                COMPLETE,
                List.of(
                        "Positions.csv",
                        "messages.csv",
                        "Connections.csv",
                        "Invitations.csv",
                        "Endorsement_Received_Info.csv",
                        "Endorsement_Given_Info.csv",
                        "Recommendations_Received.csv",
                        "Recommendations_Given.csv",
                        "Skills.csv",
                        "Profile.csv"));
        JsonPath r = post("linkedin", zip, "application/zip")
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(3, r.getInt("created"), r.prettify());
        assertEquals(List.of("Positions.csv", "Skills.csv"), r.getList("ignored"), r.prettify());
        assertTrue(r.getInt("interactions.created") > 0, r.prettify());
        assertTrue(r.getList("unmatched.name").contains("Priya Example"), r.prettify());

        String jane = api().get("/api/v1/contacts?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.displayName == 'Jane Doe' }.id");
        List<Map<String, Object>> items = timeline(jane);
        assertTrue(items.stream().anyMatch(i -> "FAVOR".equals(i.get("type"))), items.toString());
        assertTrue(
                items.stream()
                        .anyMatch(i -> "MESSAGE".equals(i.get("type"))
                                && "MUTUAL".equals(i.get("direction"))
                                && "LINKEDIN".equals(i.get("channel"))),
                items.toString());

        post("linkedin", zip, "application/zip")
                .statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(3))
                .body("interactions.created", equalTo(0));
        assertEquals(items.size(), timeline(jane).size(), "importing the archive twice changes nothing");
    }

    @Test
    void theBasicLinkedInArchiveAndItsDryRun() throws IOException {
        profile("Sam Owner");
        byte[] zip = zip(BASIC, List.of("Connections.csv", "Invitations.csv", "Registration.csv", "messages.csv"));
        post("linkedin?dryRun=true", zip, "application/zip")
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", equalTo(1))
                .body("interactions.created", equalTo(1));
        assertEquals(0, contacts(), "a dry run writes nothing");

        JsonPath r = post("linkedin", zip, "application/zip")
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, r.getInt("created"), r.prettify());
        assertEquals(1, r.getInt("interactions.created"), r.prettify());
        assertEquals(List.of("Registration.csv"), r.getList("ignored"), r.prettify());
        assertEquals("Omar Example", r.getString("unmatched[0].name"), r.prettify());

        as(TestTokens.newOwner())
                .contentType("application/zip")
                .body("not a zip".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/linkedin")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
    }
}
