package dev.newsbatch.internal.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.schema.ClassificationSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import dev.newsbatch.internal.AnswerCheck;
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
    /** No source kept for error locations: a bad line gets this reader's own message, never the parser's. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private ResultFileReader() {}

    /** Parses every line of {@code file}, in order, into {@code sink}. */
    public static void read(Path file, ClassificationSchema<?> schema, Consumer<ResultLine> sink) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder),
                1 << 16)) {
            String text;
            long n = 0;
            while ((text = in.readLine()) != null) {
                n++;
                if (!text.isBlank()) {
                    sink.accept(parse(n, text, schema));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read results file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses one line. */
    public static ResultLine parse(long lineNumber, String text, ClassificationSchema<?> schema) {
        LineFields f = new LineFields();
        try (JsonParser p = JSON.createParser(text)) {
            f.read(p);
        } catch (IOException e) {
            return new ResultLine(lineNumber, null, null, ErrorKind.MISSING_LINE,
                    "line " + lineNumber + " of the results file is not JSON", 0, 0);
        }
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
        String answer = f.answer.toString();
        Optional<AnswerCheck.Problem> problem = AnswerCheck.problem(f.candidate ? f.finishReason : null,
                f.blockReason, answer);
        if (problem.isPresent()) {
            return new ResultLine(lineNumber, key, null, problem.get().kind(), problem.get().message(), in, out,
                    thinking);
        }
        List<String> problems;
        StringWriter compact = new StringWriter(answer.length());
        try (JsonParser p = JSON.createParser(answer); JsonGenerator g = JSON.createGenerator(compact)) {
            problems = schema == null ? List.of() : schema.validate(p, g);
            if (schema == null) {
                p.nextToken();
                g.copyCurrentStructure(p);
            }
        } catch (IOException e) {
            return new ResultLine(lineNumber, key, null, ErrorKind.UNPARSABLE_JSON,
                    "answer is not JSON: " + abbreviate(answer), in, out, thinking);
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
        final StringBuilder answer = new StringBuilder();

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
            String[] text = {""};
            boolean[] thought = {false};
            forEachField(p, (n, q) -> {
                switch (n) {
                    case "text" -> text[0] = text(q, "");
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
            if (!thought[0]) {
                answer.append(text[0]);
            }
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
