package dev.threshold.platform.api;

import dev.threshold.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ETags are strong, and If-Match compares strongly (RFC 9110, 13.1.1). */
class ETagsTest {

    @Test
    void aVersionsTagIsStrong() {
        assertEquals("\"7\"", ETags.of(7).toString());
        assertFalse(ETags.of(7).isWeak());
    }

    @Test
    void absentStarOrTheCurrentTagPass() {
        assertDoesNotThrow(() -> ETags.check(null, 7));
        assertDoesNotThrow(() -> ETags.check(" ", 7));
        assertDoesNotThrow(() -> ETags.check("*", 7));
        assertDoesNotThrow(() -> ETags.check("\"7\"", 7));
        assertDoesNotThrow(() -> ETags.check("\"5\", \"7\"", 7));
        assertDoesNotThrow(() -> ETags.check("W/\"7\", \"7\"", 7));
    }

    @Test
    void aStaleOrWeakTagFailsWith412() {
        for (String ifMatch : new String[] {"\"6\"", "7", "W/\"7\"", "W/\"6\", W/\"7\"", "\"70\""}) {
            ApiProblem failed = assertThrows(ApiProblem.class, () -> ETags.check(ifMatch, 7), ifMatch);
            assertEquals(412, failed.status());
            assertEquals("precondition-failed", failed.slug());
        }
    }
}
