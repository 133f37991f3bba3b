package dev.threshold.platform.problem;

/**
 * The problem types the platform answers with, each with its status, its slug (the last segment of the
 * {@code type} URI) and its title; for the statuses the HTTP layer produces on its own (a bare 404, 405, 415 …)
 * also the detail it is reported with. The status defaults: {@link #forStatus(int)}. Features may add their own
 * types through {@link ApiProblem}'s constructor (e.g. {@code unreadable-file}).
 */
public enum ProblemType {
    VALIDATION(400, "validation", "Invalid request", null),
    BAD_REQUEST(400, "bad-request", "Bad request", "The request could not be processed."),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized", "A valid bearer token is required."),
    FORBIDDEN(403, "forbidden", "Forbidden", "This operation is not allowed."),
    NOT_FOUND(404, "not-found", "Resource not found", "No resource at this path."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "This path does not support the method."),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable", "This resource is available as application/json."),
    CONFLICT(409, "conflict", "Conflict", null),
    IDEMPOTENCY_IN_FLIGHT(409, "idempotency-in-flight", "Request in progress", null),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed", null),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large", "The request body is too large."),
    UNSUPPORTED_MEDIA_TYPE(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "This operation does not accept the request's Content-Type; see its request body in /q/openapi."),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency-Key reused", null),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests", null),
    INTERNAL_ERROR(500, "internal-error", "Internal error", "An unexpected error occurred; it has been logged."),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable", null);

    private final int status;
    private final String slug;
    private final String title;
    private final String detail;

    ProblemType(int status, String slug, String title, String detail) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.detail = detail;
    }

    /**
     * The type of a bare status from the HTTP layer (a {@code WebApplicationException}, an unmatched path or
     * method): 401, 403, 404, 405, 406, 413 and 415 have their own; any other status below 500 is reported as
     * {@link #BAD_REQUEST}'s slug, title and detail with that status; null for 500 and above (an unexpected error).
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? null : BAD_REQUEST;
        };
    }

    /** This type as an exception, with the detail the HTTP layer's own answers carry. */
    public ApiProblem problem() {
        return new ApiProblem(this, detail);
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

    /** The detail of the HTTP layer's own answer with this type, or null when each problem brings its own. */
    public String detail() {
        return detail;
    }
}
