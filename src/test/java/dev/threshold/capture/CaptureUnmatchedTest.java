package dev.threshold.capture;

import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The unmatched report of a mailbox that names more people than memory keeps ({@link CaptureRun#SPILL_AT}): their
 * tallies go to a temporary table, and the report is the same as it would be from memory: the 100 with the most
 * interactions, ties by e-mail in code point order, every count exact, every unmatched interaction counted once.
 */
@QuarkusTest
class CaptureUnmatchedTest extends ApiTest {

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    @Test
    void moreUnmatchedPeopleThanMemoryKeepsAreReportedExactly() {
        api().body(Map.of("names", List.of("Sam Example"), "emails", List.of("sam@example.com")))
                .put("/api/v1/settings/profile")
                .then()
                .statusCode(200);
        int people = CaptureRun.SPILL_AT + 500;
        StringBuilder mbox = new StringBuilder();
        ZonedDateTime t = ZonedDateTime.parse("2024-03-01T08:00:00Z");
        int n = 0;
        for (int p = 0; p < people; p++) {
            message(mbox, n++, String.format(Locale.ROOT, "p%05d@example.net", p), t.plusMinutes(p));
        }
        for (int i = 0; i < 7; i++) { // 7 exchanges: two hours apart
            message(mbox, n++, "heavy@example.net", t.plusHours(2L * i));
        }
        for (int i = 0; i < 3; i++) {
            message(mbox, n++, "second@example.net", t.plusHours(3L * i));
        }

        JsonPath r = api().contentType("application/mbox")
                .body(mbox.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/mail")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(people + 10, r.getInt("interactions.skippedBy.notAContact"));
        assertEquals(0, r.getInt("interactions.created"));
        List<Map<String, Object>> listed = r.getList("unmatched");
        assertEquals(100, listed.size());
        assertEquals("heavy@example.net", listed.get(0).get("email"));
        assertEquals(7, listed.get(0).get("interactions"));
        assertEquals("second@example.net", listed.get(1).get("email"));
        assertEquals(3, listed.get(1).get("interactions"));
        for (int i = 2; i < 100; i++) {
            assertEquals(
                    String.format(Locale.ROOT, "p%05d@example.net", i - 2),
                    listed.get(i).get("email"));
            assertEquals(1, listed.get(i).get("interactions"));
            assertEquals("Person " + (i - 2), listed.get(i).get("name"));
        }
    }

    private static void message(StringBuilder mbox, int n, String from, ZonedDateTime at) {
        String name = from.startsWith("p") ? "Person " + Integer.parseInt(from.substring(1, 6)) : "Someone";
        mbox.append("From ")
                .append(n)
                .append("@xxx Tue Mar 12 10:22:31 +0000 2024\n")
                .append("Date: ")
                .append(RFC_2822.format(at))
                .append("\nMessage-ID: <m")
                .append(n)
                .append("@mail.example.net>\nSubject: Hello\nFrom: ")
                .append(name)
                .append(" <")
                .append(from)
                .append(">\nTo: Sam Example <sam@example.com>\nContent-Type: text/plain; charset=\"UTF-8\"\n\nHi.\n\n");
    }
}
