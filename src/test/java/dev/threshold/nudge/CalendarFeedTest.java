package dev.threshold.nudge;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.util.DateTimeComponents;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The calendar feed at the HTTP boundary: secret URLs, revocation, and RFC 5545 parsed back with biweekly. */
@QuarkusTest
class CalendarFeedTest extends ApiTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    Jdbc jdbc;

    /** Creates a feed; its URL's path (the test server's base differs from a deployment's). */
    private String createFeed() {
        Response created =
                api().post("/api/v1/feeds").then().statusCode(201).extract().response();
        String url = created.path("url");
        Assertions.assertTrue(url.matches("https?://.+/api/v1/feeds/[A-Za-z0-9_-]{43}\\.ics"), url);
        String id = created.path("id");
        Assertions.assertTrue(created.header("Location").endsWith("/api/v1/feeds/" + id));
        Assertions.assertNotNull(created.path("createdAt"));
        return URI.create(url).getPath();
    }

    private static String secretOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());
    }

    /** Fetches the feed without any token. */
    private static Response fetch(String path) {
        return RestAssured.given().get(path);
    }

    private static ICalendar parse(String body) throws IOException {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(body).warnings(warnings).first();
        Assertions.assertNotNull(calendar, body);
        warnings.forEach(w -> Assertions.assertEquals(List.of(), w, body));
        Assertions.assertTrue(calendar.validate(ICalVersion.V2_0).isEmpty(), () -> calendar.validate(ICalVersion.V2_0)
                .toString());
        return calendar;
    }

    private static LocalDate day(DateTimeComponents c) {
        return LocalDate.of(c.getYear(), c.getMonth(), c.getDate());
    }

    private void times(int n, String contact, String type, String direction, Instant at) {
        for (int i = 0; i < n; i++) {
            record(contact, type, direction, at, null);
        }
    }

    @Test
    void aFeedServesTheNextMovesAsValidAllDayEventsWithoutAToken() throws IOException {
        String dana = createContact("Dana Scully");
        times(2, dana, "MEETING", "MUTUAL", NOW.minus(45, ChronoUnit.DAYS)); // S = 17.0: drops in 13.3 days
        String fox = createContact(
                "Fox \"Spooky\" Mulder; FBI, X-Files \\ basement — très long nom pour plier la ligne 🛸🛸");
        times(5, fox, "FAVOR", "MUTUAL", NOW.minus(1000, ChronoUnit.DAYS));
        String path = createFeed();

        List<Map<String, Object>> recommendations = api().get("/api/v1/network/recommendations?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .path("items");

        Response response = fetch(path);
        response.then().statusCode(200).contentType(startsWith("text/calendar"));
        String body = response.asString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // RFC 5545 3.1: CRLF line ends, no line longer than 75 octets
        for (String line : body.split("\r\n", -1)) {
            Assertions.assertFalse(line.contains("\n") || line.contains("\r"), "bare line break in " + line);
            Assertions.assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "too long: " + line);
        }
        Assertions.assertTrue(body.endsWith("END:VCALENDAR\r\n"));
        Assertions.assertTrue(bytes.length > 0);
        Assertions.assertTrue(body.contains("\\;") && body.contains("\\,") && body.contains("\\\\"), body);

        ICalendar calendar = parse(body);
        List<VEvent> events = calendar.getEvents();
        Assertions.assertEquals(recommendations.size(), events.size(), body);
        VEvent drop = events.stream()
                .filter(e -> e.getUid().getValue().equals(dana + "-TIER_DROP_SOON@threshold"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(body));
        Map<String, Object> danaDrop = recommendations.stream()
                .filter(r -> dana.equals(r.get("contactId")) && "TIER_DROP_SOON".equals(r.get("reason")))
                .findFirst()
                .orElseThrow();
        LocalDate due = Instant.parse((String) danaDrop.get("dueAt"))
                .atZone(ZoneOffset.UTC)
                .toLocalDate();
        Assertions.assertFalse(drop.getDateStart().getValue().hasTime()); // VALUE=DATE: all day
        Assertions.assertEquals(due, day(drop.getDateStart().getValue().getRawComponents()));
        Assertions.assertEquals(
                due.plusDays(1), day(drop.getDateEnd().getValue().getRawComponents()));
        Assertions.assertNotNull(drop.getDateTimeStamp());
        String summary = drop.getSummary().getValue();
        Assertions.assertTrue(
                summary.startsWith("Reconnect with Dana Scully: drops to Acquaintance on " + due.getDayOfMonth() + " "),
                summary);
        VEvent rekindle = events.stream()
                .filter(e -> e.getUid().getValue().equals(fox + "-REKINDLE@threshold"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(body));
        // escaped and folded on the wire, the same text once parsed
        Assertions.assertEquals(
                "Rekindle with Fox \"Spooky\" Mulder; FBI, X-Files \\ basement — très long nom pour plier la ligne 🛸🛸: a once strong tie gone quiet",
                rekindle.getSummary().getValue());
        Assertions.assertTrue(rekindle.getDescription().getValue().startsWith("Once an Ally (strength 91.8 on "));
        Assertions.assertEquals(
                NOW.atZone(ZoneOffset.UTC).toLocalDate(),
                day(rekindle.getDateStart().getValue().getRawComponents()));

        // polled again: the same UIDs (calendar apps update, not duplicate); ETag and If-None-Match
        Response again = fetch(path);
        Assertions.assertEquals(
                events.stream().map(e -> e.getUid().getValue()).toList(),
                parse(again.asString()).getEvents().stream()
                        .map(e -> e.getUid().getValue())
                        .toList());
        String etag = again.header("ETag");
        Assertions.assertNotNull(etag);
        RestAssured.given().header("If-None-Match", etag).get(path).then().statusCode(304);
        MatcherAssert.assertThat(again.header("Cache-Control"), containsString("max-age"));
    }

    @Test
    void theDaysAreTheOnesOfTheAskedTimeZone() throws IOException {
        String dana = createContact("Dana Scully");
        times(2, dana, "MEETING", "MUTUAL", NOW.minus(45, ChronoUnit.DAYS));
        String path = createFeed();
        Instant due = Instant.parse(api().get("/api/v1/network/recommendations")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.reason == 'TIER_DROP_SOON' }.dueAt"));
        for (String tz : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC")) {
            VEvent event = parse(fetch(path + "?tz=" + tz)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .getEvents()
                    .get(0);
            Assertions.assertEquals(
                    due.atZone(ZoneId.of(tz)).toLocalDate(),
                    day(event.getDateStart().getValue().getRawComponents()),
                    tz);
        }
        fetch(path + "?tz=Mars/Olympus").then().statusCode(400).body("errors.field", hasItem("tz"));
    }

    @Test
    void snoozedContactsAndDismissedRecommendationsAreLeftOut() throws IOException {
        String dana = createContact("Dana Scully");
        times(2, dana, "MEETING", "MUTUAL", NOW.minus(45, ChronoUnit.DAYS));
        String fox = createContact("Fox Mulder");
        times(5, fox, "FAVOR", "MUTUAL", NOW.minus(1000, ChronoUnit.DAYS));
        api().body(Map.of("until", NOW.plus(3, ChronoUnit.DAYS).toString()))
                .put("/api/v1/contacts/" + dana + "/snooze")
                .then()
                .statusCode(200);
        api().body(Map.of("contactId", fox, "reason", "REKINDLE"))
                .post("/api/v1/network/recommendations/dismissals")
                .then()
                .statusCode(201);
        Assertions.assertEquals(List.of(), parse(fetch(createFeed()).asString()).getEvents());
        api().delete("/api/v1/contacts/" + dana + "/snooze").then().statusCode(204);
        List<VEvent> events = parse(fetch(createFeed()).asString()).getEvents();
        Assertions.assertEquals( // Dana is back (her FRIEND cadence of 30 days is due too); Fox stays dismissed
                List.of(dana + "-TIER_DROP_SOON@threshold", dana + "-CADENCE_DUE@threshold"),
                events.stream().map(e -> e.getUid().getValue()).toList());
    }

    @Test
    void theSecretIsStoredHashedListedNeverAndARevokedUrlIs404() throws Exception {
        String path = createFeed();
        String secret = secretOf(path);
        Assertions.assertEquals(32, Base64.getUrlDecoder().decode(secret).length); // 256 bits
        // only the SHA-256 of the secret is in the database
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        List<byte[]> stored = jdbc.list(
                "SELECT secret_hash FROM calendar_feeds WHERE owner_id = ?",
                ps -> ps.setString(1, owner),
                rs -> rs.getBytes("secret_hash"));
        Assertions.assertEquals(1, stored.size());
        Assertions.assertArrayEquals(hash, stored.get(0));
        Long rowsWithSecret = jdbc.first(
                        "SELECT count(*) AS n FROM calendar_feeds f WHERE CAST(f AS text) LIKE ?",
                        ps -> ps.setString(1, "%" + secret + "%"),
                        rs -> rs.getLong("n"))
                .orElseThrow();
        Assertions.assertEquals(0L, rowsWithSecret);

        String id = api().get("/api/v1/feeds")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("url")))
                .body("nextCursor", equalTo(null))
                .body(not(containsString(secret)))
                .extract()
                .path("items[0].id");
        RestAssured.given().get("/api/v1/feeds").then().statusCode(401);
        RestAssured.given().post("/api/v1/feeds").then().statusCode(401);
        RestAssured.given().delete("/api/v1/feeds/" + id).then().statusCode(401);
        as(TestTokens.newOwner()).delete("/api/v1/feeds/" + id).then().statusCode(404);
        as(TestTokens.newOwner()).get("/api/v1/feeds").then().statusCode(200).body("items", hasSize(0));

        fetch(path).then().statusCode(200);
        api().delete("/api/v1/feeds/" + id).then().statusCode(204);
        fetch(path).then().statusCode(404);
        api().delete("/api/v1/feeds/" + id).then().statusCode(404);
        fetch("/api/v1/feeds/" + "A".repeat(43) + ".ics").then().statusCode(404);
        fetch("/api/v1/feeds/short.ics").then().statusCode(404);
        fetch("/api/v1/feeds/" + UUID.randomUUID() + ".ics").then().statusCode(404);
    }
}
