package dev.threshold.platform.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemMapperTest {

    @Test
    void anExhaustedPoolIsUnavailableNotAnError() {
        SQLException exhausted = new SQLException("Sorry, acquisition timeout!");
        assertTrue(ProblemMapper.isDatabaseUnavailable(exhausted));
        assertTrue(ProblemMapper.isDatabaseUnavailable(new IllegalStateException("Reading a score failed", exhausted)));
        assertTrue(ProblemMapper.isDatabaseUnavailable(new SQLException("refused", "08001")));
        assertFalse(ProblemMapper.isDatabaseUnavailable(new SQLException("syntax error", "42601")));
        assertFalse(ProblemMapper.isDatabaseUnavailable(new SQLException("Sorry, acquisition timeout!", "42601")));
        assertFalse(ProblemMapper.isDatabaseUnavailable(new IllegalStateException("no")));
    }
}
