package dev.threshold.capture.source;

import dev.threshold.capture.CaptureSink;
import dev.threshold.capture.Captured;
import dev.threshold.importing.ImportService.Upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what a source said, for the tests. */
final class Collected implements CaptureSink {

    record Problem(String file, long line, String message) {}

    final List<Captured> items = new ArrayList<>();
    final List<Problem> errors = new ArrayList<>();
    final List<Problem> skipped = new ArrayList<>();
    final List<String> ignored = new ArrayList<>();
    final List<Problem> warnings = new ArrayList<>();
    long read;

    @Override
    public void read() {
        read++;
    }

    @Override
    public void accept(Captured item) {
        items.add(item);
    }

    @Override
    public void skip(String reason) {
        skipped.add(new Problem(null, 0, reason));
    }

    @Override
    public void skip(String file, long line, String reason) {
        skipped.add(new Problem(file, line, reason));
    }

    @Override
    public void error(long line, String item, String message) {
        errors.add(new Problem(null, line, message));
    }

    @Override
    public void error(String file, long line, String item, String message) {
        errors.add(new Problem(file, line, message));
    }

    @Override
    public void warning(long line, String item, String message) {
        warnings.add(new Problem(null, line, message));
    }

    @Override
    public void ignored(String file) {
        ignored.add(file);
    }

    static Upload resource(String path) {
        return () -> {
            InputStream in = Collected.class.getResourceAsStream("/capture/" + path);
            if (in == null) {
                throw new IOException("no test resource " + path);
            }
            return in;
        };
    }

    static byte[] bytes(String path) {
        try (InputStream in = resource(path).open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Upload text(String s) {
        return () -> new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
