package dev.threshold.platform.http;

import dev.threshold.support.ApiTest;
import dev.threshold.support.RawHttp;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** X-Request-Id: accepted when sane, generated when absent or unsafe, echoed, and in every problem body. */
@QuarkusTest
class RequestIdTest extends ApiTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void callersIdIsEchoedAndInTheProblem() {
        api().header("X-Request-Id", "trace-42.a:b_c")
                .get("/api/v1/contacts/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", "trace-42.a:b_c")
                .body("requestId", equalTo("trace-42.a:b_c"));
    }

    @Test
    void generatedWhenAbsentAndTheSameInHeaderAndBody() {
        Response response = api().body(Map.of("displayName", "")).post("/api/v1/contacts");
        response.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("errors[0].field", equalTo("displayName"));
        assertEquals(response.header("X-Request-Id"), response.path("requestId"));
    }

    @Test
    void unsafeIdsAreReplaced() {
        for (String unsafe : new String[] {"a b", "x".repeat(129), "id\u00e9", "<script>", "a;b"}) {
            Response response = api().header("X-Request-Id", unsafe).get("/api/v1/contacts/not-a-uuid");
            response.then().statusCode(404).header("X-Request-Id", matchesPattern(UUID_PATTERN));
            assertEquals(response.header("X-Request-Id"), response.path("requestId"));
        }
    }

    @Test
    void everyRequestGetsItsOwnId() {
        String first =
                api().get("/api/v1/contacts").then().statusCode(200).extract().header("X-Request-Id");
        String second =
                api().get("/api/v1/contacts").then().statusCode(200).extract().header("X-Request-Id");
        assertTrue(first.matches(UUID_PATTERN), first);
        assertNotEquals(first, second);
    }

    @Test
    void unauthenticatedAndOperationalResponsesCarryAnId() {
        RestAssured.given()
                .header("X-Request-Id", "no-token-1")
                .get("/api/v1/contacts")
                .then()
                .statusCode(401)
                .header("X-Request-Id", "no-token-1");
        RestAssured.given()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void tooLargeBodyProblemCarriesTheId() throws Exception {
        String raw = RawHttp.postHead("/api/v1/contacts", TestTokens.forOwner(owner), 50L * 1024 * 1024);
        assertTrue(raw.startsWith("HTTP/1.1 413"), raw);
        String header = raw.lines()
                .filter(l -> l.toLowerCase().startsWith("x-request-id:"))
                .findFirst()
                .orElseThrow();
        String id = header.substring(header.indexOf(':') + 1).trim();
        assertTrue(raw.contains("\"requestId\":\"" + id + "\""), raw);
    }
}
