package dev.threshold.platform.http;

import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** With no origin configured (the default), no cross-origin caller is allowed, and the rate limit is off. */
@QuarkusTest
class CorsDefaultsTest extends ApiTest {

    @Test
    void noOriginIsAllowedByDefault() {
        for (String origin : new String[] {"https://evil.example", "http://localhost:3000", "null"}) {
            RestAssured.given()
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "GET")
                    .options("/api/v1/contacts")
                    .then()
                    .header("Access-Control-Allow-Origin", nullValue());
            api().header("Origin", origin)
                    .get("/api/v1/actions")
                    .then()
                    .header("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Test
    void rateLimitIsOffByDefault() {
        for (int i = 0; i < 150; i++) {
            api().get("/api/v1/settings/scoring").then().statusCode(not(429));
        }
    }
}
