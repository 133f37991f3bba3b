package dev.threshold.platform.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threshold.support.ApiTest;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * OpenAPI-driven contract and fuzz test. It reads the service's own document at {@code /q/openapi}, and calls
 * every documented operation with valid data (the document's examples, real ids) and with hostile data
 * (random and huge strings, unicode and lone surrogates, NaN, negatives, wrong types, SQL and path fragments,
 * malformed JSON, bad headers). Every answer must be below 500 and must validate against the document:
 * a documented status, and a body that matches the documented schema of that status.
 *
 * <p>Property-style: the cases are drawn from a seeded {@link Random}; {@code -Dfuzz.seed} and
 * {@code -Dfuzz.cases} (per operation) reproduce or widen a run.
 */
@QuarkusTest
class OpenApiFuzzTest extends ApiTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 25);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Marker strings replaced in the JSON text by tokens Jackson would not write. */
    private static final String RAW_NAN = "__RAW_NAN__";

    private static final String RAW_SURROGATE = "__RAW_SURROGATE__";

    private static final List<String> HOSTILE_STRINGS = List.of(
            "",
            " ",
            "a",
            "null",
            "undefined",
            "0",
            "-1",
            "NaN",
            "Infinity",
            "-Infinity",
            "1e309",
            "true",
            "' OR '1'='1",
            "'; DROP TABLE contacts; --",
            "\" OR 1=1 --",
            "1; SELECT pg_sleep(10)",
            "%",
            "_",
            "\\",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "{{7*7}}",
            "..%2f..%2fetc%2fpasswd",
            "Zoë Ñandú 李小龍 محمد",
            "😀🔥👩‍👩‍👧‍👦",
            "\u0000",
            "a\u0000b",
            "\u202Eevil",
            "\uFEFF",
            "\t\r\n",
            "2026-13-45T99:99:99Z",
            "9999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "P-1D",
            "PT0S",
            "P99999999D",
            "00000000-0000-0000-0000-000000000000",
            "x".repeat(256),
            "é".repeat(10_001));

    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private String contactId;
    private String interactionId;
    private String actionId;

    @Test
    void everyOperationAnswersWithoutServerErrorsAndAsDocumented() throws Exception {
        String document = RestAssured.given()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .asString();
        JsonNode oas = JSON.readTree(document);
        Files.writeString(Path.of("target", "openapi.json"), document);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                        JSON.writeValueAsString(OpenApi31To30.convert(oas)))
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.schema.unknown", ValidationReport.Level.IGNORE)
                        .build())
                .build();

        contactId = createContact("Fuzz anchor");
        interactionId = api().body(Map.of("type", "CALL", "direction", "MUTUAL"))
                .post("/api/v1/contacts/" + contactId + "/interactions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        actionId = api().body(Map.of("name", "Fuzz action", "threshold", 20))
                .post("/api/v1/actions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        int operations = 0;
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = oas.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                for (int c = 0; c < CASES; c++) {
                    call(
                            validator,
                            path.getKey(),
                            method,
                            op.getValue(),
                            path.getValue().get("parameters"),
                            c);
                    calls++;
                }
            }
        }
        hugeBody(validator);
        Files.write(Path.of("target", "fuzz-failures.txt"), failures);
        System.out.printf(
                "OpenAPI fuzz: seed %d, %d operations, %d calls, statuses %s (-1: closed by the HTTP layer"
                        + " after refusing a too-long request head; the service answered the next call)%n",
                SEED, operations, calls, statuses);
        Assertions.assertTrue(operations >= 20, "operations found: " + operations);
        Assertions.assertTrue(
                failures.isEmpty(),
                failures.size() + " failures (seed " + SEED + "):\n"
                        + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    private void call(
            OpenApiInteractionValidator validator,
            String template,
            String method,
            JsonNode op,
            JsonNode pathParameters,
            int c) {
        boolean valid = c == 0;
        String concrete = template;
        RequestSpecification spec = RestAssured.given()
                .auth()
                .oauth2(TestTokens.forOwner(owner))
                .config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .urlEncodingEnabled(true);
        List<JsonNode> parameters = new ArrayList<>();
        if (pathParameters != null) {
            pathParameters.forEach(parameters::add);
        }
        if (op.has("parameters")) {
            op.get("parameters").forEach(parameters::add);
        }
        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            switch (p.path("in").asText()) {
                case "path" -> {
                    String value = valid || random.nextInt(3) > 0
                            ? realId(template, name)
                            : random.nextBoolean()
                                    ? UUID.randomUUID().toString()
                                    : hostileString().replace("/", "");
                    if (value.isEmpty()) {
                        value = "x";
                    }
                    concrete = concrete.replace(
                            "{" + name + "}",
                            URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
                }
                case "query" -> {
                    if (!valid && random.nextInt(3) == 0) {
                        spec.queryParam(name, hostileString());
                    } else if (p.path("schema").has("default") && random.nextBoolean()) {
                        spec.queryParam(name, p.path("schema").get("default").asText());
                    }
                }
                case "header" -> {
                    if (!valid && random.nextInt(4) == 0) {
                        spec.header(name, asciiOnly(hostileString()));
                    } else if (name.equals("Idempotency-Key") && random.nextBoolean()) {
                        spec.header(name, "fuzz-" + random.nextInt(5)); // reuse: replays and 422s
                    }
                }
                default -> {}
            }
        }
        if (!valid && random.nextInt(6) == 0) {
            spec.header(
                    "If-Match", random.nextBoolean() ? "\"" + random.nextInt(5) + "\"" : asciiOnly(hostileString()));
        }
        String body = null;
        JsonNode requestBody = op.get("requestBody");
        if (requestBody != null) {
            JsonNode content = requestBody.path("content");
            String mediaType = bodyMediaType(content);
            JsonNode example = example(content.path(mediaType));
            body = valid ? text(example) : mutate(example);
            spec.contentType(valid || random.nextInt(10) > 0 ? mediaType : "text/plain");
            spec.body(body.getBytes(StandardCharsets.UTF_8));
        }
        Response response;
        try {
            response = spec.request(method, concrete);
        } catch (Exception e) {
            if (e instanceof SocketException
                    && RestAssured.given().get("/q/health/live").statusCode() == 200) {
                // the HTTP layer answered a too-long request head (414/431) and closed before the body was sent
                statuses.merge(-1, 1, Integer::sum);
                return;
            }
            failures.add(method + " " + concrete + ": no answer (" + e + ")");
            return;
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String where = method + " " + concrete + (body == null ? "" : " body " + abbreviate(body));
        if (status >= 500) {
            failures.add(where + " -> " + status + " " + abbreviate(response.asString()));
            return;
        }
        SimpleResponse.Builder recorded = SimpleResponse.Builder.status(status);
        String contentType = response.getContentType();
        if (contentType != null && !contentType.isEmpty()) {
            recorded.withContentType(contentType);
        }
        String responseBody = response.asString();
        if (responseBody != null && !responseBody.isEmpty()) {
            recorded.withBody(responseBody);
        }
        // the operation is known: validate against its template (the validator would decode %00 or %20 away)
        String operationPath = template.replaceAll("\\{[^}]+}", "p");
        ValidationReport report =
                validator.validateResponse(operationPath, Request.Method.valueOf(method), recorded.build());
        if (report.hasErrors()) {
            failures.add(where + " -> " + status + ": "
                    + report.getMessages().stream()
                            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .map(m -> m.getKey() + " " + m.getMessage())
                            .toList()
                    + " body " + abbreviate(responseBody));
        }
    }

    /** A body of almost 10 MB (under the limit) and one over it: 400 and 413, never a 5xx. */
    private void hugeBody(OpenApiInteractionValidator validator) {
        String big = "{\"displayName\": \"" + "z".repeat(9_000_000) + "\"}";
        int status = api().body(big).post("/api/v1/contacts").statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (status != 400) {
            failures.add("POST /api/v1/contacts with a 9 MB displayName -> " + status);
        }
        String tooBig = "["
                + ("{\"contactId\": \"" + contactId + "\", \"type\": \"LIKE\", \"direction\": \"INBOUND\"},")
                        .repeat(120_000)
                + "{}]";
        int status2 = api().body(tooBig).post("/api/v1/interactions/batch").statusCode();
        statuses.merge(status2, 1, Integer::sum);
        if (status2 != 413) {
            failures.add("POST /api/v1/interactions/batch with " + tooBig.length() / 1_000_000 + " MB -> " + status2);
        }
    }

    private String realId(String template, String name) {
        if (template.startsWith("/api/v1/interactions/")) {
            return interactionId;
        }
        if (template.startsWith("/api/v1/actions/")) {
            return actionId;
        }
        return contactId;
    }

    /** The first media type with an example (the imports list multipart/form-data first, without one). */
    private static String bodyMediaType(JsonNode content) {
        String first = null;
        for (var names = content.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            first = first == null ? name : first;
            JsonNode media = content.path(name);
            if (media.has("example") || media.path("examples").size() > 0) {
                return name;
            }
        }
        return first == null ? "application/json" : first;
    }

    /** The operation's example body (with this test's contact id), or an empty object. */
    private JsonNode example(JsonNode mediaType) {
        JsonNode example = mediaType.path("example");
        if (example.isMissingNode()
                && mediaType.path("examples").isObject()
                && mediaType.path("examples").size() > 0) {
            example = mediaType.path("examples").elements().next().path("value");
        }
        if (example.isTextual()) {
            try {
                example = JSON.readTree(example.asText());
            } catch (Exception e) {
                // a text example stays text
            }
        }
        if (example.isMissingNode() || example.isNull()) {
            example = NODES.objectNode();
        }
        example = example.deepCopy();
        withContact(example);
        return example;
    }

    private void withContact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("contactId")) {
                object.put("contactId", contactId);
            }
            object.forEach(this::withContact);
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::withContact);
        }
    }

    private String mutate(JsonNode example) {
        int shape = random.nextInt(10);
        if (shape == 0) {
            return List.of(
                            "",
                            "{",
                            "[",
                            "nul",
                            "{\"a\":",
                            "\"text\"",
                            "42",
                            "-1",
                            "NaN",
                            "[[[[[[[[[[]]]]]]]]]]",
                            "{\"displayName\": \"a\", \"displayName\": 5}",
                            "\u0000",
                            "{'single': 'quotes'}")
                    .get(random.nextInt(13));
        }
        if (shape == 1) {
            return text(hostileNode());
        }
        JsonNode copy = example.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutateOne(copy);
        }
        return text(copy);
    }

    private void mutateOne(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            if (fields.isEmpty() || random.nextInt(8) == 0) {
                object.set("unexpected" + random.nextInt(3), hostileNode());
                return;
            }
            String field = fields.get(random.nextInt(fields.size()));
            JsonNode child = object.get(field);
            if ((child.isContainerNode() && random.nextBoolean())) {
                mutateOne(child);
            } else if (random.nextInt(10) == 0) {
                object.remove(field);
            } else {
                object.set(field, hostileNode());
            }
        } else if (node instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextInt(6) == 0) {
                array.add(hostileNode());
            } else {
                mutateOne(array.get(random.nextInt(array.size())));
            }
        }
    }

    private JsonNode hostileNode() {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(List.of(-1, 0, -1e308, 1e308, Long.MIN_VALUE, 4.9e-324, 3650.0000001, 101)
                    .get(random.nextInt(8))
                    .doubleValue());
            case 2 -> NODES.numberNode(new BigInteger("9".repeat(40)));
            case 3 -> NODES.textNode(RAW_NAN);
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.arrayNode().add(hostileString()).add(NODES.objectNode());
            case 6 -> NODES.objectNode().put("nested", hostileString());
            case 7 -> NODES.textNode(RAW_SURROGATE);
            case 8 -> NODES.textNode("y".repeat(200_000));
            default -> NODES.textNode(hostileString());
        };
    }

    private String hostileString() {
        if (random.nextInt(5) == 0) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int cp = random.nextInt(4) == 0 ? random.nextInt(0x2FFFF) : 0x20 + random.nextInt(0x5F);
                if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                    cp = 'q';
                }
                sb.appendCodePoint(cp);
            }
            return sb.toString();
        }
        return HOSTILE_STRINGS.get(random.nextInt(HOSTILE_STRINGS.size()));
    }

    private static String asciiOnly(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().filter(ch -> ch >= 0x20 && ch < 0x7F).limit(300).forEach(ch -> sb.append((char) ch));
        return sb.toString();
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node)
                    .replace("\"" + RAW_NAN + "\"", "NaN")
                    .replace(RAW_SURROGATE, "\\ud800x");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + " chars)";
    }
}
