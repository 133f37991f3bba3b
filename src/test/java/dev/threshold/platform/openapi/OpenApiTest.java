package dev.threshold.platform.openapi;

import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@QuarkusTest
class OpenApiTest extends ApiTest {

    /** The document as served, kept in target/ for diffs between versions and for client generators. */
    @Test
    void theDocumentIsSavedForDiffsAndClientGenerators() throws IOException {
        for (String format : List.of("json", "yaml")) {
            String doc = RestAssured.given()
                    .get("/q/openapi?format=" + format)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "openapi." + format), doc);
        }
    }

    @Test
    void everyOperationIsDocumentedWithProblemsAndSecurity() {
        JsonPath doc = RestAssured.given()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Assertions.assertEquals("Threshold API", doc.getString("info.title"));
        Assertions.assertNotNull(doc.getString("info.version"));
        Assertions.assertNotNull(doc.getString("info.description"));
        Assertions.assertNotNull(doc.getMap("components.securitySchemes.bearerAuth"));
        Assertions.assertNotNull(doc.getMap("components.schemas.Problem"));
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        int publicOperations = 0;
        Set<String> operationIds = new HashSet<>();
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                operations++;
                String where = op.getKey() + " " + path.getKey();
                Map<String, Object> operation = op.getValue();
                Assertions.assertNotNull(operation.get("summary"), where + " has a summary");
                Object operationId = operation.get("operationId");
                Assertions.assertNotNull(operationId, where + " has an operationId");
                Assertions.assertTrue(
                        operationId.toString().matches("[a-z][a-zA-Z]+"), where + " operationId is camelCase");
                Assertions.assertTrue(operationIds.add(operationId.toString()), where + " operationId is unique");
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                // the one operation without a token (the calendar feed: its URL's secret is the credential)
                boolean open = "true".equals(String.valueOf(operation.get("x-no-bearer-token")));
                if (open) {
                    Assertions.assertNull(operation.get("security"), where + " needs no bearer token");
                    Assertions.assertFalse(responses.containsKey("401"), where + " takes no token");
                    publicOperations++;
                } else {
                    Assertions.assertTrue(responses.containsKey("401"), where + " documents 401");
                }
                Assertions.assertTrue(responses.containsKey("400"), where + " documents 400");
                for (var response : responses.entrySet()) {
                    if (response.getKey().matches("4\\d\\d|5\\d\\d")
                            && !response.getKey().equals("414")) {
                        String json = String.valueOf(response.getValue());
                        Assertions.assertTrue(
                                json.contains("status=" + response.getKey()),
                                where + " " + response.getKey() + " has an example of its own status");
                        Assertions.assertTrue(
                                response.getKey().equals("400") || !json.contains("errors="),
                                where + " " + response.getKey() + ": errors only in a 400");
                    }
                }
                Assertions.assertTrue(
                        responses.keySet().stream().anyMatch(k -> k.startsWith("2")), where + " documents success");
                Assertions.assertTrue(
                        open
                                || (operation.get("security") != null ? operation.get("security") : doc.get("security"))
                                        != null,
                        where + " requires the bearer token");
            }
        }
        Assertions.assertTrue(operations >= 31, "operations: " + operations);
        Assertions.assertEquals(1, publicOperations, "GET /api/v1/feeds/{secret}.ics alone takes no token");
        Assertions.assertFalse(doc.getList("servers.url").isEmpty(), "a servers entry");
        Assertions.assertEquals("/", doc.getString("servers[0].url"), "a relative server, for any host");
        List<String> tags = doc.getList("tags.name");
        Assertions.assertTrue(tags.contains("Contacts"));
    }

    /** Merge-patch bodies have schemas of their own: nothing required, so that a one-field patch is valid. */
    @Test
    void mergePatchBodiesHaveTheirOwnSchemas() {
        JsonPath doc = RestAssured.given()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String[] patch : List.of(
                new String[] {"/api/v1/contacts/{id}", "ContactPatch", "notes"},
                new String[] {"/api/v1/interactions/{id}", "InteractionPatch", "note"},
                new String[] {"/api/v1/actions/{id}", "ActionPatch", "description"})) {
            String body = "paths.'" + patch[0] + "'.patch.requestBody.content.'application/merge-patch+json'";
            Assertions.assertEquals("#/components/schemas/" + patch[1], doc.getString(body + ".schema.$ref"));
            String schema = "components.schemas." + patch[1];
            Assertions.assertNull(doc.get(schema + ".required"), patch[1] + " requires nothing");
            Assertions.assertTrue(
                    doc.getList(schema + ".properties." + patch[2] + ".type").contains("null"),
                    patch[1] + "." + patch[2] + " can be cleared with null");
        }
        Assertions.assertNotNull(doc.get("components.schemas.ContactInput.required"), "inputs keep their required");
    }
}
