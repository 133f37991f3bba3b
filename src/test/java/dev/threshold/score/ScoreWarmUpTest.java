package dev.threshold.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/** The score read's in-process warm-up runs on its made-up values alone: no database, no owner. */
class ScoreWarmUpTest {

    @Test
    void exercisesTheFoundPathOnMadeUpValues() {
        ScoreWarmUp step = new ScoreWarmUp(new ObjectMapper().registerModule(new JavaTimeModule()));
        assertDoesNotThrow(() -> step.exercise(50));
    }
}
