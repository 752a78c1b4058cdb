package dev.newsbatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lines cut from bytes are the lines BufferedReader.readLine gives, whatever the buffer size and line ends, and
 * each knows whether it is ASCII.
 */
class ByteLinesTest {
    static List<String> cut(String text, int size) throws IOException {
        List<String> out = new ArrayList<>();
        // a stream that hands out at most 3 bytes a read, so lines and \r\n pairs straddle reads
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        try (ByteLines lines = new ByteLines(in, size)) {
            while (lines.next()) {
                // whether the line is ASCII is found while cutting it, across reads
                assertEquals(ascii(lines.buffer(), lines.start(), lines.length()), lines.ascii());
                out.add(new String(lines.buffer(), lines.start(), lines.length(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static List<String> readLines(String text) throws IOException {
        List<String> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new StringReader(text));
        for (String l; (l = r.readLine()) != null; ) {
            out.add(l);
        }
        return out;
    }

    @Test
    void endsAtNewlineReturnOrBothAndKeepsALastLineWithoutEnd() throws IOException {
        String text = "a\nbb\r\nccc\rdddd\n\n\r\r\n\u00e9\u4e2d" + "x".repeat(100) + "\r";
        assertEquals(readLines(text), cut(text, 16));
        assertEquals(readLines("last"), cut("last", 16));
        assertEquals(List.of(), cut("", 16));
    }

    @Test
    void randomTextsMatchReadLine() throws IOException {
        Random r = new Random(3);
        String alphabet = "ab\n\r\r\n \u00e9";
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(200);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            assertEquals(readLines(b.toString()), cut(b.toString(), 16 + r.nextInt(8)), b.toString());
        }
    }

    @Test
    void blankLooksAtBytes() {
        byte[] b = " \t{\u00e9".getBytes(StandardCharsets.UTF_8);
        assertTrue(ByteLines.blank(b, 0, 2));
        assertFalse(ByteLines.blank(b, 0, 3));
    }

    /** The reference for {@link ByteLines#ascii()}: every byte below 0x80. */
    private static boolean ascii(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
