package dev.threshold.importing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CsvCellsTest {

    @Test
    void aCellThatASpreadsheetWouldRunGetsAnApostrophe() {
        assertEquals("'=1+1", CsvCells.neutralise("=1+1"));
        assertEquals("'+44 20", CsvCells.neutralise("+44 20"));
        assertEquals("'-5", CsvCells.neutralise("-5"));
        assertEquals("'@SUM(A1)", CsvCells.neutralise("@SUM(A1)"));
        assertEquals("'\tx", CsvCells.neutralise("\tx"));
        assertEquals("'\rx", CsvCells.neutralise("\rx"));
    }

    @Test
    void otherCellsStayAsTheyAre() {
        assertEquals("Jane", CsvCells.neutralise("Jane"));
        assertEquals("'quoted", CsvCells.neutralise("'quoted"));
        assertEquals("'", CsvCells.neutralise("'"));
        assertEquals("", CsvCells.neutralise(""));
        assertNull(CsvCells.neutralise(null));
    }

    @Test
    void aCellAlreadyStartingWithApostrophesAndAFormulaGetsOneMore() {
        assertEquals("''=x", CsvCells.neutralise("'=x"));
        assertEquals("'''-x", CsvCells.neutralise("''-x"));
    }

    @Test
    void restoreIsTheExactInverse() {
        for (String value : List.of(
                "=1+1", "+44", "-", "@", "\t", "\r", "'=x", "''-x", "Jane", "'quoted", "'", "''", "", "a=b", "'a")) {
            assertEquals(value, CsvCells.restore(CsvCells.neutralise(value)), value);
        }
        assertEquals("'quoted", CsvCells.restore("'quoted"));
        assertNull(CsvCells.restore(null));
    }
}
