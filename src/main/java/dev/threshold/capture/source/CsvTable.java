package dev.threshold.capture.source;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CSV file of an export read as it streams (commons-csv, RFC 4180, UTF-8 with a byte order mark dropped): the
 * header is the first record among the first {@value #MAX_PREAMBLE} that has the required columns, so a
 * {@code Notes:} preamble is passed over; an empty file has no rows. Each row comes with the line it starts on.
 * A file that breaks the CSV structure (a quote never closed) ends with an error for that file.
 */
final class CsvTable {

    static final int MAX_PREAMBLE = 50;

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** A row: its line and its cells by column name. */
    record Row(long line, List<String> values, Map<String, Integer> columns) {
        String get(String column) {
            Integer i = columns.get(column.toLowerCase(Locale.ROOT));
            return i == null || i >= values.size() ? null : Texts.clean(Texts.repairMojibake(values.get(i)));
        }
    }

    /** What went wrong reading a file as a whole; the rows read before stay valid. */
    static final class Broken extends RuntimeException {
        final long line;

        Broken(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** Called once per row; the header was found. */
    @FunctionalInterface
    interface RowHandler {
        void row(Row row);
    }

    /**
     * Reads {@code in} (not closed) and hands each row after the header to {@code handler}. Returns false when no
     * header with {@code required} columns was found (an empty file, or another file), true otherwise.
     */
    static boolean read(InputStream in, List<String> required, RowHandler handler) throws IOException {
        InputStreamReader reader = new InputStreamReader(
                new NonClosing(in),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
        CSVParser parser = CSVParser.parse(reader, FORMAT);
        Iterator<CSVRecord> records = parser.iterator();
        Map<String, Integer> columns = null;
        int seen = 0;
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return columns != null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new Broken(
                        line,
                        "the record starting at line " + line
                                + " is not valid CSV (a quote that is never closed?); the rest of the file was not read");
            }
            List<String> values = record.toList();
            if (columns == null) {
                Map<String, Integer> c = new HashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    String name = values.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                    c.putIfAbsent(name, i);
                }
                if (required.stream().allMatch(r -> c.containsKey(r.toLowerCase(Locale.ROOT)))) {
                    columns = c;
                } else if (++seen >= MAX_PREAMBLE) {
                    return false;
                }
                continue;
            }
            handler.row(new Row(line, values, columns));
        }
    }

    /** The entry of a zip, which the next entry needs open. */
    static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream stays open for its next entry
        }
    }
}
