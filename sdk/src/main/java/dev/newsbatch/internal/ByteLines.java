package dev.newsbatch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as ranges of one byte buffer, without text per line: a line ends at {@code \n},
 * {@code \r} or {@code \r\n} (as {@link java.io.BufferedReader#readLine} sees it), and a last line without
 * an end counts. A line longer than the buffer grows it. The range is valid until the next {@link #next()}.
 * Not thread-safe.
 *
 * <pre>{@code
 * try (ByteLines lines = new ByteLines(Files.newInputStream(file), 1 << 20)) {
 *     while (lines.next()) {
 *         parse(lines.buffer(), lines.start(), lines.length());
 *     }
 * }
 * }</pre>
 */
public final class ByteLines implements AutoCloseable {
    private final InputStream in;
    private byte[] buf;
    /** The next unread byte and the end of the bytes read into {@link #buf}. */
    private int pos;
    private int end;
    private boolean eof;
    /** A {@code \r} ended the last line: a {@code \n} right after it belongs to it. */
    private boolean afterCr;
    private int lineStart;
    private int lineEnd;
    private boolean ascii;

    /** Lines of {@code in}, read {@code size} bytes at a time. */
    public ByteLines(InputStream in, int size) {
        this.in = Checks.notNull(in, "in");
        this.buf = new byte[Math.max(size, 16)];
    }

    /** Moves to the next line; false at the end of the stream. */
    public boolean next() throws IOException {
        int i = pos;
        int bits = 0;   // the line's bytes or-ed together: negative when one is not ASCII
        while (true) {
            if (afterCr) {
                if (i >= end && !eof) {
                    i = more(i);
                    continue;
                }
                afterCr = false;
                if (i < end && buf[i] == '\n') {
                    pos = ++i;
                }
            }
            byte[] b = buf;
            int e = end;
            byte c;
            while (i < e && (c = b[i]) != '\n' && c != '\r') {
                bits |= c;
                i++;
            }
            if (i < e) {
                lineStart = pos;
                lineEnd = i;
                ascii = bits >= 0;
                afterCr = b[i] == '\r';
                pos = i + 1;
                return true;
            }
            if (eof) {
                if (pos < end) {
                    lineStart = pos;
                    lineEnd = end;
                    ascii = bits >= 0;
                    pos = end;
                    return true;
                }
                return false;
            }
            i = more(i);
        }
    }

    /** The buffer holding the current line. */
    public byte[] buffer() {
        return buf;
    }

    /** Where the current line starts in {@link #buffer()}. */
    public int start() {
        return lineStart;
    }

    /** The current line's length in bytes, its end not included. */
    public int length() {
        return lineEnd - lineStart;
    }

    /** True when the current line is all ASCII (so valid UTF-8 as it is); found while cutting it. */
    public boolean ascii() {
        return ascii;
    }

    /** True when the ASCII bytes from {@code off} are all whitespace, as {@link String#isBlank} sees it. */
    public static boolean blank(byte[] b, int off, int len) {
        for (int i = off, e = off + len; i < e; i++) {
            if (!Character.isWhitespace(b[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves the unread bytes to the front (growing the buffer for a long line) and reads more; returns where
     * the scan position {@code i} is now.
     */
    private int more(int i) throws IOException {
        int scanned = i - pos;
        int kept = end - pos;
        if (kept == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        } else if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, kept);
        }
        pos = 0;
        end = kept;
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
        return scanned;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public String toString() {
        return "ByteLines[buffer=" + buf.length + "]";
    }
}
