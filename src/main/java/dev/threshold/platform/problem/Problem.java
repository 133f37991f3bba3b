package dev.threshold.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.MDC;

import java.util.List;

/** RFC 9457 problem details, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(example = "https://threshold.dev/problems/validation") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "displayName: must not be blank") String detail,
        @Schema(example = "/api/v1/contacts") String instance,
        List<ApiProblem.FieldError> errors,
        @Schema(
                        description =
                                "The request's id (the X-Request-Id header, echoed or generated), also in the service's logs",
                        example = "3f9c2a8e-1b7d-4c5e-9a0f-6d2b8e4c1a7f")
                String requestId) {

    /**
     * A problem for the current request: its id comes from the log MDC, where platform.http.RequestIds puts it
     * under {@value #REQUEST_ID_MDC_KEY} (read here by name, so that problem details need nothing from HTTP).
     */
    public Problem(
            String type, String title, int status, String detail, String instance, List<ApiProblem.FieldError> errors) {
        this(type, title, status, detail, instance, errors, currentRequestId());
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://threshold.dev/problems/";
    /** The MDC key of the current request's id (the same as {@code RequestIds.MDC_KEY}; ProblemTest holds them equal). */
    public static final String REQUEST_ID_MDC_KEY = "requestId";

    /** The body of {@code problem} answering the request for {@code instance} (its raw path, or null). */
    public static Problem of(ApiProblem problem, String instance) {
        List<ApiProblem.FieldError> errors = problem.errors();
        return new Problem(
                TYPE_BASE + problem.slug(),
                problem.title(),
                problem.status(),
                problem.getMessage(),
                instance,
                errors.isEmpty() ? null : errors);
    }

    private static String currentRequestId() {
        Object id = MDC.get(REQUEST_ID_MDC_KEY);
        return id == null ? null : id.toString();
    }
}
