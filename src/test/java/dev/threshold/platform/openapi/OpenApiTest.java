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
import java.util.List;
import java.util.Map;

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
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                Assertions.assertTrue(responses.containsKey("401"), where + " documents 401");
                Assertions.assertTrue(responses.containsKey("400"), where + " documents 400");
                Assertions.assertTrue(
                        responses.keySet().stream().anyMatch(k -> k.startsWith("2")), where + " documents success");
                Assertions.assertNotNull(
                        operation.get("security") != null ? operation.get("security") : doc.get("security"),
                        where + " requires the bearer token");
            }
        }
        Assertions.assertTrue(operations >= 12, "operations: " + operations);
        List<String> tags = doc.getList("tags.name");
        Assertions.assertTrue(tags.contains("Contacts"));
    }
}
