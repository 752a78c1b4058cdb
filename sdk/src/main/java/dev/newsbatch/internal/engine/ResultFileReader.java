package dev.newsbatch.internal.engine;

import dev.newsbatch.internal.ByteLines;
import dev.newsbatch.schema.ClassificationSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a batch results file line by line and turns each line into a {@link ResultLine}: a
 * schema-valid answer, or the reason there is none. One bad line never fails the whole file.
 *
 * <p>Lines are cut from the file's bytes as {@link java.io.BufferedReader#readLine} cuts them, and each is read
 * as UTF-8 with U+FFFD for a bad byte sequence, blank lines skipped. A line of ASCII is parsed from its bytes,
 * any other valid line from its decoded chars, and a line with a bad sequence from its text with U+FFFD in
 * it: the same chars in each case, so the same outcome as {@link #parse(long, String, ClassificationSchema)}
 * gives the line's text.
 *
 * <pre>{@code
 * ResultFileReader.read(Path.of("results.jsonl"), ClassificationSchema.news(), line -> ...);
 * }</pre>
 */
public final class ResultFileReader {
    private ResultFileReader() {}

    /** Parses every line of {@code file}, in order, into {@code sink}. */
    public static void read(Path file, ClassificationSchema<?> schema, Consumer<ResultLine> sink) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(4096);
        ResultLineParser parser = new ResultLineParser(schema);
        try (ByteLines lines = new ByteLines(Files.newInputStream(file), 1 << 16)) {
            long n = 0;
            while (lines.next()) {
                n++;
                byte[] b = lines.buffer();
                int start = lines.start();
                int len = lines.length();
                // A zero byte first would make the parser guess UTF-16 or UTF-32: such a line goes as chars.
                if (lines.ascii() && (len < 1 || b[start] != 0) && (len < 2 || b[start + 1] != 0)) {
                    if (!ByteLines.blank(b, start, len)) {
                        sink.accept(parser.parse(n, b, start, len));
                    }
                    continue;
                }
                if (chars.capacity() < len) {
                    chars = CharBuffer.allocate(Math.max(len, chars.capacity() * 2));
                }
                chars.clear();
                if (!strict.reset().decode(ByteBuffer.wrap(b, start, len), chars, true).isError()) {
                    strict.flush(chars);
                    chars.flip();
                    if (!blank(chars)) {
                        sink.accept(parser.parse(n, chars.array(), 0, chars.limit()));
                    }
                    continue;
                }
                String text = new String(b, start, len, StandardCharsets.UTF_8);
                if (!text.isBlank()) {
                    sink.accept(parse(n, text, parser));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read results file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses one line. */
    public static ResultLine parse(long lineNumber, String text, ClassificationSchema<?> schema) {
        return parse(lineNumber, text, new ResultLineParser(schema));
    }

    private static ResultLine parse(long lineNumber, String text, ResultLineParser parser) {
        char[] chars = text.toCharArray();
        return parser.parse(lineNumber, chars, 0, chars.length);
    }

    private static boolean blank(CharBuffer c) {
        for (int i = c.position(); i < c.limit(); i++) {
            if (!Character.isWhitespace(c.get(i))) {
                return false;
            }
        }
        return true;
    }
}
