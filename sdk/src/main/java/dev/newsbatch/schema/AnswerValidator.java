package dev.newsbatch.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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

    /** Where a value is, as {@code $.sector[2]}; its text is built only for a message. */
    private record Where(Where parent, String name, int index) {
        static final Where ROOT = new Where(null, null, -1);

        @Override
        public String toString() {
            if (parent == null) {
                return "$";
            }
            return parent + (name != null ? "." + name : "[" + index + "]");
        }
    }

    /**
     * Reads the value {@code in} stands before (or on) and returns its problems; the parser is left on the
     * value's last token.
     */
    static List<String> check(CheckNode schema, JsonParser in, JsonGenerator copy) throws IOException {
        if (in.currentToken() == null && in.nextToken() == null) {
            return List.of("$ is missing");
        }
        List<String> problems = new ArrayList<>(0);
        new AnswerValidator(in, copy).value(schema, Where.ROOT, problems);
        return problems;
    }

    /** Checks the value the parser is on. */
    private void value(CheckNode schema, Where path, List<String> problems) throws IOException {
        JsonToken t = in.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            emit();
            if (!schema.nullable) {
                problems.add(path + " is missing");
            }
            return;
        }
        switch (schema.type) {
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
                int i = 0;
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    if (schema.items == null) {
                        skip();
                    } else {
                        value(schema.items, new Where(path, null, i), problems);
                    }
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
                if (schema.allowed == null) {
                    emit();
                    return;
                }
                String text = in.getText();
                emit();
                if (!schema.allowed.contains(text)) {
                    problems.add(path + " must be one of " + schema.allowedText + ", was \"" + text + "\"");
                }
            }
            case "INTEGER", "NUMBER" -> number(schema, path, problems);
            case "BOOLEAN" -> {
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                    problems.add(path + " must be a boolean, was " + nodeType(t));
                }
                skip();
            }
            default -> skip();
        }
    }

    @SuppressWarnings("unchecked")
    private void object(CheckNode schema, Where path, List<String> problems) throws IOException {
        emit();
        int n = schema.names.length;
        boolean[] present = new boolean[n];
        List<String>[] byProperty = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            emit();
            in.nextToken();
            Integer at = schema.position.get(name);
            if (at == null) {
                skip();
                continue;
            }
            // A null field counts as absent; a later duplicate of the name wins, as in a tree.
            if (byProperty != null) {
                byProperty[at] = null;
            }
            if (in.currentToken() == JsonToken.VALUE_NULL) {
                present[at] = schema.properties[at].nullable;
                emit();
                continue;
            }
            present[at] = true;
            List<String> own = new ArrayList<>(0);
            value(schema.properties[at], new Where(path, name, -1), own);
            if (!own.isEmpty()) {
                if (byProperty == null) {
                    byProperty = new List[n];
                }
                byProperty[at] = own;
            }
        }
        emit();
        for (int i = 0; i < schema.required.length; i++) {
            int at = schema.required[i];
            if (at < 0 || !present[at]) {
                problems.add(path + "." + schema.requiredNames[i] + " is missing");
            }
        }
        if (byProperty != null) {
            for (List<String> own : byProperty) {
                if (own != null) {
                    problems.addAll(own);
                }
            }
        }
    }

    private void number(CheckNode schema, Where path, List<String> problems) throws IOException {
        JsonToken t = in.currentToken();
        boolean integer = "INTEGER".equals(schema.type);
        if (!t.isNumeric()) {
            String shown = shown();
            problems.add(path + " must be " + (integer ? "an integer" : "a number") + ", was " + shown);
            return;
        }
        double d = in.getDoubleValue();
        boolean fraction = t == JsonToken.VALUE_NUMBER_FLOAT
                && (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d));
        boolean low = d < schema.minimum;
        boolean high = d > schema.maximum;
        String shown = integer && fraction || low || high ? numberText() : null;
        emit();
        if (integer && fraction) {
            problems.add(path + " must be an integer, was " + shown);
            return;
        }
        if (low) {
            problems.add(path + " must be >= " + schema.minimumText + ", was " + shown);
        }
        if (high) {
            problems.add(path + " must be <= " + schema.maximumText + ", was " + shown);
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
