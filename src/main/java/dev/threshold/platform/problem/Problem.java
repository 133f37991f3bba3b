package dev.threshold.platform.problem;

import dev.threshold.platform.http.RequestIds;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(description = "The request's id (the X-Request-Id header, echoed or generated), also in the service's logs",
                example = "3f9c2a8e-1b7d-4c5e-9a0f-6d2b8e4c1a7f") String requestId) {

    /** A problem for the current request: its id comes from the request-id MDC ({@link RequestIds}). */
    public Problem(String type, String title, int status, String detail, String instance,
                   List<ApiProblem.FieldError> errors) {
        this(type, title, status, detail, instance, errors, RequestIds.current());
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://threshold.dev/problems/";
}
