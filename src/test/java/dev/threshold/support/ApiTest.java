package dev.threshold.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Base of the HTTP tests: a real PostgreSQL, and requests as a fresh owner per test class instance. */
@QuarkusTestResource(PostgresResource.class)
public abstract class ApiTest {

    protected final String owner = TestTokens.newOwner();

    protected RequestSpecification as(String ownerId) {
        return RestAssured.given().auth().oauth2(TestTokens.forOwner(ownerId)).contentType(ContentType.JSON);
    }

    protected RequestSpecification api() {
        return as(owner);
    }

    protected String createContact(String displayName) {
        return api().body(Map.of("displayName", displayName))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The body of an interaction; {@code weight} only when not null. */
    protected static Map<String, Object> interaction(String type, String direction, Instant at, Double weight) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("direction", direction);
        body.put("occurredAt", at.toString());
        if (weight != null) {
            body.put("weight", weight);
        }
        return body;
    }

    /** Records an interaction with {@code contact} as {@code who} (201 expected); its id. */
    protected String record(String who, String contact, String type, String direction, Instant at, Double weight) {
        return as(who).body(interaction(type, direction, at, weight))
                .post("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Records an interaction with {@code contact} as this test's owner (201 expected); its id. */
    protected String record(String contact, String type, String direction, Instant at, Double weight) {
        return record(owner, contact, type, direction, at, weight);
    }

    /** The bytes of the test file {@code src/test/resources/imports/<name>}. */
    protected static byte[] fixture(String name) {
        try (InputStream in = ApiTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("fixture " + name, e);
        }
    }

    protected String createContact(Map<String, Object> body) {
        return api().body(body)
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
