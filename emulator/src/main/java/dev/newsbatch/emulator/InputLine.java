package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One request of a batch job, read from a JSONL line ({@code {"key","request"}}, or a bare
 * {@code GenerateContentRequest}) or from an inlined request ({@code {"request","metadata"}}).
 *
 * @param key      the request key (file lines), or null
 * @param metadata the inlined request's metadata, or null
 * @param request  the {@code GenerateContentRequest}, camelCase; null when unreadable
 * @param problem  why the request cannot be run, or null
 */
record InputLine(String key, ObjectNode metadata, JsonNode request, String problem) {

    /** What is done with each request line of a file: the line, and its index among the non-blank lines. */
    @FunctionalInterface
    interface Visitor {
        void accept(InputLine line, int index) throws IOException;
    }

    /** Reads the UTF-8 JSONL {@code file} line by line, skipping blank lines, and hands each parsed line on. */
    static void forEach(Path file, Visitor visitor) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int index = 0;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    visitor.accept(parse(line, lineNumber), index++);
                }
            }
        }
    }

    static InputLine parse(String line, int lineNumber) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (Exception e) {
            return new InputLine(null, null, null, "Line " + lineNumber + " is not valid JSON: "
                    + Json.firstLine(e.getMessage()));
        }
        return of(Json.camelCase(node));
    }

    static InputLine of(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new InputLine(null, null, null, "The request is not a JSON object.");
        }
        String key = node.hasNonNull("key") ? node.get("key").asText() : null;
        ObjectNode metadata = node.get("metadata") instanceof ObjectNode ? (ObjectNode) node.get("metadata") : null;
        if (key == null && metadata != null && metadata.hasNonNull("key")) {
            key = metadata.get("key").asText();
        }
        JsonNode request = node.has("request") ? node.get("request") : node.has("contents") ? node : null;
        String problem = request == null ? "The line has no \"request\" field." : Json.badText(request);
        if (problem == null) {
            problem = Responder.invalidReason(request);
        }
        return new InputLine(key, metadata, request, problem);
    }

    long tokens() {
        return request == null ? 0 : Tokens.ofRequest(request);
    }
}
