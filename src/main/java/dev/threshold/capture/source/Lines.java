package dev.threshold.capture.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a text file as it streams in, UTF-8 (bytes that are not UTF-8 read as U+FFFD rather than failing a
 * whole chat), a byte order mark dropped, {@code \n}, {@code \r\n} and {@code \r} ends, each line cut at
 * {@link #maxChars} so that a file without line breaks cannot pull itself into memory.
 */
final class Lines implements Closeable {

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int len;
    private long number;
    private boolean first = true;
    private boolean truncated;

    Lines(InputStream in, int maxChars) {
        this.in = new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
        this.maxChars = maxChars;
    }

    /** The next line without its end, or null at the end of the file. */
    String next() throws IOException {
        StringBuilder line = null;
        truncated = false;
        boolean any = false;
        while (true) {
            if (pos == len && !fill()) {
                return any ? finish(line) : null;
            }
            int end = pos;
            while (end < len && buf[end] != '\n' && buf[end] != '\r') {
                end++;
            }
            if (end > pos) {
                any = true;
                if (line == null) {
                    line = new StringBuilder(Math.min(end - pos + 16, maxChars));
                }
                int room = maxChars - line.length();
                if (end - pos > room) {
                    truncated = true;
                }
                line.append(buf, pos, Math.min(end - pos, Math.max(room, 0)));
            }
            pos = end;
            if (end == len) {
                continue; // the line goes on in the next buffer
            }
            char c = buf[pos++];
            if (c == '\r' && (pos < len || fill()) && buf[pos] == '\n') {
                pos++;
            }
            return finish(line);
        }
    }

    private boolean fill() throws IOException {
        int r = in.read(buf, 0, buf.length);
        pos = 0;
        len = Math.max(r, 0);
        return r > 0;
    }

    private String finish(StringBuilder line) {
        number++;
        if (line == null) {
            return "";
        }
        if (first) {
            first = false;
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line.deleteCharAt(0);
            }
        }
        return line.toString();
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    long number() {
        return number;
    }

    /** Whether the last line was longer than the limit and cut. */
    boolean truncated() {
        return truncated;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
