package dev.newsbatch.internal.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.schema.ClassificationSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Optional;
import dev.newsbatch.internal.AnswerCheck;
import dev.newsbatch.internal.ByteLines;
import java.util.function.Consumer;

/**
 * Reads a batch results file line by line and turns each line into a {@link ResultLine}: a
 * schema-valid answer, or the reason there is none. One bad line never fails the whole file.
 *
 * <pre>{@code
 * ResultFileReader.read(Path.of("results.jsonl"), ClassificationSchema.news(), line -> ...);
 * }</pre>
 */
public final class ResultFileReader {
    private static final JsonFactory JSON = new JsonFactory();
    /** Lines parsed by one thread at a time. */
    static final int BLOCK = 512;
    /** Files at least this large are parsed on two threads. */
    static final long PARALLEL_BYTES = 1 << 20;

    private ResultFileReader() {}

    /**
     * Parses every line of {@code file}, in order, into {@code sink}. A line of ASCII is parsed from a
     * reused buffer of its characters (no text per line); any other is decoded first, with U+FFFD in place
     * of bytes that are not UTF-8. Lines are
     * taken {@value #BLOCK} at a time; in a file of {@value #PARALLEL_BYTES} bytes or more, every other block
     * is parsed on a second thread while this one parses the next, and {@code sink} is called on this thread,
     * in the file's order.
     */
    public static void read(Path file, ClassificationSchema<?> schema, Consumer<ResultLine> sink) {
        try (ByteLines lines = new ByteLines(Files.newInputStream(file), 1 << 20)) {
            long[] n = {0};
            if (Files.size(file) < PARALLEL_BYTES) {
                LineFields f = new LineFields();
                for (Block b; (b = Block.next(lines, n)) != null; ) {
                    b.parse(schema, f).forEach(sink);
                }
                return;
            }
            ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "newsbatch-results");
                t.setDaemon(true);
                return t;
            });
            try {
                LineFields own = new LineFields();
                for (Block next; (next = Block.next(lines, n)) != null; ) {
                    Block first = next;
                    Future<List<ResultLine>> theirs = helper.submit(() -> first.parse(schema, new LineFields()));
                    Block second = Block.next(lines, n);
                    List<ResultLine> mine = second == null ? List.of() : second.parse(schema, own);
                    join(theirs).forEach(sink);
                    mine.forEach(sink);
                }
            } finally {
                helper.shutdownNow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read results file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<ResultLine> join(Future<List<ResultLine>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a results file", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Lines copied out of the file, with their line numbers, to be parsed by one thread. */
    private record Block(byte[] data, int[] start, int[] length, long[] number, int count) {
        /** The next {@value #BLOCK} lines (fewer at the end), or null after the last. */
        static Block next(ByteLines lines, long[] n) throws IOException {
            byte[] data = new byte[1 << 16];
            int[] start = new int[BLOCK];
            int[] length = new int[BLOCK];
            long[] number = new long[BLOCK];
            int count = 0;
            int used = 0;
            while (count < BLOCK && lines.next()) {
                int len = lines.length();
                if (used + len > data.length) {
                    data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, used + len));
                }
                System.arraycopy(lines.buffer(), lines.start(), data, used, len);
                start[count] = used;
                length[count] = len;
                number[count] = ++n[0];
                used += len;
                count++;
            }
            return count == 0 ? null : new Block(data, start, length, number, count);
        }

        List<ResultLine> parse(ClassificationSchema<?> schema, LineFields f) {
            List<ResultLine> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ResultLine line = line(number[i], data, start[i], length[i], schema, f);
                if (line != null) {
                    out.add(line);
                }
            }
            return out;
        }
    }

    /** One line of a file, or null for a blank one. */
    private static ResultLine line(long n, byte[] b, int start, int len, ClassificationSchema<?> schema,
                                   LineFields f) {
        if (!ByteLines.ascii(b, start, len)) {
            // decoded as text, bad bytes replaced by U+FFFD
            String text = new String(b, start, len, StandardCharsets.UTF_8);
            return text.isBlank() ? null : parse(n, text, schema);
        }
        if (ByteLines.blank(b, start, len)) {
            return null;
        }
        f.clear();
        // ASCII widened into the reader's own chars: parsed by the same char parser as the answer
        char[] c = f.line(len);
        for (int i = 0; i < len; i++) {
            c[i] = (char) b[start + i];
        }
        try (JsonParser p = JSON.createParser(c, 0, len)) {
            f.read(p);
        } catch (IOException e) {
            return notJson(n);
        }
        return outcome(n, f, schema);
    }

    /** Parses one line. */
    public static ResultLine parse(long lineNumber, String text, ClassificationSchema<?> schema) {
        LineFields f = new LineFields();
        try (JsonParser p = JSON.createParser(text)) {
            f.read(p);
        } catch (IOException e) {
            return notJson(lineNumber);
        }
        return outcome(lineNumber, f, schema);
    }

    private static ResultLine notJson(long lineNumber) {
        return new ResultLine(lineNumber, null, null, ErrorKind.MISSING_LINE,
                "line " + lineNumber + " of the results file is not JSON", 0, 0);
    }

    /** The outcome of a line whose fields are read. */
    private static ResultLine outcome(long lineNumber, LineFields f, ClassificationSchema<?> schema) {
        String key = f.key != null ? f.key : f.metadataKey;
        if (key == null) {
            return new ResultLine(lineNumber, null, null, ErrorKind.MISSING_LINE,
                    "line " + lineNumber + " of the results file has no key", 0, 0);
        }
        if (f.error) {
            return new ResultLine(lineNumber, key, null, ErrorKind.API_ERROR,
                    f.errorCode + " " + f.errorStatus + " " + f.errorMessage, 0, 0);
        }
        long in = f.promptTokens;
        long thinking = f.thoughtsTokens;
        long out = f.candidatesTokens + thinking;
        Optional<AnswerCheck.Problem> problem = AnswerCheck.problem(f.candidate ? f.finishReason : null,
                f.blockReason, f.answerBlank());
        if (problem.isPresent()) {
            return new ResultLine(lineNumber, key, null, problem.get().kind(), problem.get().message(), in, out,
                    thinking);
        }
        List<String> problems;
        StringWriter compact = new StringWriter(f.answerLength);
        try (JsonParser p = JSON.createParser(f.answer, 0, f.answerLength);
             JsonGenerator g = JSON.createGenerator(compact)) {
            problems = schema == null ? List.of() : schema.validate(p, g);
            if (schema == null) {
                p.nextToken();
                g.copyCurrentStructure(p);
            }
        } catch (IOException e) {
            return new ResultLine(lineNumber, key, null, ErrorKind.UNPARSABLE_JSON,
                    "answer is not JSON: " + abbreviate(new String(f.answer, 0, f.answerLength)), in, out, thinking);
        }
        if (!problems.isEmpty()) {
            return new ResultLine(lineNumber, key, null, ErrorKind.SCHEMA_VIOLATION,
                    String.join("; ", problems.subList(0, Math.min(5, problems.size()))), in, out, thinking);
        }
        return new ResultLine(lineNumber, key, compact.toString(), null, null, in, out, thinking);
    }

    /**
     * The fields of a result line that the outcome needs, read in one streaming pass; everything else is
     * skipped unread. Absent fields keep the defaults a missing field means.
     */
    private static final class LineFields {
        String key;
        String metadataKey;
        boolean error;
        String errorCode = "?";
        String errorStatus = "";
        String errorMessage = "";
        long promptTokens;
        long thoughtsTokens;
        long candidatesTokens;
        boolean candidate;
        String finishReason = "";
        String blockReason;
        /** The visible answer text: every part that is not a thought, in order. */
        char[] answer = new char[1024];
        int answerLength;

        /** The line being read, as characters. */
        private char[] line = new char[1024];

        /** The line buffer, with room for {@code len} characters. */
        char[] line(int len) {
            if (line.length < len) {
                line = new char[Math.max(len, line.length * 2)];
            }
            return line;
        }

        /** Forgets the last line's fields (the answer's buffer is kept). */
        void clear() {
            key = null;
            metadataKey = null;
            error = false;
            errorCode = "?";
            errorStatus = "";
            errorMessage = "";
            promptTokens = 0;
            thoughtsTokens = 0;
            candidatesTokens = 0;
            candidate = false;
            finishReason = "";
            blockReason = null;
            answerLength = 0;
        }

        boolean answerBlank() {
            for (int i = 0; i < answerLength; i++) {
                if (!Character.isWhitespace(answer[i])) {
                    return false;
                }
            }
            return true;
        }

        /** Appends the string value the parser is on to the answer, from the parser's own buffer. */
        void appendText(JsonParser p) throws IOException {
            int len = p.getTextLength();
            if (answerLength + len > answer.length) {
                answer = java.util.Arrays.copyOf(answer, Math.max(answer.length * 2, answerLength + len));
            }
            System.arraycopy(p.getTextCharacters(), p.getTextOffset(), answer, answerLength, len);
            answerLength += len;
        }

        void read(JsonParser p) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "key" -> key = text(p, null);
                    case "metadata" -> forEachField(p, (n, q) -> {
                        if (n.equals("key")) {
                            metadataKey = text(q, null);
                        } else {
                            q.skipChildren();
                        }
                    });
                    case "error" -> {
                        error = t != JsonToken.VALUE_NULL;
                        forEachField(p, (n, q) -> {
                            switch (n) {
                                case "code" -> errorCode = text(q, "?");
                                case "status" -> errorStatus = text(q, "");
                                case "message" -> errorMessage = text(q, "");
                                default -> q.skipChildren();
                            }
                        });
                    }
                    case "response" -> forEachField(p, this::response);
                    default -> p.skipChildren();
                }
            }
        }

        private void response(String name, JsonParser p) throws IOException {
            switch (name) {
                case "usageMetadata" -> forEachField(p, (n, q) -> {
                    switch (n) {
                        case "promptTokenCount" -> promptTokens = number(q);
                        case "thoughtsTokenCount" -> thoughtsTokens = number(q);
                        case "candidatesTokenCount" -> candidatesTokens = number(q);
                        default -> q.skipChildren();
                    }
                });
                case "candidates" -> {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        return;
                    }
                    if (p.nextToken() != JsonToken.END_ARRAY) {
                        candidate = true;
                        forEachField(p, this::candidate);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            p.skipChildren();
                        }
                    }
                }
                case "promptFeedback" -> forEachField(p, (n, q) -> {
                    if (n.equals("blockReason")) {
                        blockReason = text(q, null);
                    } else {
                        q.skipChildren();
                    }
                });
                default -> p.skipChildren();
            }
        }

        private void candidate(String name, JsonParser p) throws IOException {
            switch (name) {
                case "finishReason" -> finishReason = text(p, "");
                case "content" -> forEachField(p, (n, q) -> {
                    if (!n.equals("parts") || q.currentToken() != JsonToken.START_ARRAY) {
                        q.skipChildren();
                        return;
                    }
                    while (q.nextToken() != JsonToken.END_ARRAY) {
                        part(q);
                    }
                });
                default -> p.skipChildren();
            }
        }

        /** One part: its text counts unless it is a thought. */
        private void part(JsonParser p) throws IOException {
            int before = answerLength;
            boolean[] thought = {false};
            forEachField(p, (n, q) -> {
                switch (n) {
                    case "text" -> {
                        answerLength = before;   // a later "text" of the part replaces an earlier one
                        JsonToken t = q.currentToken();
                        if (t == JsonToken.VALUE_STRING) {
                            appendText(q);
                        } else if (t != JsonToken.VALUE_NULL) {
                            String text = text(q, "");
                            for (int i = 0; i < text.length(); i++) {
                                appendChar(text.charAt(i));
                            }
                        }
                    }
                    case "thought" -> thought[0] = switch (q.currentToken()) {
                        case VALUE_TRUE -> true;
                        case VALUE_STRING -> "true".equals(q.getText().trim());
                        case VALUE_NUMBER_INT -> q.getLongValue() != 0;
                        default -> {
                            q.skipChildren();
                            yield false;
                        }
                    };
                    default -> q.skipChildren();
                }
            });
            if (thought[0]) {
                answerLength = before;
            }
        }

        private void appendChar(char c) {
            if (answerLength == answer.length) {
                answer = java.util.Arrays.copyOf(answer, answer.length * 2);
            }
            answer[answerLength++] = c;
        }
    }

    private interface FieldReader {
        void read(String name, JsonParser p) throws IOException;
    }

    /** Calls {@code reader} on each field of the object the parser is on (on its value); skips a non-object. */
    private static void forEachField(JsonParser p, FieldReader reader) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            reader.read(name, p);
        }
    }

    /** A scalar's text (as a tree's {@code asText} gives it); {@code absent} for null; "" for a container. */
    private static String text(JsonParser p, String absent) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return absent;
        }
        if (t.isStructStart()) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }

    /** A count: a number, or a string holding one; 0 otherwise. */
    private static long number(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t.isNumeric()) {
            return p.getValueAsLong(0);
        }
        if (t == JsonToken.VALUE_STRING) {
            return p.getValueAsLong(0);
        }
        p.skipChildren();
        return 0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 79) + "…";
    }
}
