package dev.newsbatch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.newsbatch.internal.ByteLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads one JSON object per line; blank lines are skipped and a malformed line does not stop the rest.
 * Lines are cut from the file's bytes and parsed from them (no text per line): a line of ASCII only is
 * valid UTF-8 as it is; any other line is checked first, and a line with an invalid byte sequence gets one
 * problem ({@code is not valid UTF-8: byte 0xC3}) and is read with U+FFFD in its place, as
 * {@link StrictUtf8Reader} reads the other formats. Lines end as {@link ByteLines} cuts them; a byte order
 * mark before the first line is dropped.
 */
final class JsonLinesSource implements RecordSource {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int BUFFER = 1 << 20;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ByteLines lines;
    private final ProblemLog log;
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    /** The current line's bytes. */
    private byte[] buf;
    /** A line that is not ASCII, decoded to check it. */
    private CharBuffer chars;
    private boolean first = true;
    private long line;
    private long index = -1;

    JsonLinesSource(InputStream in, ProblemLog log) {
        this.lines = new ByteLines(in, BUFFER);
        this.log = log;
    }

    @Override
    public RawRecord next() throws IOException {
        while (lines.next()) {
            buf = lines.buffer();
            int start = lines.start();
            int len = lines.length();
            line++;
            if (first) {
                first = false;
                if (len >= 3 && buf[start] == BOM[0] && buf[start + 1] == BOM[1] && buf[start + 2] == BOM[2]) {
                    start += 3;
                    len -= 3;
                }
            }
            // text stays null for a valid line, parsed from its bytes; an invalid one is parsed as decoded
            String text = null;
            boolean blank;
            // (a byte order mark is not ASCII: a first line with one is checked as any other line)
            if (lines.ascii()) {
                blank = ByteLines.blank(buf, start, len);
            } else if (valid(start, len)) {
                blank = blank(chars);
            } else {
                text = new String(buf, start, len, StandardCharsets.UTF_8);
                blank = text.isBlank();
            }
            if (blank) {
                continue;
            }
            index++;
            try (JsonParser p = text != null ? JSON.createParser(text) : JSON.createParser(buf, start, len)) {
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    log.add(line, -1, null, "must be a JSON object, was " + JsonObjects.describe(p, t));
                    continue;
                }
                RawRecord r = new RawRecord(line, index, JsonObjects.read(p, log, line, -1));
                if (p.nextToken() != null) {
                    log.add(line, -1, null, "has content after the JSON object");
                    continue;
                }
                return r;
            } catch (JsonProcessingException e) {
                log.add(line, -1, null, JsonObjects.message(e));
            }
        }
        return null;
    }

    private static boolean blank(CharBuffer c) {
        for (int i = c.position(); i < c.limit(); i++) {
            if (!Character.isWhitespace(c.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes the line into {@link #chars}; false, with the line's one problem logged, when it is not valid
     * UTF-8.
     */
    private boolean valid(int start, int len) {
        if (chars == null || chars.capacity() < len) {
            chars = CharBuffer.allocate(Math.max(len, 4096));
        }
        chars.clear();
        ByteBuffer bytes = ByteBuffer.wrap(buf, start, len);
        CoderResult r = strict.reset().decode(bytes, chars, true);
        if (r.isError()) {
            log.add(line, -1, null, String.format("is not valid UTF-8: byte 0x%02X", bytes.get(bytes.position()) & 0xFF));
            return false;
        }
        strict.flush(chars);
        chars.flip();
        return true;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
