package dev.threshold.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threshold.platform.problem.ApiProblem;
import jakarta.ws.rs.WebApplicationException;

import java.util.Iterator;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396). Kept by hand: Jackson has no merge patch, and the JSON-P one would add a second JSON
 * model beside Jackson's; this is the RFC's own twenty-line algorithm.
 */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {}

    /**
     * Applies {@code patch} to the JSON form of {@code current} and reads the result back as {@code type}.
     * A patch that is not a JSON object, or a result of the wrong shape, is a 400 naming the field.
     */
    public static <T> T merge(ObjectMapper json, Object current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object (a JSON merge patch)");
        }
        try {
            return json.treeToValue(apply(json.valueToTree(current), patch), type);
        } catch (JsonProcessingException e) {
            throw new WebApplicationException(e, 400);
        }
    }

    /** The RFC's MergePatch(Target, Patch): a new node; neither argument changes. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
