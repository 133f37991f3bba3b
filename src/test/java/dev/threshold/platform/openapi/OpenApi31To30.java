package dev.threshold.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The service publishes OpenAPI 3.1; swagger-request-validator reads 3.0. This rewrites the few 3.1 schema
 * constructs SmallRye emits into their 3.0 equivalents, mechanically and without loosening anything:
 * {@code type: [T, "null"]} becomes {@code type: T, nullable: true}; {@code anyOf/oneOf} with a {@code null}
 * branch becomes the other branch, nullable; numeric {@code exclusiveMinimum/Maximum} become the 3.0 boolean
 * form; {@code const} becomes a one-value {@code enum}; schema-level {@code examples} arrays are dropped.
 */
final class OpenApi31To30 {

    private OpenApi31To30() {}

    static JsonNode convert(JsonNode document) {
        JsonNode copy = document.deepCopy();
        ((ObjectNode) copy).put("openapi", "3.0.3");
        components = copy.path("components").path("schemas");
        rewrite(copy, null);
        return copy;
    }

    private static JsonNode components;

    private static void rewrite(JsonNode node, String parentKey) {
        if (node instanceof ArrayNode array) {
            array.forEach(child -> rewrite(child, parentKey));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        JsonNode type = object.get("type");
        if (type instanceof ArrayNode types) {
            List<String> rest = new ArrayList<>();
            boolean nullable = false;
            for (JsonNode t : types) {
                if (t.asText().equals("null")) {
                    nullable = true;
                } else {
                    rest.add(t.asText());
                }
            }
            if (rest.size() == 1) {
                object.put("type", rest.get(0));
            } else {
                object.remove("type");
            }
            if (nullable) {
                object.put("nullable", true);
            }
        }
        for (String composite : List.of("anyOf", "oneOf")) {
            if (object.get(composite) instanceof ArrayNode branches) {
                ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                boolean nullable = false;
                for (JsonNode branch : branches) {
                    if (branch.path("type").asText().equals("null") && branch.size() == 1) {
                        nullable = true;
                    } else {
                        kept.add(branch);
                    }
                }
                if (nullable) {
                    object.remove(composite);
                    if (!object.has("type")) {
                        JsonNode target = kept.size() == 1 && kept.get(0).has("$ref")
                                ? components.path(
                                        kept.get(0).get("$ref").asText().replace("#/components/schemas/", ""))
                                : null;
                        if (target != null && target.has("enum")) {
                            // a nullable enum reference: inline the enum, with null as one more value
                            object.put("type", target.path("type").asText("string"));
                            object.set("enum", target.get("enum").deepCopy());
                            ((ArrayNode) object.get("enum")).addNull();
                        } else {
                            object.set(kept.size() == 1 ? "allOf" : composite, kept);
                        }
                    }
                    object.put("nullable", true);
                }
            }
        }
        if (object.get("exclusiveMinimum") != null
                && object.get("exclusiveMinimum").isNumber()) {
            object.set("minimum", object.remove("exclusiveMinimum"));
            object.put("exclusiveMinimum", true);
        }
        if (object.get("exclusiveMaximum") != null
                && object.get("exclusiveMaximum").isNumber()) {
            object.set("maximum", object.remove("exclusiveMaximum"));
            object.put("exclusiveMaximum", true);
        }
        if (object.has("const")) {
            object.set("enum", JsonNodeFactory.instance.arrayNode().add(object.remove("const")));
        }
        if (object.get("examples") instanceof ArrayNode) {
            object.remove("examples");
        }
        object.remove("$schema");
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            rewrite(object.get(key), key);
        }
    }
}
