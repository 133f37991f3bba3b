package dev.threshold.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded file, decoded strictly as UTF-8 while it streams in: a UTF-8 byte order mark is
 * dropped; a UTF-16 or UTF-32 mark, NUL characters (UTF-16 without a mark, binary files) or bytes that are
 * not UTF-8 (Latin-1, Windows-1252) make the whole file unreadable ({@link UnreadableFile}), with the line
 * where it happened. It also refuses to let one record grow past {@link #maxRecordChars} characters between
 * two calls of {@link #recordBoundary()}, so that an unterminated quote cannot pull a whole upload into memory.
 */
final class TextInput extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private final long maxRecordChars;
    private boolean started;
    private boolean eof;
    private boolean flushed;
    private long position;
    private long boundary;
    private long lines = 1;
    private long boundaryLine = 1;

    TextInput(InputStream in, long maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
        chars.flip();
        bytes.flip();
    }

    /** Marks the end of a record: the next one, starting at {@code nextLine}, may again be up to {@link #maxRecordChars} long. */
    void recordBoundary(long nextLine) {
        boundary = position;
        boundaryLine = nextLine;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        for (int i = off; i < off + n; i++) {
            if (buf[i] == '\n') {
                lines++;
            } else if (buf[i] == '\u0000') {
                throw new UnreadableFile("The file contains NUL characters at line " + lines
                        + ": it is not a UTF-8 text file (UTF-16, or binary). Save it as UTF-8 and upload it again.");
            }
        }
        position += n;
        if (position - boundary > maxRecordChars) {
            throw new UnreadableFile("The record starting near line " + boundaryLine + " is longer than "
                    + maxRecordChars / (1024 * 1024) + " MB (an unterminated quote?); nothing was imported.");
        }
        return n;
    }

    private boolean fill() throws IOException {
        if (flushed) {
            return false; // read again after the end: the decoder is done
        }
        chars.clear();
        while (chars.position() == 0) {
            if (!eof) {
                readMore();
            }
            check(decoder.decode(bytes, chars, eof));
            if (eof) {
                decoder.flush(chars);
                flushed = true;
                break;
            }
        }
        chars.flip();
        return chars.hasRemaining();
    }

    private void readMore() throws IOException {
        bytes.compact();
        do {
            int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (r < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + r);
            }
        } while (!started && !eof && bytes.position() < 4);
        bytes.flip();
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
    }

    private void check(CoderResult result) {
        if (result.isError()) {
            // count the lines of what decoded fine before the bad bytes
            long at = lines;
            for (int i = 0; i < chars.position(); i++) {
                if (chars.get(i) == '\n') {
                    at++;
                }
            }
            throw new UnreadableFile("The file is not UTF-8: line " + at + " has bytes that are not UTF-8"
                    + " (Latin-1 or Windows-1252?). Save it as UTF-8 and upload it again; nothing was imported.");
        }
    }

    private void skipByteOrderMark() {
        int n = bytes.remaining();
        int b0 = n > 0 ? bytes.get(bytes.position()) & 0xFF : -1;
        int b1 = n > 1 ? bytes.get(bytes.position() + 1) & 0xFF : -1;
        int b2 = n > 2 ? bytes.get(bytes.position() + 2) & 0xFF : -1;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            bytes.position(bytes.position() + 3);
        } else if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE || b0 == 0 && b1 == 0) {
            throw new UnreadableFile("The file is UTF-16 or UTF-32 text; save it as UTF-8 and upload it again.");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The file cannot be read as the expected kind of text at all: a 400 for the whole upload, nothing written. */
    static final class UnreadableFile extends RuntimeException {
        UnreadableFile(String message) {
            super(message, null, false, false);
        }
    }
}
