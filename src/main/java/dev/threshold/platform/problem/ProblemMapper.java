package dev.threshold.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that turns exceptions into RFC 9457 problem responses. Resources never build error
 * bodies. Nothing from an exception's internals (class names, SQL, stack traces) reaches a client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        Response response = respond(problem.status(), problem.slug(), problem.title(), problem.getMessage(), uri, problem.errors());
        if (problem.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", problem.retryAfterSeconds().toString());
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new ApiProblem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        return apiProblem(ApiProblem.invalid(errors), uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return apiProblem(ApiProblem.invalid(jsonPath(e), "is not a known field"), uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String message;
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            List<String> allowed = new ArrayList<>();
            for (Object constant : e.getTargetType().getEnumConstants()) {
                allowed.add(((Enum<?>) constant).name());
            }
            message = "must be one of " + String.join(", ", allowed);
        } else {
            message = "has an invalid value" + expected(e.getTargetType());
        }
        return apiProblem(ApiProblem.invalid(jsonPath(e), message), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String path = jsonPath(e);
        if (path.isEmpty()) {
            return apiProblem(ApiProblem.invalid("body", "must be a JSON " + shape(e.getTargetType())), uri);
        }
        return apiProblem(ApiProblem.invalid(path, "has the wrong type" + expected(e.getTargetType())), uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String path = jsonPath(e);
        Throwable cause = e.getCause();
        String message = cause instanceof ApiProblem p && !p.errors().isEmpty() ? p.errors().get(0).message()
                : cause instanceof IllegalArgumentException iae && iae.getMessage() != null ? iae.getMessage()
                : "is invalid";
        return apiProblem(ApiProblem.invalid(path.isEmpty() ? "body" : path, message), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof com.fasterxml.jackson.core.exc.InputCoercionException coercion
                && coercion.getProcessor() != null) {
            String pointer = coercion.getProcessor().getParsingContext().pathAsPointer().toString();
            String field = pointer.isEmpty() ? "body"
                    : pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
            return apiProblem(ApiProblem.invalid(field, "is out of range"), uri);
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return apiProblem(ApiProblem.invalid("body", "is not well-formed JSON" + where), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return dispatchJson(jpe, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return switch (status) {
            case 401 -> unauthorized(e, uri);
            case 403 -> respond(403, "forbidden", "Forbidden", "This operation is not allowed.", uri, null);
            case 404 -> respond(404, "not-found", "Resource not found", "No resource at this path.", uri, null);
            case 405 -> respond(405, "method-not-allowed", "Method not allowed",
                    "This path does not support the method.", uri, null);
            case 406 -> respond(406, "not-acceptable", "Not acceptable",
                    "This resource is available as application/json.", uri, null);
            case 413 -> respond(413, "payload-too-large", "Payload too large", "The request body is too large.", uri, null);
            case 415 -> respond(415, "unsupported-media-type", "Unsupported media type",
                    "This operation does not accept the request's Content-Type; see its request body in /q/openapi.",
                    uri, null);
            default -> status >= 500 ? unexpected(e, uri)
                    : respond(status, "bad-request", "Bad request", "The request could not be processed.", uri, null);
        };
    }

    /**
     * No token, a bad signature, a wrong issuer, an expired token: 401 with a problem body. Authentication is
     * checked in the JAX-RS layer (proactive authentication is off) so that its failures arrive here.
     */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class,
            jakarta.ws.rs.NotAuthorizedException.class})
    public Response unauthorized(Exception e, UriInfo uri) {
        return Response.fromResponse(respond(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required.", uri, null)).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper(io.quarkus.security.ForbiddenException.class)
    public Response forbidden(Exception e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "This operation is not allowed.", uri, null);
    }

    private Response dispatchJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownProperty(u, uri);
        }
        if (e instanceof InvalidFormatException i) {
            return invalidFormat(i, uri);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatchedInput(m, uri);
        }
        if (e instanceof JsonMappingException m) {
            return jsonMapping(m, uri);
        }
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class,
            org.hibernate.dialect.lock.OptimisticEntityLockException.class})
    public Response optimisticLock(Exception e, UriInfo uri) {
        return respond(409, "conflict", "Conflict",
                "The resource was changed by another request; fetch it again and retry.", uri, null);
    }

    @ServerExceptionMapper(PessimisticLockException.class)
    public Response pessimisticLock(Exception e, UriInfo uri) {
        return respond(409, "conflict", "Conflict", "The resource is busy; retry the request.", uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isWriteConflict(e)) {
            return respond(409, "conflict", "Conflict",
                    "The request conflicted with a concurrent write; retry it.", uri, null);
        }
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getClass().getSimpleName());
            return Response.fromResponse(respond(503, "service-unavailable", "Service unavailable",
                    "The database is unavailable; retry shortly.", uri, null)).header("Retry-After", "5").build();
        }
        LOG.errorf(e, "Unexpected error on %s", uri == null ? "?" : uri.getPath());
        return respond(500, "internal-error", "Internal error",
                "An unexpected error occurred; it has been logged.", uri, null);
    }

    /** Deadlock (40P01) or serialization failure (40001): the client may simply retry. */
    static boolean isWriteConflict(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static boolean isDatabaseUnavailable(Throwable e) {
        return isDatabaseUnavailable(e, 0);
    }

    /** Looks through causes and suppressed exceptions (a failed rollback on a dead connection hides there). */
    private static boolean isDatabaseUnavailable(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 8; t = t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (isDatabaseUnavailable(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            // Agroal's pool exhausted for acquisition-timeout: a plain SQLException without SQLState. The
            // database is there but every connection is busy: the same 503 + Retry-After, never a 500.
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().startsWith("Sorry, acquisition timeout")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().equals("57014") || sql.getSQLState().equals("53300"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static Response respond(int status, String slug, String title, String detail, UriInfo uri,
                            List<ApiProblem.FieldError> errors) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        Problem body = new Problem(Problem.TYPE_BASE + slug, title, status, detail, instance,
                errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String fieldName(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    && node.getName() != null && node.getName().startsWith("arg")) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null && sb.length() > 0) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && sb.length() > 0) {
                sb.append('.').append(node.getKey());
            }
            if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        return "; expected " + shape(type);
    }

    private static String shape(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == java.util.UUID.class
                || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "string";
        }
        return "object";
    }
}
