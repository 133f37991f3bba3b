package dev.threshold.importing;

/**
 * CSV formula injection (CWE-1236): a cell that starts with {@code = + - @}, a tab or a carriage return is
 * run as a formula by spreadsheet programs. The export prefixes such cells with an apostrophe (which
 * spreadsheets hide and treat as "text"); cells that already start with apostrophes followed by such a
 * character get one more, so that {@link #restore} is the exact inverse and an export re-imports unchanged.
 */
final class CsvCells {

    private CsvCells() {}

    static String neutralise(String value) {
        return value != null && needsQuote(value) ? "'" + value : value;
    }

    static String restore(String value) {
        return value != null && value.length() > 1 && value.charAt(0) == '\'' && needsQuote(value.substring(1))
                ? value.substring(1)
                : value;
    }

    private static boolean needsQuote(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        if (i >= value.length()) {
            return false;
        }
        char c = value.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
