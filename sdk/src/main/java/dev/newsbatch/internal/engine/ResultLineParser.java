package dev.newsbatch.internal.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.internal.AnswerCheck;
import dev.newsbatch.schema.ClassificationSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns result lines, one after another, into {@link ResultLine}s. A line is read in one streaming pass,
 * from its bytes or its chars; only the fields the outcome needs are read, the rest is skipped. The answer
 * text stays in a char buffer kept from line to line (no string for it), and is then checked against the
 * schema and re-written compact in one more pass, by one generator kept for all lines. Not thread-safe.
 */
final class ResultLineParser {
    /** No source kept for error locations: a bad line gets this reader's own message, never the parser's. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private final ClassificationSchema<?> schema;
    private final CompactText compact = new CompactText();
    /** Writes an answer's compact text into {@link #compact}; null until needed, or after a failed line. */
    private JsonGenerator copy;

    // The fields of the current line; absent fields keep the defaults a missing field means.
    private String key;
    private String metadataKey;
    private boolean error;
    private String errorCode;
    private String errorStatus;
    private String errorMessage;
    private long promptTokens;
    private long thoughtsTokens;
    private long candidatesTokens;
    private boolean candidate;
    private String finishReason;
    private String blockReason;
    /** The visible answer text (every part that is not a thought, in order): {@code answerLength} chars. */
    private char[] answer = new char[1024];
    private int answerLength;

    /** Lines checked against {@code schema}; with null, any JSON answer is valid. */
    ResultLineParser(ClassificationSchema<?> schema) {
        this.schema = schema;
    }

    /** Parses the line in {@code len} bytes of UTF-8 from {@code off}. */
    ResultLine parse(long lineNumber, byte[] bytes, int off, int len) {
        clear();
        try (JsonParser p = JSON.createParser(bytes, off, len)) {
            read(p);
        } catch (IOException e) {
            return notJson(lineNumber);
        }
        return outcome(lineNumber);
    }

    /** Parses the line in {@code len} chars from {@code off}. */
    ResultLine parse(long lineNumber, char[] chars, int off, int len) {
        clear();
        try (JsonParser p = JSON.createParser(chars, off, len)) {
            read(p);
        } catch (IOException e) {
            return notJson(lineNumber);
        }
        return outcome(lineNumber);
    }

    private static ResultLine notJson(long lineNumber) {
        return new ResultLine(lineNumber, null, null, ErrorKind.MISSING_LINE,
                "line " + lineNumber + " of the results file is not JSON", 0, 0);
    }

    private void clear() {
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

    private ResultLine outcome(long lineNumber) {
        String k = key != null ? key : metadataKey;
        if (k == null) {
            return new ResultLine(lineNumber, null, null, ErrorKind.MISSING_LINE,
                    "line " + lineNumber + " of the results file has no key", 0, 0);
        }
        if (error) {
            return new ResultLine(lineNumber, k, null, ErrorKind.API_ERROR,
                    errorCode + " " + errorStatus + " " + errorMessage, 0, 0);
        }
        long in = promptTokens;
        long thinking = thoughtsTokens;
        long out = candidatesTokens + thinking;
        Optional<AnswerCheck.Problem> problem = AnswerCheck.problem(candidate ? finishReason : null, blockReason,
                CharBuffer.wrap(answer, 0, answerLength));
        if (problem.isPresent()) {
            return new ResultLine(lineNumber, k, null, problem.get().kind(), problem.get().message(), in, out,
                    thinking);
        }
        // An answer already in compact form is its own compact text: checked without a copy.
        boolean compactAlready = CompactJson.is(answer, 0, answerLength);
        JsonGenerator g = compactAlready ? null : generator();
        List<String> problems;
        try (JsonParser p = JSON.createParser(answer, 0, answerLength)) {
            problems = schema == null ? List.of() : schema.validate(p, g);
            if (schema == null) {
                p.nextToken();
                if (g != null) {
                    g.copyCurrentStructure(p);
                } else {
                    p.skipChildren();
                }
            }
            if (g != null) {
                g.flush();
            }
        } catch (IOException e) {
            copy = null;   // it may be left inside the bad value: the next line gets a fresh one
            return new ResultLine(lineNumber, k, null, ErrorKind.UNPARSABLE_JSON,
                    "answer is not JSON: " + abbreviate(new String(answer, 0, answerLength)), in, out, thinking);
        }
        if (!problems.isEmpty()) {
            return new ResultLine(lineNumber, k, null, ErrorKind.SCHEMA_VIOLATION,
                    String.join("; ", problems.subList(0, Math.min(5, problems.size()))), in, out, thinking);
        }
        String text = compactAlready ? new String(answer, 0, answerLength) : compact.toString();
        return new ResultLine(lineNumber, k, text, null, null, in, out, thinking);
    }

    /** The generator of compact text, empty; a new one after a line that failed inside a value. */
    private JsonGenerator generator() {
        compact.clear();
        if (copy == null || !copy.getOutputContext().inRoot()) {
            try {
                copy = JSON.createGenerator(compact);
            } catch (IOException e) {
                throw new IllegalStateException("a generator over a string buffer always opens", e);
            }
            copy.setRootValueSeparator(null);
        }
        return copy;
    }

    private void read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "key" -> key = text(p, null);
                case "metadata" -> metadata(p);
                case "error" -> {
                    error = t != JsonToken.VALUE_NULL;
                    error(p);
                }
                case "response" -> response(p);
                default -> p.skipChildren();
            }
        }
    }

    private void metadata(JsonParser p) throws IOException {
        if (!object(p)) {
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            if (name.equals("key")) {
                metadataKey = text(p, null);
            } else {
                p.skipChildren();
            }
        }
    }

    private void error(JsonParser p) throws IOException {
        if (!object(p)) {
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            switch (name) {
                case "code" -> errorCode = text(p, "?");
                case "status" -> errorStatus = text(p, "");
                case "message" -> errorMessage = text(p, "");
                default -> p.skipChildren();
            }
        }
    }

    private void response(JsonParser p) throws IOException {
        if (!object(p)) {
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            switch (name) {
                case "usageMetadata" -> usage(p);
                case "candidates" -> candidates(p);
                case "promptFeedback" -> promptFeedback(p);
                default -> p.skipChildren();
            }
        }
    }

    private void usage(JsonParser p) throws IOException {
        if (!object(p)) {
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            switch (name) {
                case "promptTokenCount" -> promptTokens = number(p);
                case "thoughtsTokenCount" -> thoughtsTokens = number(p);
                case "candidatesTokenCount" -> candidatesTokens = number(p);
                default -> p.skipChildren();
            }
        }
    }

    private void promptFeedback(JsonParser p) throws IOException {
        if (!object(p)) {
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            if (name.equals("blockReason")) {
                blockReason = text(p, null);
            } else {
                p.skipChildren();
            }
        }
    }

    /** Only the first candidate counts. */
    private void candidates(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            candidate = true;
            candidate(p);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
        }
    }

    private void candidate(JsonParser p) throws IOException {
        if (!object(p)) {
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            switch (name) {
                case "finishReason" -> finishReason = text(p, "");
                case "content" -> content(p);
                default -> p.skipChildren();
            }
        }
    }

    private void content(JsonParser p) throws IOException {
        if (!object(p)) {
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (p.nextToken() != JsonToken.START_ARRAY || !name.equals("parts")) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                part(p);
            }
        }
    }

    /** One part: its text counts unless it is a thought; a later field of the same name wins. */
    private void part(JsonParser p) throws IOException {
        int start = answerLength;
        if (!object(p)) {
            return;
        }
        boolean thought = false;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "text" -> {
                    answerLength = start;
                    appendText(p, t);
                }
                case "thought" -> thought = switch (t) {
                    case VALUE_TRUE -> true;
                    case VALUE_STRING -> "true".equals(p.getText().trim());
                    case VALUE_NUMBER_INT -> p.getLongValue() != 0;
                    default -> {
                        p.skipChildren();
                        yield false;
                    }
                };
                default -> p.skipChildren();
            }
        }
        if (thought) {
            answerLength = start;
        }
    }

    /** Appends a part's text as {@link #text} reads it, with "" for null: a string's chars, without a string. */
    private void appendText(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } else {
            String s = text(p, "");
            append(s.toCharArray(), 0, s.length());
        }
    }

    private void append(char[] chars, int off, int len) {
        if (answerLength + len > answer.length) {
            answer = Arrays.copyOf(answer, Math.max(answer.length * 2, answerLength + len));
        }
        System.arraycopy(chars, off, answer, answerLength, len);
        answerLength += len;
    }

    /** True when the parser is on an object's start; else skips the value. */
    private static boolean object(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return false;
        }
        return true;
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
        if (t.isNumeric() || t == JsonToken.VALUE_STRING) {
            return p.getValueAsLong(0);
        }
        p.skipChildren();
        return 0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 79) + "…";
    }

    /** The generator's output: a string buffer without the locking of {@link java.io.StringWriter}. */
    private static final class CompactText extends Writer {
        private final StringBuilder text = new StringBuilder(1024);

        void clear() {
            text.setLength(0);
        }

        @Override
        public void write(char[] chars, int off, int len) {
            text.append(chars, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            text.append(s, off, off + len);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
