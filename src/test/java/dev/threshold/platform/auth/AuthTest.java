package dev.threshold.platform.auth;

import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuthTest extends ApiTest {

    @Test
    void noTokenIs401Problem() {
        RestAssured.given()
                .get("/api/v1/contacts")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .header("WWW-Authenticate", Matchers.startsWith("Bearer"));
        RestAssured.given()
                .body("{}")
                .contentType("application/json")
                .post("/api/v1/contacts")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        RestAssured.given().get("/api/v1/interactions").then().statusCode(401);
    }

    @Test
    void badTokensAre401() {
        for (String token : new String[] {
            TestTokens.expired(owner),
            TestTokens.wrongIssuer(owner),
            TestTokens.otherKey(owner),
            "not.a.jwt",
            "",
            TestTokens.withoutSubject()
        }) {
            RestAssured.given()
                    .auth()
                    .oauth2(token)
                    .get("/api/v1/contacts")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Unauthorized"));
        }
    }

    @Test
    void tamperedTokenIs401() {
        String token = TestTokens.forOwner(owner);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                ("{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"someone-else\",\"exp\":9999999999}")
                                        .getBytes())
                + "." + parts[2];
        RestAssured.given().auth().oauth2(forged).get("/api/v1/contacts").then().statusCode(401);
    }

    @Test
    void aVerifiedTokenVouchesForNoOtherText() {
        String token = TestTokens.forOwner(owner);
        RestAssured.given().auth().oauth2(token).get("/api/v1/contacts").then().statusCode(200);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                ("{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"someone-else\",\"exp\":9999999999}")
                                        .getBytes())
                + "." + parts[2];
        char last = token.charAt(token.length() - 2);
        String oneCharOff =
                token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        RestAssured.given().auth().oauth2(forged).get("/api/v1/contacts").then().statusCode(401);
        RestAssured.given()
                .auth()
                .oauth2(oneCharOff)
                .get("/api/v1/contacts")
                .then()
                .statusCode(401);
        RestAssured.given()
                .auth()
                .oauth2(token + " ")
                .get("/api/v1/contacts")
                .then()
                .statusCode(200);
        RestAssured.given().auth().oauth2(token).get("/api/v1/contacts").then().statusCode(200);
    }

    @Test
    void validTokenIsAccepted() {
        api().get("/api/v1/contacts").then().statusCode(200);
    }

    @Test
    void longOpaqueSubjectsAreOwners() {
        String auth0 = "auth0|" + "x".repeat(240);
        as(auth0)
                .body("{\"displayName\":\"A\"}")
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);
        as(auth0).get("/api/v1/contacts").then().statusCode(200).body("items.size()", equalTo(1));
        as("y".repeat(256)).get("/api/v1/contacts").then().statusCode(401);
    }

    @Test
    void operationalEndpointsNeedNoToken() {
        RestAssured.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", Matchers.hasItem(Matchers.containsString("Database")));
        RestAssured.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(Matchers.containsString("http_server_requests"));
        RestAssured.given().get("/q/openapi").then().statusCode(200);
        RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownApiPathIs404Problem() {
        api().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        api().put("/api/v1/interactions").then().statusCode(405).contentType("application/problem+json");
    }
}
