package dev.threshold.platform.openapi;

import dev.threshold.platform.problem.Problem;
import dev.threshold.platform.reliability.Idempotency;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Documents the problem responses of every API operation in one place, so that each resource declares
 * only its success responses: 400, 401, 404, 409/412 (If-Match), 413, 415, 422 and 409 (Idempotency-Key), 429
 * and 503, each as
 * {@code application/problem+json} with the {@code Problem} schema; and the bearer token on every /api operation.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        registerProblemSchema(openAPI);
        for (Map.Entry<String, PathItem> entry :
                openAPI.getPaths().getPathItems().entrySet()) {
            if (!entry.getKey().startsWith("/api/")) {
                continue;
            }
            boolean hasId = entry.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    entry.getValue().getOperations().entrySet()) {
                if (op.getValue().getSecurity() == null
                        || op.getValue().getSecurity().isEmpty()) {
                    op.getValue()
                            .addSecurityRequirement(
                                    OASFactory.createSecurityRequirement().addScheme("bearerAuth"));
                }
                APIResponses responses = op.getValue().getResponses();
                PathItem.HttpMethod method = op.getKey();
                boolean write = method == PathItem.HttpMethod.POST
                        || method == PathItem.HttpMethod.PUT
                        || method == PathItem.HttpMethod.PATCH;
                add(responses, "400", "Invalid request: the `errors` name each invalid field or parameter");
                add(responses, "401", "Missing, expired or invalid bearer token");
                if (hasId) {
                    add(responses, "404", "No such resource for this owner");
                }
                if ((write || method == PathItem.HttpMethod.DELETE) && method != PathItem.HttpMethod.POST) {
                    add(responses, "409", "Changed concurrently by another request");
                    add(responses, "412", "If-Match does not match the current ETag");
                }
                if (write) {
                    add(responses, "413", "Request body too large");
                    add(responses, "415", "Unsupported content type");
                }
                if (method == PathItem.HttpMethod.POST) {
                    idempotencyKey(op.getValue());
                    add(responses, "409", "A request with the same Idempotency-Key is still in progress");
                    add(responses, "422", "The Idempotency-Key was used for a different request");
                }
                add(responses, "429", "Too many requests for this owner; retry after Retry-After seconds");
                add(
                        responses,
                        "503",
                        "Database unavailable or busy (its pool, or the turns for summaries and recommendations); retry after Retry-After seconds");
                if (!responses.hasAPIResponse("414")) {
                    responses.addAPIResponse(
                            "414",
                            OASFactory.createAPIResponse()
                                    .description("Request line too long (from the HTTP layer, without a body)"));
                }
            }
        }
    }

    /** Every POST honours an optional Idempotency-Key (see {@link Idempotency}). */
    private static void idempotencyKey(Operation operation) {
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> Idempotency.HEADER.equalsIgnoreCase(p.getName()))) {
            return;
        }
        operation.addParameter(OASFactory.createParameter()
                .name(Idempotency.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description("Makes the POST safe to retry: a retry with the same key and the same request within"
                        + " 24 hours returns the first response and writes nothing.")
                .schema(OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.STRING))
                        .minLength(1)
                        .maxLength(255)
                        .pattern("^[\\x20-\\x7E]+$")));
    }

    private static void registerProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey("Problem")) {
            return;
        }
        var string = (Supplier<Schema>) () -> OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        Schema fieldError = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", string.get().description("JSON path of the field or name of the parameter"))
                .addProperty("message", string.get());
        Schema problem = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", string.get().format("uri").example("https://threshold.dev/problems/validation"))
                .addProperty("title", string.get().example("Invalid request"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.INTEGER))
                                .example(400))
                .addProperty("detail", string.get().example("displayName: must not be blank"))
                .addProperty("instance", string.get().example("/api/v1/contacts"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .items(fieldError))
                .required(List.of("type", "title", "status"));
        openAPI.getComponents().addSchema("Problem", problem);
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            var existing = responses.getAPIResponse(code);
            if (existing.getContent() == null
                    || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                // e.g. the bare "400 Bad Request" SmallRye adds for validated bodies: it is a problem too
                existing.content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
            }
            return;
        }
        MediaType problem =
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
        responses.addAPIResponse(
                code, OASFactory.createAPIResponse().description(description).content(content));
    }
}
