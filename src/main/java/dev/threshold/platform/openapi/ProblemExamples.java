package dev.threshold.platform.openapi;

import dev.threshold.platform.problem.Problem;
import dev.threshold.platform.problem.ProblemType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.examples.Example;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One realistic problem body per problem type, as the service answers it: the type URI, title, status, a detail
 * in the service's own words, the request's path as instance and a request id; {@code errors} only for a 400.
 */
final class ProblemExamples {

    private static final String SAMPLE_ID = "7c1e4b2a-9d3f-4e8a-b6c5-2f0a1d9e8b74";
    private static final String REQUEST_ID = "3f9c2a8e-1b7d-4c5e-9a0f-6d2b8e4c1a7f";

    private ProblemExamples() {}

    /** The example for {@code type} on the operation at {@code path} (its parameters filled with a sample id). */
    static Example of(ProblemType type, String path, boolean body, List<String> query) {
        String[] error = type == ProblemType.VALIDATION ? invalid(path, body, query) : null;
        if (type == ProblemType.VALIDATION && error == null) {
            type = ProblemType.BAD_REQUEST;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", Problem.TYPE_BASE + type.slug());
        value.put("title", type.title());
        value.put("status", type.status());
        value.put("detail", error != null ? String.join(": ", error) : detail(type, path));
        value.put("instance", path.replaceAll("\\{[^}]+}", SAMPLE_ID));
        if (type == ProblemType.VALIDATION) {
            value.put("errors", List.of(Map.of("field", error[0], "message", error[1])));
        }
        value.put("requestId", REQUEST_ID);
        return OASFactory.createExample().summary(type.title()).value(value);
    }

    private static String detail(ProblemType type, String path) {
        return switch (type) {
            case NOT_FOUND -> noun(path) + " " + SAMPLE_ID + " was not found.";
            case CONFLICT -> "The resource was changed by another request; fetch it again and retry.";
            case PRECONDITION_FAILED -> "If-Match does not match the resource's current ETag; fetch it again and retry.";
            case IDEMPOTENCY_IN_FLIGHT -> "A request with this Idempotency-Key is still being processed; retry it shortly.";
            case IDEMPOTENCY_KEY_REUSED -> "This Idempotency-Key was used for a different request (method, path or body)"
                    + " within the last 24 hours; use a new key for a new request.";
            case TOO_MANY_REQUESTS -> "This account sent too many requests; retry after 1 s.";
            case SERVICE_UNAVAILABLE -> "The database is unavailable; retry shortly.";
            default -> type.detail();
        };
    }

    /**
     * A field and its message as the service names them for this operation: a field of its body, else one of its
     * query parameters; null for an operation that takes neither (its 400 is a malformed request: bad-request).
     */
    static String[] invalid(String path, boolean body, List<String> query) {
        if (body && !path.startsWith("/api/v1/imports")) {
            if (path.endsWith("/batch")) {
                return new String[] {"[1].contactId", "no such contact"};
            }
            if (path.startsWith("/api/v1/interactions") || path.endsWith("/interactions")) {
                return new String[] {"type", "must not be null"};
            }
            if (path.startsWith("/api/v1/actions")) {
                return new String[] {"threshold", "must be less than or equal to 100"};
            }
            if (path.startsWith("/api/v1/settings")) {
                return new String[] {"halfLifeDays", "must be between 1 and 3650 days"};
            }
            return new String[] {"displayName", "must not be blank"};
        }
        for (String name : List.of("limit", "dryRun", "at", "from", "step", "format")) {
            if (query.contains(name)) {
                return switch (name) {
                    case "limit" -> new String[] {name, "must be between 1 and 200"};
                    case "dryRun" -> new String[] {name, "must be true or false"};
                    case "at", "from" -> new String[] {name, "must be an ISO-8601 instant such as 2026-01-31T09:00:00Z"
                    };
                    case "step" -> new String[] {name, "must be an ISO-8601 duration such as P1D or PT6H"};
                    default -> new String[] {name, "must be one of CSV, VCARD"};
                };
            }
        }
        return null;
    }

    /** "Contact", "Interaction" or "Action": what a path's id names. */
    private static String noun(String path) {
        if (path.startsWith("/api/v1/interactions")) {
            return "Interaction";
        }
        if (path.startsWith("/api/v1/actions")) {
            return "Action";
        }
        return "Contact";
    }
}
