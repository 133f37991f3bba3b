package dev.threshold.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The records of a CSV file (RFC 4180, as LinkedIn and Google write it) parsed by commons-csv while the
 * upload streams in, each with the line it starts on. Blank lines are skipped. A file that breaks the CSV
 * structure (a quote that is never closed, text after a closing quote) is unreadable: everything after
 * such a point would be misread.
 */
final class CsvRecords implements Iterator<CsvRecords.Row>, AutoCloseable {

    /** The longest record accepted; LinkedIn rows are well under 1 KB, notes up to 10,000 characters. */
    static final long MAX_RECORD_CHARS = 4L * 1024 * 1024;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private final TextInput text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private Row next;

    record Row(long line, List<String> values) {
        /** Why this row does not have the header's {@code width} fields, or null when it does. */
        String widthProblem(int width) {
            return values.size() == width
                    ? null
                    : "has " + values.size() + " fields; the header has " + width + " (a truncated or damaged row)";
        }

        boolean isBlank() {
            return values.size() == 1 && values.get(0).isBlank();
        }
    }

    CsvRecords(InputStream in) {
        this.text = new TextInput(in, MAX_RECORD_CHARS);
        try {
            this.parser = CSVParser.parse(text, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return false;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                if (e.getCause() instanceof TextInput.UnreadableFile u) {
                    throw u;
                }
                throw new TextInput.UnreadableFile(
                        "The file is not valid CSV: the record starting at line " + line
                                + " is malformed (a quote that is never closed, or text after a closing quote); nothing was imported.");
            } catch (TextInput.UnreadableFile u) {
                throw u;
            }
            text.recordBoundary(parser.getCurrentLineNumber() + 1);
            Row row = new Row(line, record.toList());
            if (!row.isBlank()) {
                next = row;
            }
        }
        return true;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // the request stream is closed by the server
        }
    }

    /** Column positions by header name, case-insensitive, trimmed. */
    static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(normalise(header.get(i)), i);
        }
        return columns;
    }

    static String normalise(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
