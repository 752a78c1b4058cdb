package dev.newsbatch.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.schema.ClassificationSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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
        JsonNode line;
        try {
            line = JSON.readTree(text);
        } catch (IOException e) {
            return new ResultLine(lineNumber, null, null, ErrorKind.MISSING_LINE,
                    "line " + lineNumber + " of the results file is not JSON", 0, 0);
        }
        String key = line.path("key").asText(null);
        if (key == null) {
            key = line.path("metadata").path("key").asText(null);
        }
        if (key == null) {
            return new ResultLine(lineNumber, null, null, ErrorKind.MISSING_LINE,
                    "line " + lineNumber + " of the results file has no key", 0, 0);
        }
        if (line.hasNonNull("error")) {
            JsonNode e = line.get("error");
            return new ResultLine(lineNumber, key, null, ErrorKind.API_ERROR,
                    e.path("code").asText("?") + " " + e.path("status").asText("") + " "
                            + e.path("message").asText(""), 0, 0);
        }
        JsonNode response = line.path("response");
        JsonNode usage = response.path("usageMetadata");
        long in = usage.path("promptTokenCount").asLong(0);
        long thinking = usage.path("thoughtsTokenCount").asLong(0);
        long out = usage.path("candidatesTokenCount").asLong(0) + thinking;
        JsonNode candidate = response.path("candidates").path(0);
        StringBuilder answer = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (!part.path("thought").asBoolean(false)) {
                answer.append(part.path("text").asText(""));
            }
        }
        Optional<AnswerCheck.Problem> problem = AnswerCheck.problem(
                candidate.isMissingNode() ? null : candidate.path("finishReason").asText(""),
                response.path("promptFeedback").path("blockReason").asText(null), answer.toString());
        if (problem.isPresent()) {
            return new ResultLine(lineNumber, key, null, problem.get().kind(), problem.get().message(), in, out,
                    thinking);
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(answer.toString());
        } catch (IOException e) {
            return new ResultLine(lineNumber, key, null, ErrorKind.UNPARSABLE_JSON,
                    "answer is not JSON: " + abbreviate(answer.toString()), in, out, thinking);
        }
        List<String> problems = schema.validate(parsed);
        if (!problems.isEmpty()) {
            return new ResultLine(lineNumber, key, null, ErrorKind.SCHEMA_VIOLATION,
                    String.join("; ", problems.subList(0, Math.min(5, problems.size()))), in, out, thinking);
        }
        return new ResultLine(lineNumber, key, parsed.toString(), null, null, in, out, thinking);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 79) + "…";
    }
}
