package dev.threshold.platform.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlStatesTest {

    @Test
    void anExhaustedPoolIsUnavailableNotAnError() {
        SQLException exhausted = new SQLException("Sorry, acquisition timeout!");
        assertTrue(SqlStates.isDatabaseUnavailable(exhausted));
        assertTrue(SqlStates.isDatabaseUnavailable(new IllegalStateException("Reading a score failed", exhausted)));
        assertTrue(SqlStates.isDatabaseUnavailable(new SQLException("refused", "08001")));
        assertFalse(SqlStates.isDatabaseUnavailable(new SQLException("syntax error", "42601")));
        assertFalse(SqlStates.isDatabaseUnavailable(new SQLException("Sorry, acquisition timeout!", "42601")));
        assertFalse(SqlStates.isDatabaseUnavailable(new IllegalStateException("no")));
    }

    @Test
    void shutdownTimeoutsAndTooManyConnectionsAreUnavailable() {
        for (String state : new String[] {"57P01", "57P03", "57014", "53300", "08006"}) {
            assertTrue(SqlStates.isDatabaseUnavailable(new SQLException("x", state)), state);
        }
        assertTrue(SqlStates.isDatabaseUnavailable(new SQLTransientConnectionException("gone")));
    }

    @Test
    void aLostConnectionHiddenInASuppressedRollbackFailureIsFound() {
        RuntimeException failure = new RuntimeException("commit failed");
        failure.addSuppressed(new IllegalStateException("rollback failed", new SQLException("closed", "08003")));
        assertTrue(SqlStates.isDatabaseUnavailable(failure));
    }

    @Test
    void writeConflictsAre409AndOutagesAre503WithRetryAfter() {
        assertTrue(SqlStates.isWriteConflict(new RuntimeException(new SQLException("x", "40001"))));
        assertTrue(SqlStates.isWriteConflict(new SQLException("x", "40P01")));
        assertFalse(SqlStates.isWriteConflict(new SQLException("x", "23505")));
        ApiProblem conflict = SqlStates.problem(new SQLException("x", "40001"));
        assertEquals(409, conflict.status());
        assertEquals("conflict", conflict.slug());
        ApiProblem unavailable = SqlStates.problem(new SQLException("x", "08001"));
        assertEquals(503, unavailable.status());
        assertEquals(5L, unavailable.retryAfterSeconds());
        assertNull(SqlStates.problem(new SQLException("x", "23505")));
    }
}
