package dev.threshold.importing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextInputTest {

    private static String read(byte[] bytes, long maxRecordChars) throws IOException {
        try (TextInput in = new TextInput(new ByteArrayInputStream(bytes), maxRecordChars)) {
            StringWriter out = new StringWriter();
            in.transferTo(out);
            return out.toString();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void utf8IsReadAsItIs() throws IOException {
        assertEquals("Zoë,Müller\nJürgen,Straße\n", read(utf8("Zoë,Müller\nJürgen,Straße\n"), 1024));
        assertEquals("", read(new byte[0], 1024));
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() throws IOException {
        assertEquals("a,b", read(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("a,b")), 1024));
    }

    @Test
    void utf16IsRefused() {
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a,b".getBytes(StandardCharsets.UTF_16LE));
        TextInput.UnreadableFile e = assertThrows(TextInput.UnreadableFile.class, () -> read(utf16, 1024));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
        assertThrows(
                TextInput.UnreadableFile.class,
                () -> read(
                        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "a".getBytes(StandardCharsets.UTF_16BE)), 1024));
    }

    @Test
    void nulCharactersAreRefusedWithTheirLine() {
        TextInput.UnreadableFile e =
                assertThrows(TextInput.UnreadableFile.class, () -> read(utf8("a\nb\nc\u0000d"), 1024));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() {
        byte[] latin1 = "ok\nstill ok\nMüller\n".getBytes(StandardCharsets.ISO_8859_1);
        TextInput.UnreadableFile e = assertThrows(TextInput.UnreadableFile.class, () -> read(latin1, 1024));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void aRecordLongerThanTheLimitIsRefusedUnlessItsBoundaryMoves() throws IOException {
        String text = "x".repeat(3000);
        assertThrows(TextInput.UnreadableFile.class, () -> read(utf8(text), 1000));
        try (TextInput in = new TextInput(new ByteArrayInputStream(utf8(text)), 1000)) {
            char[] buf = new char[500];
            int total = 0;
            for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) {
                total += n;
                in.recordBoundary(1);
            }
            assertEquals(3000, total);
        }
    }
}
