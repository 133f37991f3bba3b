package dev.threshold.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.dialect.lock.OptimisticEntityLockException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one exception mapper: turns every exception into an RFC 9457 problem response. Resources never build error
 * bodies. It composes the parts that know the cases: {@link FieldErrors} (what is wrong with a body),
 * {@link SqlStates} (database failures a client can retry), {@link ProblemType} (the type of each status). Nothing
 * from an exception's internals (class names, SQL, stack traces) reaches a client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        Response response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(problem, instance))
                .build();
        if (problem.retryAfterSeconds() != null) {
            response.getHeaders()
                    .putSingle("Retry-After", problem.retryAfterSeconds().toString());
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        return apiProblem(FieldErrors.of(e), uri);
    }

    // One mapper per Jackson exception type, so that each is more specific than any the framework brings.

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return apiProblem(FieldErrors.unknownProperty(e), uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return apiProblem(FieldErrors.invalidFormat(e), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return apiProblem(FieldErrors.mismatchedInput(e), uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return apiProblem(FieldErrors.jsonMapping(e), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return apiProblem(FieldErrors.malformed(e), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return apiProblem(FieldErrors.of(jpe), uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        if (type == null) {
            return unexpected(e, uri);
        }
        if (type == ProblemType.UNAUTHORIZED) {
            return unauthorized(e, uri);
        }
        // a status without a type of its own keeps its status, with the type of a plain bad request
        return apiProblem(
                type.status() == status
                        ? type.problem()
                        : new ApiProblem(status, type.slug(), type.title(), type.detail(), null),
                uri);
    }

    /**
     * No token, a bad signature, a wrong issuer, an expired token: 401 with a problem body. Authentication is
     * checked in the JAX-RS layer (proactive authentication is off) so that its failures arrive here.
     */
    @ServerExceptionMapper({
        UnauthorizedException.class,
        AuthenticationFailedException.class,
        AuthenticationCompletionException.class,
        NotAuthorizedException.class
    })
    public Response unauthorized(Exception e, UriInfo uri) {
        return Response.fromResponse(apiProblem(ProblemType.UNAUTHORIZED.problem(), uri))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(Exception e, UriInfo uri) {
        return apiProblem(ProblemType.FORBIDDEN.problem(), uri);
    }

    @ServerExceptionMapper({
        OptimisticLockException.class,
        StaleStateException.class,
        OptimisticEntityLockException.class
    })
    public Response optimisticLock(Exception e, UriInfo uri) {
        return apiProblem(
                ApiProblem.conflict("The resource was changed by another request; fetch it again and retry."), uri);
    }

    @ServerExceptionMapper(PessimisticLockException.class)
    public Response pessimisticLock(Exception e, UriInfo uri) {
        return apiProblem(ApiProblem.conflict("The resource is busy; retry the request."), uri);
    }

    /** Anything else: a database failure a client can retry (409, 503), or a logged 500. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        ApiProblem database = SqlStates.problem(e);
        if (database != null) {
            if (database.status() == 503) {
                LOG.warnf("Database unavailable: %s", e.getClass().getSimpleName());
            }
            return apiProblem(database, uri);
        }
        LOG.errorf(e, "Unexpected error on %s", uri == null ? "?" : uri.getPath());
        return apiProblem(ProblemType.INTERNAL_ERROR.problem(), uri);
    }
}
