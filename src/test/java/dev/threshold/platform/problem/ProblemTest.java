package dev.threshold.platform.problem;

import dev.threshold.platform.http.RequestIds;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProblemTest {

    @Test
    void theRequestIdIsReadUnderTheKeyRequestIdsWrites() {
        assertEquals(RequestIds.MDC_KEY, Problem.REQUEST_ID_MDC_KEY);
        MDC.put(Problem.REQUEST_ID_MDC_KEY, "req-1");
        try {
            assertEquals(
                    "req-1",
                    Problem.of(ApiProblem.notFound("Contact"), "/api/v1/contacts/x")
                            .requestId());
        } finally {
            MDC.remove(Problem.REQUEST_ID_MDC_KEY);
        }
        assertNull(Problem.of(ApiProblem.notFound("Contact"), null).requestId());
    }

    @Test
    void aProblemBodyCarriesTheTypeTitleStatusDetailAndErrors() {
        Problem tooLarge = Problem.of(ApiProblem.payloadTooLarge(11, 10), "/api/v1/contacts");
        assertEquals(
                new Problem(
                        Problem.TYPE_BASE + "payload-too-large",
                        "Payload too large",
                        413,
                        "The request body is 11 bytes; at most 10 are accepted.",
                        "/api/v1/contacts",
                        null,
                        null),
                tooLarge);
        Problem invalid = Problem.of(ApiProblem.invalid("b", "x"), null);
        assertEquals(List.of(new ApiProblem.FieldError("b", "x")), invalid.errors());
        assertNull(Problem.of(ApiProblem.conflict("busy"), null).errors());
    }

    @Test
    void eachStatusOfTheHttpLayerHasItsType() {
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemType.forStatus(415));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(400));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(422));
        assertNull(ProblemType.forStatus(500));
    }
}
