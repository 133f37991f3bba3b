package dev.threshold.capture;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a mail file, read from a byte stream through one buffer: a line is kept whole only when asked (header
 * lines, up to a cap), else only its first bytes are kept (enough to see an mbox {@code From } separator), so that a
 * body of any size and any line length passes through without being held.
 */
final class MailLines {

    private static final int BUFFER = 1 << 16;
    /** Bytes kept of a line that is skipped. */
    private static final int PEEK = 8;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private boolean truncated;
    private long number;

    MailLines(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next line (without its CR LF or LF); false at the end of the input. With {@code keep}, up to
     * {@code max} bytes are kept ({@link #truncated()} says if there were more), else only the first few.
     */
    boolean next(boolean keep, int max) throws IOException {
        length = 0;
        truncated = false;
        int cap = keep ? max : PEEK;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer, 0, BUFFER);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (any) {
                        number++;
                        trimCr();
                    }
                    return any;
                }
            }
            any = true;
            int start = pos;
            int end = start;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            append(start, end - start, cap);
            if (end < limit) {
                pos = end + 1;
                number++;
                trimCr();
                return true;
            }
            pos = limit;
        }
    }

    private void append(int from, int n, int cap) {
        int room = cap - length;
        if (n > room) {
            truncated = true;
            n = Math.max(room, 0);
        }
        if (n == 0) {
            return;
        }
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(buffer, from, line, length, n);
        length += n;
    }

    private void trimCr() {
        if (length > 0 && line[length - 1] == '\r' && !truncated) {
            length--;
        }
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    boolean truncated() {
        return truncated;
    }

    /** The 1-based number of the line last read. */
    long number() {
        return number;
    }

    boolean isEmpty() {
        return length == 0 && !truncated;
    }

    /** Whether the line starts with {@code From } (an mbox separator, when it follows an empty line). */
    boolean isFromLine() {
        return length >= 5 && line[0] == 'F' && line[1] == 'r' && line[2] == 'o' && line[3] == 'm' && line[4] == ' ';
    }
}
