package dev.threshold.capture.source;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinesTest {

    static List<String> lines(String text, int max) throws IOException {
        Lines l = new Lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
        List<String> out = new ArrayList<>();
        String s;
        while ((s = l.next()) != null) {
            out.add(s + (l.truncated() ? "…" : ""));
        }
        return out;
    }

    @Test
    void everyLineEndAByteOrderMarkAndNoFinalNewline() throws IOException {
        assertEquals(List.of("a", "b", "", "c", "d"), lines("\uFEFFa\r\nb\n\rc\rd", 100));
        assertEquals(List.of("a", ""), lines("a\n\n", 100));
        assertEquals(List.of(), lines("", 100));
    }

    @Test
    void longLinesAreCutAndLinesAcrossTheBufferAreWhole() throws IOException {
        String big = "x".repeat(200_000);
        assertEquals(List.of("x".repeat(10) + "…", "y"), lines(big + "\ny", 10));
        String across = "z".repeat(64 * 1024 - 1);
        assertEquals(List.of(across, "next"), lines(across + "\r\nnext\n", 1 << 20));
        assertEquals(List.of(big), lines(big, 1 << 20));
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters() throws IOException {
        Lines l = new Lines(new ByteArrayInputStream(new byte[] {'a', (byte) 0xE9, 'b'}), 100);
        assertEquals("a\uFFFDb", l.next());
        assertEquals(1, l.number());
    }
}
