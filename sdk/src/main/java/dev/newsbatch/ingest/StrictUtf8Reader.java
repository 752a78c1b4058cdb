package dev.newsbatch.ingest;

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
 * Decodes UTF-8 with {@link CodingErrorAction#REPORT}; each invalid byte sequence is logged as a problem
 * on its line and replaced by U+FFFD so that reading goes on and later problems are found too.
 * A leading byte order mark is dropped.
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final ProblemLog log;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private boolean eof;
    private boolean flushed;
    private boolean first = true;
    private long line = 1;
    private int badOnLine;

    StrictUtf8Reader(InputStream in, ProblemLog log) {
        this.in = in;
        this.log = log;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    private void fill() throws IOException {
        chars.clear();
        counted = 0;
        if (!eof && bytes.remaining() < 8) {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        while (chars.hasRemaining()) {
            CoderResult r = decoder.decode(bytes, chars, eof);
            if (r.isError()) {
                int bad = bytes.get(bytes.position()) & 0xFF;
                countLines(chars);
                if (badOnLine++ == 0) {
                    log.add(line, -1, null, String.format("is not valid UTF-8: byte 0x%02X", bad));
                }
                bytes.position(bytes.position() + r.length());
                chars.put('\uFFFD');
                continue;
            }
            if (r.isUnderflow() && eof) {
                CoderResult f = decoder.flush(chars);
                if (f.isUnderflow()) {
                    flushed = true;
                }
            }
            break;
        }
        countLines(chars);
        chars.flip();
        if (first && chars.hasRemaining() && chars.get(chars.position()) == '\uFEFF') {
            chars.get();
        }
        if (chars.hasRemaining()) {
            first = false;
        }
    }

    private int counted;

    /** Advances {@link #line} over the characters decoded since the last call (chars is in write mode). */
    private void countLines(CharBuffer c) {
        int end = c.position();
        char[] a = c.array();
        for (int i = counted; i < end; i++) {
            if (a[i] == '\n') {
                line++;
                badOnLine = 0;
            }
        }
        counted = end;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
