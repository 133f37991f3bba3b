package dev.threshold.webapp;

import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app is served at {@code /} with its Content-Security-Policy, and outside dev mode nothing of the dev
 * sign-in exists: no token route, no token in the page or the bundle (WebAppServingIT runs this on the packaged jar).
 */
@QuarkusTest
class WebAppServingTest extends ApiTest {

    @Test
    void servesTheAppAndNoDevToken() {
        String index = RestAssured.given()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .extract()
                .asString();
        assertFalse(index.contains("eyJ"), "no token in the page");
        Matcher script =
                Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"").matcher(index);
        assertTrue(script.find(), "the page loads the bundled script");
        assertFalse(index.replace(script.group(0), "").contains("<script"), "no other (inline) script");
        String bundle = RestAssured.given()
                .get(script.group(1))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(bundle.contains("eyJ"), "no token in the bundle");
        RestAssured.given().get("/dev/ui-token").then().statusCode(404);
        // no OpenID Connect client configured: the app keeps its token box, the policy connects to itself only
        RestAssured.given()
                .get("/ui/config")
                .then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("oidc", nullValue());
        RestAssured.given().get("/").then().header("Content-Security-Policy", containsString("connect-src 'self';"));
        RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
