package dev.threshold.importing;

import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ExportResourceTest extends ApiTest {

    /** The writable fields, which an export must carry. */
    private static final List<String> WRITABLE = List.of(
            "displayName",
            "firstName",
            "lastName",
            "emails",
            "phones",
            "company",
            "position",
            "location",
            "tags",
            "profiles",
            "connectedOn",
            "notes",
            "cadenceDays");

    private void seed() {
        Map<String, Object> ada = new HashMap<>();
        ada.put("displayName", "Ada Lovelace");
        ada.put("firstName", "Ada");
        ada.put("lastName", "Lovelace");
        ada.put("emails", List.of("ada@example.org", "countess@example.org"));
        ada.put("phones", List.of("+44 20 7946 0000", "-12 345 6789"));
        ada.put("company", "Analytical Engines, Ltd");
        ada.put("position", "Programmer; poet");
        ada.put("location", "London, UK");
        ada.put("tags", List.of("mentor", "conference"));
        ada.put(
                "profiles",
                Map.of(
                        "linkedin",
                        "https://www.linkedin.com/in/ada-example",
                        "x",
                        "@ada",
                        "website",
                        "https://ada.example"));
        ada.put("connectedOn", "2024-03-15");
        ada.put("notes", "Met at the engine demo.\nSecond line, with \"quotes\" and ::: colons");
        ada.put("cadenceDays", 21);
        createContact(ada);
        Map<String, Object> hostile = new HashMap<>();
        hostile.put("displayName", "=cmd|' /C calc'!A0");
        hostile.put("company", "+SUM(A1:A9)");
        hostile.put("position", "@evil");
        hostile.put("notes", "-2+3");
        hostile.put("tags", List.of("=HYPERLINK(\"http://x.example\")"));
        hostile.put("emails", List.of("eve@example.org"));
        createContact(hostile);
        createContact(Map.of("displayName", "Émile Zoëga", "firstName", "Émile", "notes", "'=already quoted"));
        createContact(Map.of("displayName", "Plain Sam"));
        createContact(Map.of("displayName", "Plain Sam", "company", "Other Co"));
    }

    private List<Map<String, Object>> writable(String owner) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            var page = as(owner)
                    .get("/api/v1/contacts?limit=200" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> got = page.getList("items");
            for (Map<String, Object> c : got) {
                Map<String, Object> w = new HashMap<>();
                WRITABLE.forEach(f -> w.put(f, c.get(f)));
                items.add(w);
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        items.sort(Comparator.comparing(Object::toString));
        return items;
    }

    @Test
    void csvNeutralisesFormulasAndRoundTrips() throws Exception {
        seed();
        String csv = api().accept("*/*")
                .get("/api/v1/contacts/export?format=csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("contacts.csv"))
                .extract()
                .asString();
        Assertions.assertTrue(csv.startsWith("\uFEFFName,Given Name,Family Name"), csv.substring(0, 40));
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.substring(1)))
                .getRecords();
        Assertions.assertEquals(5, records.size());
        CSVRecord evil = records.stream()
                .filter(r -> r.get("Name").contains("cmd"))
                .findFirst()
                .orElseThrow();
        Assertions.assertEquals("'=cmd|' /C calc'!A0", evil.get("Name"));
        Assertions.assertEquals("'+SUM(A1:A9)", evil.get("Organization 1 - Name"));
        Assertions.assertEquals("'@evil", evil.get("Organization 1 - Title"));
        Assertions.assertEquals("'-2+3", evil.get("Notes"));
        Assertions.assertEquals("'=HYPERLINK(\"http://x.example\")", evil.get("Group Membership"));
        for (CSVRecord r : records) {
            for (String cell : r) {
                Assertions.assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "cell " + cell);
            }
        }
        String fresh = TestTokens.newOwner();
        as(fresh)
                .contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/google")
                .then()
                .statusCode(200)
                .body("created", equalTo(5))
                .body("skipped", equalTo(0));
        Assertions.assertEquals(writable(owner), writable(fresh));
    }

    @Test
    void vCardRoundTrips() {
        seed();
        String vcf = api().accept("*/*")
                .get("/api/v1/contacts/export?format=vcard")
                .then()
                .statusCode(200)
                .contentType(containsString("text/vcard"))
                .extract()
                .asString();
        Assertions.assertTrue(vcf.startsWith("BEGIN:VCARD"), vcf);
        String fresh = TestTokens.newOwner();
        as(fresh)
                .contentType("text/vcard")
                .body(vcf.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/vcard")
                .then()
                .statusCode(200)
                .body("created", equalTo(5))
                .body("skipped", equalTo(0));
        Assertions.assertEquals(writable(owner), writable(fresh));
        // and into the same account: everything is already there
        api().contentType("text/vcard")
                .body(vcf.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/vcard")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(5));
    }

    @Test
    void exportPagesThroughMoreThanOnePage() {
        StringBuilder csv = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int i = 0; i < 1203; i++) {
            csv.append("P")
                    .append(i)
                    .append(",Example,https://www.linkedin.com/in/p-")
                    .append(i)
                    .append(",,,,1 Jan 2024\n");
        }
        api().contentType("text/csv")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/linkedin")
                .then()
                .statusCode(200)
                .body("created", equalTo(1203));
        String vcf = api().accept("*/*")
                .get("/api/v1/contacts/export?format=vcard")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Assertions.assertEquals(1203, vcf.split("BEGIN:VCARD", -1).length - 1);
        String out = api().accept("*/*")
                .get("/api/v1/contacts/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Assertions.assertEquals(1204, out.strip().split("\r\n").length);
    }

    @Test
    void exportIsPerOwnerAndValidatesFormat() {
        seed();
        String other = TestTokens.newOwner();
        String csv = as(other)
                .accept("*/*")
                .get("/api/v1/contacts/export?format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Assertions.assertEquals(1, csv.strip().split("\r\n").length, csv);
        api().accept("*/*")
                .get("/api/v1/contacts/export?format=xml")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("format"));
        RestAssured.given().get("/api/v1/contacts/export").then().statusCode(401);
    }
}
