package dev.threshold.platform.openapi;

import dev.threshold.platform.problem.Problem;
import dev.threshold.platform.problem.ProblemType;
import dev.threshold.platform.reliability.Idempotency;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
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
 * {@code application/problem+json} with the {@code Problem} schema and an example of that status's own problem
 * ({@link ProblemExamples}); and the bearer token on every /api operation. Run by {@link DocumentFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    /**
     * An operation extension ({@code @Extension(name = NO_BEARER_TOKEN, value = "true")}) of the one operation that
     * takes no bearer token (the calendar feed, whose URL's secret is the credential): no bearer security, no 401.
     */
    public static final String NO_BEARER_TOKEN = "x-no-bearer-token";

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
            String path = entry.getKey();
            boolean hasId = path.contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    entry.getValue().getOperations().entrySet()) {
                boolean open = op.getValue().getExtensions() != null
                        && op.getValue().getExtensions().containsKey(NO_BEARER_TOKEN);
                if (!open
                        && (op.getValue().getSecurity() == null
                                || op.getValue().getSecurity().isEmpty())) {
                    op.getValue()
                            .addSecurityRequirement(
                                    OASFactory.createSecurityRequirement().addScheme("bearerAuth"));
                }
                APIResponses responses = op.getValue().getResponses();
                List<String> query = op.getValue().getParameters() == null
                        ? List.of()
                        : op.getValue().getParameters().stream()
                                .filter(p -> p.getIn() == Parameter.In.QUERY)
                                .map(Parameter::getName)
                                .toList();
                PathItem.HttpMethod method = op.getKey();
                boolean write = method == PathItem.HttpMethod.POST
                        || method == PathItem.HttpMethod.PUT
                        || method == PathItem.HttpMethod.PATCH;
                add(
                        responses,
                        path,
                        write,
                        query,
                        "400",
                        "Invalid request: the `errors` name each invalid field or parameter",
                        ProblemType.VALIDATION);
                if (!open) {
                    add(
                            responses,
                            path,
                            write,
                            query,
                            "401",
                            "Missing, expired or invalid bearer token",
                            ProblemType.UNAUTHORIZED);
                }
                if (hasId) {
                    add(responses, path, write, query, "404", "No such resource for this owner", ProblemType.NOT_FOUND);
                }
                if ((write || method == PathItem.HttpMethod.DELETE) && method != PathItem.HttpMethod.POST) {
                    add(
                            responses,
                            path,
                            write,
                            query,
                            "409",
                            "Changed concurrently by another request",
                            ProblemType.CONFLICT);
                    add(
                            responses,
                            path,
                            write,
                            query,
                            "412",
                            "If-Match does not match the current ETag",
                            ProblemType.PRECONDITION_FAILED);
                }
                if (write) {
                    add(responses, path, write, query, "413", "Request body too large", ProblemType.PAYLOAD_TOO_LARGE);
                    add(
                            responses,
                            path,
                            write,
                            query,
                            "415",
                            "Unsupported content type",
                            ProblemType.UNSUPPORTED_MEDIA_TYPE);
                }
                if (method == PathItem.HttpMethod.POST) {
                    idempotencyKey(op.getValue());
                    add(
                            responses,
                            path,
                            write,
                            query,
                            "409",
                            "A request with the same Idempotency-Key is still in progress",
                            ProblemType.IDEMPOTENCY_IN_FLIGHT);
                    add(
                            responses,
                            path,
                            write,
                            query,
                            "422",
                            "The Idempotency-Key was used for a different request",
                            ProblemType.IDEMPOTENCY_KEY_REUSED);
                }
                add(
                        responses,
                        path,
                        write,
                        query,
                        "429",
                        "Too many requests for this owner; retry after Retry-After seconds",
                        ProblemType.TOO_MANY_REQUESTS);
                add(
                        responses,
                        path,
                        write,
                        query,
                        "503",
                        "Database unavailable or busy (its pool, or the turns for summaries and recommendations); retry after Retry-After seconds",
                        ProblemType.SERVICE_UNAVAILABLE);
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

    private static void add(
            APIResponses responses,
            String path,
            boolean body,
            List<String> query,
            String code,
            String description,
            ProblemType type) {
        var response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, response);
        }
        if (response.getContent() == null
                || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            // new, or e.g. the bare "400 Bad Request" SmallRye adds for validated bodies: it is a problem too
            response.content(OASFactory.createContent()
                    .addMediaType(
                            Problem.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
        }
        MediaType problem = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (problem != null
                && problem.getExample() == null
                && (problem.getExamples() == null || problem.getExamples().isEmpty())) {
            Example example = ProblemExamples.of(type, path, body, query);
            String slug = String.valueOf(((Map<?, ?>) example.getValue()).get("type"));
            problem.addExample(slug.substring(slug.lastIndexOf('/') + 1), example);
        }
    }
}
