package dev.newsbatch.internal.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of request lines on their way to a file: copied bytes and JSON string contents escaped straight
 * into one buffer (UTF-8, escaped exactly as Jackson's {@code UTF8JsonGenerator} escapes with its defaults:
 * {@code \"}, {@code \\}, {@code \b \t \n \f \r}, other control characters and every surrogate as
 * {@code \}{@code uXXXX}), handed to the output when full. Without an output the buffer grows, to measure or
 * collect a line. Not thread-safe.
 *
 * <pre>{@code
 * LineBuffer b = new LineBuffer(out, 1 << 18);
 * b.write(prefix); b.escaped("a \"quoted\" title"); b.write(suffix);
 * b.flush();
 * }</pre>
 */
public final class LineBuffer {
    /** Per ASCII character: 0 to copy it, the letter after the backslash, or -1 for a {@code \}{@code u00XX} escape. */
    private static final int[] ESCAPES = new int[128];
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Characters escaped per round: each takes at most 6 bytes. */
    private static final int ROUND = 4096;

    static {
        for (int c = 0; c < 32; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private final OutputStream out;
    private byte[] buf;
    private int pos;
    private long handedOn;
    private char[] chars;

    /** A buffer of {@code size} bytes that hands full loads to {@code out}; with a null {@code out} it grows. */
    public LineBuffer(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[Math.max(size, 6 * ROUND + 64)];
    }

    /** Bytes written so far, those still in the buffer included. */
    public long bytes() {
        return handedOn + pos;
    }

    /** Appends bytes as they are. */
    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    /** Appends {@code len} bytes of {@code b} from {@code off} as they are. */
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            room(len);
            if (len > buf.length - pos) {
                out.write(b, off, len);   // larger than the whole buffer: past it
                handedOn += len;
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** Appends one byte. */
    public void write(int b) throws IOException {
        if (pos == buf.length) {
            room(1);
        }
        buf[pos++] = (byte) b;
    }

    /** Appends {@code text} as the contents of a JSON string (without quotes), escaped and in UTF-8. */
    public void escaped(String text) throws IOException {
        int n = text.length();
        if (chars == null) {
            chars = new char[ROUND];
        }
        char[] c = chars;
        for (int start = 0; start < n; start += ROUND) {
            int len = Math.min(ROUND, n - start);
            text.getChars(start, start + len, c, 0);
            if (buf.length - pos < 6 * len) {
                room(6 * len);
            }
            byte[] b = buf;
            int p = pos;
            for (int i = 0; i < len; i++) {
                char ch = c[i];
                if (ch < 128) {
                    int e = ESCAPES[ch];
                    if (e == 0) {
                        b[p++] = (byte) ch;
                    } else if (e > 0) {
                        b[p++] = '\\';
                        b[p++] = (byte) e;
                    } else {
                        p = unicodeEscape(b, p, ch);
                    }
                } else if (ch < 0x800) {
                    b[p++] = (byte) (0xC0 | (ch >> 6));
                    b[p++] = (byte) (0x80 | (ch & 0x3F));
                } else if (ch >= Character.MIN_SURROGATE && ch <= Character.MAX_SURROGATE) {
                    p = unicodeEscape(b, p, ch);
                } else {
                    b[p++] = (byte) (0xE0 | (ch >> 12));
                    b[p++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (ch & 0x3F));
                }
            }
            pos = p;
        }
    }

    /** The bytes {@link #escaped} appends for {@code text}. */
    public static long escapedLength(String text) {
        long bytes = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            if (ch < 128) {
                int e = ESCAPES[ch];
                bytes += e == 0 ? 1 : e > 0 ? 2 : 6;
            } else if (ch < 0x800) {
                bytes += 2;
            } else {
                bytes += ch >= Character.MIN_SURROGATE && ch <= Character.MAX_SURROGATE ? 6 : 3;
            }
        }
        return bytes;
    }

    private static int unicodeEscape(byte[] b, int p, char ch) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[(ch >> 12) & 0xF];
        b[p++] = HEX[(ch >> 8) & 0xF];
        b[p++] = HEX[(ch >> 4) & 0xF];
        b[p++] = HEX[ch & 0xF];
        return p;
    }

    /** Hands everything buffered to the output (a buffer without output keeps it). */
    public void flush() throws IOException {
        if (out != null && pos > 0) {
            out.write(buf, 0, pos);
            handedOn += pos;
            pos = 0;
        }
    }

    /** The bytes held (for a buffer without output: all of them). */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /** Makes room for {@code len} more bytes: hands the buffer on, or grows it without an output. */
    private void room(int len) throws IOException {
        if (out != null) {
            flush();
        } else {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + len));
        }
    }

    @Override
    public String toString() {
        return "LineBuffer[bytes=" + bytes() + "]";
    }
}
