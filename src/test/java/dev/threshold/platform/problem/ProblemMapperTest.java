package dev.threshold.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The mapper composes its parts: what each kind of exception becomes on the wire (status, type, title, detail). */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    private static Problem body(Response response) {
        return (Problem) response.getEntity();
    }

    @Test
    void anExhaustedPoolIsUnavailableNotAnError() {
        Response response = mapper.unexpected(
                new IllegalStateException("Reading a score failed", new SQLException("Sorry, acquisition timeout!")),
                null);
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals(Problem.TYPE_BASE + "service-unavailable", body(response).type());
        assertEquals("Service unavailable", body(response).title());
        assertEquals(
                "The database is unavailable; retry shortly.", body(response).detail());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    }

    @Test
    void aDeadlockIsAConflictToRetry() {
        Response response = mapper.unexpected(new RuntimeException(new SQLException("deadlock", "40P01")), null);
        assertEquals(409, response.getStatus());
        assertEquals(Problem.TYPE_BASE + "conflict", body(response).type());
        assertEquals(
                "The request conflicted with a concurrent write; retry it.",
                body(response).detail());
        assertNull(response.getHeaderString("Retry-After"));
    }

    @Test
    void anythingElseIsALoggedInternalError() {
        Response response = mapper.unexpected(new SQLException("syntax error", "42601"), null);
        assertEquals(500, response.getStatus());
        assertEquals(Problem.TYPE_BASE + "internal-error", body(response).type());
        assertEquals(
                "An unexpected error occurred; it has been logged.",
                body(response).detail());
    }

    @Test
    void statusesFromTheHttpLayerGetTheirDefaults() {
        Response notFound = mapper.webApplication(new WebApplicationException(404), null);
        assertEquals(404, notFound.getStatus());
        assertEquals(Problem.TYPE_BASE + "not-found", body(notFound).type());
        assertEquals("No resource at this path.", body(notFound).detail());
        Response tooLarge = mapper.webApplication(new WebApplicationException(413), null);
        assertEquals("Payload too large", body(tooLarge).title());
        assertEquals("The request body is too large.", body(tooLarge).detail());
        // a status without a type of its own keeps its status, with the type of a plain bad request
        Response gone = mapper.webApplication(new WebApplicationException(410), null);
        assertEquals(410, gone.getStatus());
        assertEquals(410, body(gone).status());
        assertEquals(Problem.TYPE_BASE + "bad-request", body(gone).type());
        assertEquals("The request could not be processed.", body(gone).detail());
        Response unauthorized = mapper.webApplication(new WebApplicationException(401), null);
        assertEquals("Bearer", unauthorized.getHeaderString("WWW-Authenticate"));
        assertEquals("A valid bearer token is required.", body(unauthorized).detail());
        assertEquals(
                500,
                mapper.webApplication(new WebApplicationException(502), null).getStatus());
    }

    @Test
    void jsonErrorsNameTheField() {
        ObjectMapper json = new ObjectMapper();
        record Item(int count, ProblemType kind) {}
        UnrecognizedPropertyException unknown = assertThrows(
                UnrecognizedPropertyException.class, () -> json.readValue("{\"count\": 1, \"colour\": 2}", Item.class));
        Response response = mapper.webApplication(new WebApplicationException(unknown, 400), null);
        assertEquals(
                List.of(new ApiProblem.FieldError("colour", "is not a known field")),
                body(response).errors());
        assertEquals("colour: is not a known field", body(response).detail());
        InvalidFormatException notAConstant =
                assertThrows(InvalidFormatException.class, () -> json.readValue("{\"kind\": \"NOPE\"}", Item.class));
        assertEquals(
                "kind",
                body(mapper.invalidFormat(notAConstant, null)).errors().get(0).field());
        Exception wrongType = assertThrows(Exception.class, () -> json.readValue("{\"count\": [1]}", Item.class));
        assertEquals(
                "count: has the wrong type; expected number",
                FieldErrors.of((JsonProcessingException) wrongType).getMessage());
        Exception malformed = assertThrows(Exception.class, () -> json.readValue("{\"count\": ", Map.class));
        assertEquals(
                "body",
                FieldErrors.of((JsonProcessingException) malformed)
                        .errors()
                        .get(0)
                        .field());
    }
}
