package dev.threshold.platform.problem;

import java.util.Comparator;
import java.util.List;

/**
 * A failure that the API reports as an RFC 9457 problem. Services throw it; {@link ProblemMapper} is the
 * one place that turns it (and every other exception) into {@code application/problem+json}.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    public ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors) {
        this(status, slug, title, detail, errors, null);
    }

    /** A problem of one of the platform's {@link ProblemType}s. */
    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    private ApiProblem(ProblemType type, String detail, List<FieldError> errors, Long retryAfterSeconds) {
        this(type.status(), type.slug(), type.title(), detail, errors, retryAfterSeconds);
    }

    private ApiProblem(
            int status, String slug, String title, String detail, List<FieldError> errors, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(ProblemType.NOT_FOUND, what + " was not found.");
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** A 400 listing every invalid field, in field order. */
    public static ApiProblem invalid(List<FieldError> errors) {
        errors = errors.stream()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid.";
        return new ApiProblem(ProblemType.VALIDATION, detail, errors, null);
    }

    public static ApiProblem preconditionFailed() {
        return new ApiProblem(
                ProblemType.PRECONDITION_FAILED,
                "If-Match does not match the resource's current ETag; fetch it again and retry.");
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ProblemType.CONFLICT, detail);
    }

    /** 429 with {@code Retry-After}: the owner sent more requests than the rate limit allows. */
    public static ApiProblem tooManyRequests(long retryAfterSeconds) {
        return new ApiProblem(
                ProblemType.TOO_MANY_REQUESTS,
                "This account sent too many requests; retry after " + retryAfterSeconds + " s.",
                null,
                retryAfterSeconds);
    }

    /** 503 with {@code Retry-After}: the service is there but cannot take this request now. */
    public static ApiProblem unavailable(String detail, long retryAfterSeconds) {
        return new ApiProblem(ProblemType.SERVICE_UNAVAILABLE, detail, null, retryAfterSeconds);
    }

    /** 413: a body declared larger than the operation accepts (see platform.http.BodyLimit). */
    public static ApiProblem payloadTooLarge(long declaredBytes, long limitBytes) {
        return new ApiProblem(
                ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is " + declaredBytes + " bytes; at most " + limitBytes + " are accepted.");
    }

    /** Seconds for a {@code Retry-After} header, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field: its JSON path (e.g. {@code emails[1]}) and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
