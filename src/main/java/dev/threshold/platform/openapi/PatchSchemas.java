package dev.threshold.platform.openapi;

import dev.threshold.platform.api.MergePatch;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schemas of the merge-patch bodies ({@code ContactPatch}, {@code InteractionPatch}, {@code ActionPatch}),
 * derived from the input schemas so that they cannot drift: the same properties and constraints, none required,
 * and nullable (null clears the field, RFC 7396) unless the input requires the field, where null is a 400.
 */
final class PatchSchemas {

    /** Input schema → its patch schema, and the fields a patch may not clear besides the required ones. */
    private static final Map<String, String> PATCHES = Map.of(
            "ContactInput",
            "ContactPatch",
            "InteractionInput",
            "InteractionPatch",
            "ActionInput",
            "ActionPatch",
            "WebhookInput",
            "WebhookPatch");

    private static final Map<String, Set<String>> NOT_CLEARABLE =
            Map.of("InteractionPatch", Set.of("contactId", "occurredAt"));

    private PatchSchemas() {}

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Operation patch = item.getPATCH();
            if (patch == null
                    || patch.getRequestBody() == null
                    || patch.getRequestBody().getContent() == null) {
                continue;
            }
            MediaType body = patch.getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE);
            if (body == null || body.getSchema() == null || body.getSchema().getRef() == null) {
                continue;
            }
            String input = body.getSchema()
                    .getRef()
                    .substring(body.getSchema().getRef().lastIndexOf('/') + 1);
            String name = PATCHES.get(input);
            if (name == null || !schemas.containsKey(input)) {
                continue;
            }
            if (!schemas.containsKey(name)) {
                openAPI.getComponents().addSchema(name, patchOf(schemas.get(input), name, schemas));
            }
            body.setSchema(OASFactory.createSchema().ref("#/components/schemas/" + name));
        }
    }

    private static Schema patchOf(Schema input, String name, Map<String, Schema> schemas) {
        List<String> required = input.getRequired() == null ? List.of() : input.getRequired();
        Set<String> kept = NOT_CLEARABLE.getOrDefault(name, Set.of());
        Schema patch = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("The fields to change, as a JSON merge patch (RFC 7396): absent fields are kept, a"
                        + " field set to null is cleared (a 400 for the fields that cannot be cleared).");
        for (Map.Entry<String, Schema> property : input.getProperties().entrySet()) {
            boolean clearable = !required.contains(property.getKey()) && !kept.contains(property.getKey());
            patch.addProperty(property.getKey(), propertyOf(property.getValue(), clearable, schemas));
        }
        return patch;
    }

    /** A copy of {@code property} with a referenced schema inlined, plus null when the field may be cleared. */
    private static Schema propertyOf(Schema property, boolean clearable, Map<String, Schema> schemas) {
        Map<String, Object> all = new LinkedHashMap<>();
        if (property.getRef() != null) {
            Schema target =
                    schemas.get(property.getRef().substring(property.getRef().lastIndexOf('/') + 1));
            if (target != null) {
                all.putAll(target.getAll());
            }
        }
        property.getAll().forEach((key, value) -> {
            if (!key.equals("$ref")) {
                all.put(key, value);
            }
        });
        Schema copy = OASFactory.createSchema();
        copy.setAll(all);
        if (!clearable) {
            return copy;
        }
        if (copy.getType() != null && !copy.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new ArrayList<>(copy.getType());
            types.add(Schema.SchemaType.NULL);
            copy.setType(types);
        }
        if (copy.getEnumeration() != null && !copy.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(copy.getEnumeration());
            values.add(null);
            copy.setEnumeration(values);
        }
        return copy;
    }
}
