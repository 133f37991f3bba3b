package dev.threshold.platform.http;

import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Security headers, CORS, the per-owner rate limit and log hygiene, with the rate limit and the access log
 * switched on (both are off by default).
 */
@QuarkusTest
@TestProfile(HardeningTest.Hardened.class)
class HardeningTest extends ApiTest {

    static final String APP_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    public static class Hardened implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "threshold.rate-limit.enabled",
                    "true",
                    "threshold.rate-limit.capacity",
                    "5",
                    "threshold.rate-limit.refill-per-second",
                    "0.2",
                    "quarkus.http.access-log.enabled",
                    "true",
                    "quarkus.http.cors.origins",
                    "https://app.threshold.test");
        }
    }

    @Test
    void securityHeadersOnEveryResponse() {
        for (var response : List.of(
                api().get("/api/v1/actions"),
                RestAssured.given().get("/api/v1/contacts"), // 401 from the HTTP layer
                as(TestTokens.newOwner()).get("/api/v1/contacts/not-a-uuid"))) { // 404 problem
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", "no-store")
                    .header("Strict-Transport-Security", notNullValue())
                    .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        for (var response : List.of(
                RestAssured.given().get("/q/health/live"),
                RestAssured.given().get("/q/openapi"),
                RestAssured.given().get("/q/metrics"),
                RestAssured.given().get("/q/swagger-ui/"))) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", notNullValue())
                    .header("Content-Security-Policy", "frame-ancestors 'none'");
        }
        // everything else is the web app (docs/ui.md): its own policy, no inline script, no eval, never framed
        for (var response : List.of(
                RestAssured.given().get("/"),
                RestAssured.given().get("/nope"), // 404 outside the API
                RestAssured.given().get("/api"),
                RestAssured.given().get("/apiary"))) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", notNullValue())
                    .header("Content-Security-Policy", APP_CSP);
        }
        // outside /api/ the Cache-Control is the endpoint's own: health answers are never cached, the document may be
        RestAssured.given().get("/q/health/live").then().header("Cache-Control", "no-store");
        RestAssured.given().get("/q/openapi").then().header("Cache-Control", nullValue());
        RestAssured.given().get("/nope").then().header("Cache-Control", nullValue());
    }

    @Test
    void corsOnlyForConfiguredOrigins() {
        RestAssured.given()
                .header("Origin", "https://app.threshold.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/contacts")
                .then()
                .header("Access-Control-Allow-Origin", "https://app.threshold.test");
        RestAssured.given()
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/contacts")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        api().header("Origin", "https://evil.example")
                .get("/api/v1/actions")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void rateLimitIsPerOwnerWith429AndRetryAfter() {
        String busy = TestTokens.newOwner();
        int ok = 0;
        for (int i = 0; i < 5; i++) {
            ok += as(busy).get("/api/v1/settings/scoring").statusCode() == 200 ? 1 : 0;
        }
        Assertions.assertEquals(5, ok);
        as(busy).get("/api/v1/settings/scoring")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://threshold.dev/problems/too-many-requests"));
        int retryAfter =
                Integer.parseInt(as(busy).get("/api/v1/settings/scoring").header("Retry-After"));
        Assertions.assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);
        as(TestTokens.newOwner()).get("/api/v1/settings/scoring").then().statusCode(200);
        RestAssured.given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void neitherTokensNorPersonalDataAreLogged() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder line =
                        new StringBuilder(record.getLoggerName()).append(' ').append(record.getMessage());
                if (record.getParameters() != null) {
                    for (Object p : record.getParameters()) {
                        line.append(' ').append(p);
                    }
                }
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    line.append(' ').append(t);
                }
                lines.add(line.toString());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String ownerId = TestTokens.newOwner();
            String token = TestTokens.forOwner(ownerId);
            String marker = "MARKER" + UUID.randomUUID().toString().replace("-", "");
            String email = marker.toLowerCase() + "@example.org";
            var spec = RestAssured.given().auth().oauth2(token).contentType("application/json");
            String id = spec.body(Map.of("displayName", marker, "emails", List.of(email), "notes", marker))
                    .post("/api/v1/contacts")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            RestAssured.given()
                    .auth()
                    .oauth2(token)
                    .get("/api/v1/contacts?q=" + marker)
                    .then()
                    .statusCode(200);
            RestAssured.given()
                    .auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body("{\"displayName\": \"" + marker + "\", \"emails\": 7, \"notes\": {\"x\": \"" + marker
                            + "\"}}")
                    .post("/api/v1/contacts")
                    .then()
                    .statusCode(400);
            RestAssured.given()
                    .auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body("{\"displayName\": \"" + marker + "\"")
                    .post("/api/v1/contacts")
                    .then()
                    .statusCode(400);
            RestAssured.given()
                    .auth()
                    .oauth2(token + "x")
                    .get("/api/v1/contacts/" + id)
                    .then()
                    .statusCode(401);
            // the access log is written after the response: wait for the last request's line, on a slow machine too
            for (int waited = 0;
                    waited < 10_000 && lines.stream().noneMatch(l -> l.contains("/api/v1/contacts/" + id));
                    waited += 50) {
                Thread.sleep(50);
            }
            Assertions.assertTrue(
                    lines.stream().anyMatch(l -> l.contains("/api/v1/contacts/" + id)),
                    "the capture sees the access log: " + lines.size() + " lines");
            for (String line : lines) {
                Assertions.assertFalse(
                        line.contains(marker)
                                || line.contains(email)
                                || line.toUpperCase().contains(marker),
                        "personal data in a log line: " + line);
                Assertions.assertFalse(
                        line.contains(token.substring(token.lastIndexOf('.') + 1)) || line.contains(token),
                        "token in a log line: " + line);
            }
        } finally {
            root.removeHandler(capture);
        }
    }
}
