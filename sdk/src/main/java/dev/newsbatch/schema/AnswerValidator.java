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

    /** Where a value is, as {@code $.sector[2]}; made only for a message or a container's children. */
    private record Where(Where parent, String name, int index) {
        static final Where ROOT = new Where(null, null, -1);

        /** The place of a value: {@code name} (or {@code index}) in {@code parent}; the root for no parent. */
        static Where of(Where parent, String name, int index) {
            return parent == null ? ROOT : new Where(parent, name, index);
        }

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
        List<String> problems = new AnswerValidator(in, copy).value(schema, null, null, -1, null);
        return problems == null ? List.of() : problems;
    }

    /** {@code problems} with {@code problem} added; a new list when there were none yet (null). */
    private static List<String> add(List<String> problems, String problem) {
        List<String> list = problems == null ? new ArrayList<>(2) : problems;
        list.add(problem);
        return list;
    }

    /**
     * Checks the value the parser is on, at {@code name} (or {@code index}) in {@code parent} (the root when
     * null); returns {@code problems} with its own added (null while there are none).
     */
    private List<String> value(CheckNode schema, Where parent, String name, int index, List<String> problems)
            throws IOException {
        JsonToken t = in.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            emit();
            if (!schema.nullable) {
                problems = add(problems, Where.of(parent, name, index) + " is missing");
            }
            return problems;
        }
        switch (schema.kind) {
            case CheckNode.OBJECT -> {
                if (t != JsonToken.START_OBJECT) {
                    problems = add(problems, Where.of(parent, name, index) + " must be an object, was " + nodeType(t));
                    skip();
                    return problems;
                }
                return object(schema, Where.of(parent, name, index), problems);
            }
            case CheckNode.ARRAY -> {
                if (t != JsonToken.START_ARRAY) {
                    problems = add(problems, Where.of(parent, name, index) + " must be an array, was " + nodeType(t));
                    skip();
                    return problems;
                }
                emit();
                Where path = null;
                int i = 0;
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    if (schema.items == null) {
                        skip();
                    } else {
                        if (path == null) {
                            path = Where.of(parent, name, index);
                        }
                        problems = value(schema.items, path, null, i, problems);
                    }
                    i++;
                }
                emit();
                return problems;
            }
            case CheckNode.STRING -> {
                if (t != JsonToken.VALUE_STRING) {
                    problems = add(problems, Where.of(parent, name, index) + " must be a string, was " + nodeType(t));
                    skip();
                    return problems;
                }
                if (schema.allowed == null) {
                    emit();
                    return problems;
                }
                String text = in.getText();
                emit();
                if (!schema.allowed.contains(text)) {
                    problems = add(problems, Where.of(parent, name, index) + " must be one of " + schema.allowedText
                            + ", was \"" + text + "\"");
                }
                return problems;
            }
            case CheckNode.INTEGER, CheckNode.NUMBER -> {
                return number(schema, parent, name, index, problems);
            }
            case CheckNode.BOOLEAN -> {
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                    problems = add(problems, Where.of(parent, name, index) + " must be a boolean, was " + nodeType(t));
                }
                skip();
                return problems;
            }
            default -> {
                skip();
                return problems;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> object(CheckNode schema, Where path, List<String> problems) throws IOException {
        emit();
        int n = schema.names.length;
        // which properties are present: a bit each for the first 64, an array beyond
        long presentBits = 0;
        boolean[] present = n > 64 ? new boolean[n] : null;
        List<String>[] byProperty = null;
        String name;
        while ((name = in.nextFieldName()) != null) {
            emit();
            in.nextToken();
            Integer position = schema.position.get(name);
            if (position == null) {
                skip();
                continue;
            }
            int at = position;
            // A null field counts as absent; a later duplicate of the name wins, as in a tree.
            if (byProperty != null) {
                byProperty[at] = null;
            }
            boolean here = in.currentToken() != JsonToken.VALUE_NULL || schema.properties[at].nullable;
            if (present != null) {
                present[at] = here;
            } else if (here) {
                presentBits |= 1L << at;
            } else {
                presentBits &= ~(1L << at);
            }
            if (in.currentToken() == JsonToken.VALUE_NULL) {
                emit();
                continue;
            }
            List<String> own = value(schema.properties[at], path, name, -1, null);
            if (own != null) {
                if (byProperty == null) {
                    byProperty = new List[n];
                }
                byProperty[at] = own;
            }
        }
        emit();
        for (int i = 0; i < schema.required.length; i++) {
            int at = schema.required[i];
            if (at < 0 || !(present != null ? present[at] : (presentBits & 1L << at) != 0)) {
                problems = add(problems, path + "." + schema.requiredNames[i] + " is missing");
            }
        }
        if (byProperty != null) {
            for (List<String> own : byProperty) {
                if (own != null) {
                    if (problems == null) {
                        problems = new ArrayList<>(own.size());
                    }
                    problems.addAll(own);
                }
            }
        }
        return problems;
    }

    private List<String> number(CheckNode schema, Where parent, String name, int index, List<String> problems)
            throws IOException {
        JsonToken t = in.currentToken();
        boolean integer = schema.kind == CheckNode.INTEGER;
        if (!t.isNumeric()) {
            String shown = shown();
            return add(problems, Where.of(parent, name, index) + " must be " + (integer ? "an integer" : "a number")
                    + ", was " + shown);
        }
        // a big integer is read whole first: the parser can no longer give it once it gave a double of it
        double d = t == JsonToken.VALUE_NUMBER_INT && in.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                ? in.getBigIntegerValue().doubleValue() : in.getDoubleValue();
        boolean fraction = t == JsonToken.VALUE_NUMBER_FLOAT
                && (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d));
        boolean low = d < schema.minimum;
        boolean high = d > schema.maximum;
        String shown = integer && fraction || low || high ? numberText() : null;
        emit();
        if (integer && fraction) {
            return add(problems, Where.of(parent, name, index) + " must be an integer, was " + shown);
        }
        if (low) {
            problems = add(problems, Where.of(parent, name, index) + " must be >= " + schema.minimumText
                    + ", was " + shown);
        }
        if (high) {
            problems = add(problems, Where.of(parent, name, index) + " must be <= " + schema.maximumText
                    + ", was " + shown);
        }
        return problems;
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
