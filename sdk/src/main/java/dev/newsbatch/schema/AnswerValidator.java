package dev.newsbatch.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one JSON value against a response schema while reading it token by token, optionally copying
 * every token to a generator (the answer's compact text), so an answer is checked and re-written in one
 * pass without building a tree. Problems come in the schema's order: for an object, first its missing
 * required fields, then the problems of each property in the order the schema lists them.
 */
final class AnswerValidator {
    private final JsonParser in;
    private final JsonGenerator copy;

    private AnswerValidator(JsonParser in, JsonGenerator copy) {
        this.in = in;
        this.copy = copy;
    }

    /**
     * Reads the value {@code in} stands before (or on) and returns its problems; the parser is left on the
     * value's last token.
     */
    static List<String> check(JsonNode schema, JsonParser in, JsonGenerator copy) throws IOException {
        if (in.currentToken() == null && in.nextToken() == null) {
            return List.of("$ is missing");
        }
        List<String> problems = new ArrayList<>();
        new AnswerValidator(in, copy).value(schema, "$", problems);
        return problems;
    }

    /** Checks the value the parser is on. */
    private void value(JsonNode schema, String path, List<String> problems) throws IOException {
        JsonToken t = in.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            emit();
            problems.add(path + " is missing");
            return;
        }
        String type = schema.path("type").asText();
        switch (type) {
            case "OBJECT" -> {
                if (t != JsonToken.START_OBJECT) {
                    problems.add(path + " must be an object, was " + nodeType(t));
                    skip();
                    return;
                }
                object(schema, path, problems);
            }
            case "ARRAY" -> {
                if (t != JsonToken.START_ARRAY) {
                    problems.add(path + " must be an array, was " + nodeType(t));
                    skip();
                    return;
                }
                emit();
                JsonNode items = schema.path("items");
                int i = 0;
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    value(items, path + "[" + i + "]", problems);
                    i++;
                }
                emit();
            }
            case "STRING" -> {
                if (t != JsonToken.VALUE_STRING) {
                    problems.add(path + " must be a string, was " + nodeType(t));
                    skip();
                    return;
                }
                String text = in.getText();
                emit();
                JsonNode allowed = schema.path("enum");
                if (allowed.isArray() && allowed.size() > 0) {
                    boolean ok = false;
                    for (JsonNode a : allowed) {
                        ok |= a.asText().equals(text);
                    }
                    if (!ok) {
                        problems.add(path + " must be one of " + allowed + ", was \"" + text + "\"");
                    }
                }
            }
            case "INTEGER", "NUMBER" -> number(schema, type, path, problems);
            case "BOOLEAN" -> {
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                    problems.add(path + " must be a boolean, was " + nodeType(t));
                }
                skip();
            }
            default -> skip();
        }
    }

    private void object(JsonNode schema, String path, List<String> problems) throws IOException {
        emit();
        JsonNode properties = schema.path("properties");
        Set<String> present = new HashSet<>();
        Map<String, List<String>> byProperty = new HashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            emit();
            in.nextToken();
            JsonNode property = properties.get(name);
            if (in.currentToken() == JsonToken.VALUE_NULL) {
                // A null field counts as absent; a later duplicate of the name wins, as in a tree.
                present.remove(name);
                byProperty.remove(name);
                emit();
            } else if (property == null) {
                present.add(name);
                skip();
            } else {
                present.add(name);
                List<String> own = new ArrayList<>();
                value(property, path + "." + name, own);
                byProperty.put(name, own);
            }
        }
        emit();
        for (JsonNode name : schema.path("required")) {
            if (!present.contains(name.asText())) {
                problems.add(path + "." + name.asText() + " is missing");
            }
        }
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            List<String> own = byProperty.get(names.next());
            if (own != null) {
                problems.addAll(own);
            }
        }
    }

    private void number(JsonNode schema, String type, String path, List<String> problems) throws IOException {
        JsonToken t = in.currentToken();
        boolean integer = "INTEGER".equals(type);
        if (!t.isNumeric()) {
            String shown = shown();
            problems.add(path + " must be " + (integer ? "an integer" : "a number") + ", was " + shown);
            return;
        }
        String shown = numberText();
        double d = in.getDoubleValue();
        emit();
        if (integer && t == JsonToken.VALUE_NUMBER_FLOAT && (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d))) {
            problems.add(path + " must be an integer, was " + shown);
            return;
        }
        if (schema.has("minimum") && d < schema.get("minimum").asDouble()) {
            problems.add(path + " must be >= " + schema.get("minimum").asText() + ", was " + shown);
        }
        if (schema.has("maximum") && d > schema.get("maximum").asDouble()) {
            problems.add(path + " must be <= " + schema.get("maximum").asText() + ", was " + shown);
        }
    }

    /** A number as a tree would print it. */
    private String numberText() throws IOException {
        return switch (in.getNumberType()) {
            case INT, LONG, BIG_INTEGER -> in.getNumberValue().toString();
            default -> Double.toString(in.getDoubleValue());
        };
    }

    /** A non-number value as a tree would print it (its JSON); the parser ends on its last token. */
    private String shown() throws IOException {
        JsonToken t = in.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            String text = in.getText();
            emit();
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (t.isScalarValue()) {
            String text = in.getText();
            emit();
            return text;
        }
        skip();
        return nodeType(t);
    }

    /** Copies the current value (all of it, for a container) without checking it. */
    private void skip() throws IOException {
        if (copy != null) {
            copy.copyCurrentStructure(in);
        } else {
            in.skipChildren();
        }
    }

    /** Copies the current token alone. */
    private void emit() throws IOException {
        if (copy != null) {
            copy.copyCurrentEvent(in);
        }
    }

    private static String nodeType(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "OBJECT";
            case START_ARRAY -> "ARRAY";
            case VALUE_STRING -> "STRING";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
            case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
            case VALUE_EMBEDDED_OBJECT -> "POJO";
            default -> "NULL";
        };
    }
}
