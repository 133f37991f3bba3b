package dev.threshold.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two responses every upload that may run as a job shares (docs/importing.md, "Import jobs"), documented once
 * instead of on each of the import and capture operations: 202 (the job, named by {@code Location}) and 507 (no room
 * to keep the upload). An operation asks for them with {@code @Extension(name = UploadJobResponses.EXTENSION, value =
 * "imported")} (or {@code "captured"}: the word the 507's description uses); the extension itself is removed from the
 * document. They are
 * placed after the operation's own success responses, before the problems of {@code platform.openapi}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class UploadJobResponses implements OASFilter {

    public static final String EXTENSION = "x-threshold-upload-job";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Operation filterOperation(Operation operation) {
        Map<String, Object> extensions = operation.getExtensions();
        if (extensions == null || !extensions.containsKey(EXTENSION) || operation.getResponses() == null) {
            return operation;
        }
        String done = String.valueOf(extensions.get(EXTENSION));
        // a method's @Extension lands on its request body and its responses as well: removed from all of them
        operation.removeExtension(EXTENSION);
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().removeExtension(EXTENSION);
        }
        APIResponses responses = operation.getResponses();
        responses.getAPIResponses().values().forEach(r -> r.removeExtension(EXTENSION));
        Map<String, APIResponse> ordered = new LinkedHashMap<>();
        Map<String, APIResponse> existing = responses.getAPIResponses();
        existing.forEach((code, response) -> {
            if (code.compareTo("300") < 0) {
                ordered.put(code, response);
            }
        });
        ordered.put("202", accepted());
        ordered.put("507", noRoom(done));
        existing.forEach(ordered::putIfAbsent);
        responses.setAPIResponses(ordered);
        return operation;
    }

    private static APIResponse accepted() {
        return OASFactory.createAPIResponse()
                .description(
                        "Runs as a job (`Prefer: respond-async`, or a body over 32 MB): the job, named by `Location`")
                .addHeader("Location", header("/api/v1/imports/{id}"))
                .addHeader("Preference-Applied", header("respond-async"))
                .content(content("application/json", "ImportJob", "queued", ImportExamples.JOB_QUEUED));
    }

    private static APIResponse noRoom(String done) {
        return OASFactory.createAPIResponse()
                .description("No room on the service's disk to keep the upload while it is " + done
                        + "; nothing was written")
                .content(
                        content("application/problem+json", "Problem", "insufficient-storage", ImportExamples.NO_ROOM));
    }

    /** One media type: a component schema and one named example (JSON text, written as JSON). */
    private static Content content(String mediaType, String schema, String exampleName, String exampleJson) {
        return OASFactory.createContent()
                .addMediaType(
                        mediaType,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(schema))
                                .addExample(exampleName, example(exampleJson)));
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header header(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING));
    }

    private static org.eclipse.microprofile.openapi.models.examples.Example example(String json) {
        try {
            return OASFactory.createExample().value(JSON.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an example of ImportExamples is not JSON", e);
        }
    }
}
