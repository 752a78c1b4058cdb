package dev.newsbatch.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Reads one article object from a JSON parser positioned on its START_OBJECT. */
final class JsonObjects {
    static final Set<String> FIELDS = Set.of("id", "title", "contents", "url");

    private JsonObjects() {}

    static Map<String, String> read(JsonParser p, ProblemLog log, long line, long index) throws IOException {
        Map<String, String> fields = new HashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!FIELDS.contains(name)) {
                p.skipChildren();
                continue;
            }
            if (value == JsonToken.VALUE_STRING) {
                fields.put(name, p.getText());
            } else if (value == JsonToken.VALUE_NULL) {
                if (!"url".equals(name)) {
                    fields.put(name, null);
                    log.add(line, index, name, "must be " + expected(name) + ", was null");
                }
            } else if (value == JsonToken.VALUE_NUMBER_INT && "id".equals(name)) {
                fields.put(name, p.getText());
            } else {
                fields.put(name, null);
                log.add(line, index, name, "must be " + expected(name) + ", was " + describe(p, value));
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonProcessingException("object is not closed, found " + t, p.currentLocation()) {};
        }
        return fields;
    }

    private static String expected(String field) {
        return "id".equals(field) ? "a string or a whole number" : "a string";
    }

    static String describe(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_TRUE: case VALUE_FALSE: case VALUE_NUMBER_INT: case VALUE_NUMBER_FLOAT: return p.getText();
            default: return String.valueOf(t);
        }
    }

    /** The first line of a Jackson message, without its source excerpt. */
    static String message(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        int nl = m.indexOf('\n');
        return "malformed JSON: " + (nl < 0 ? m : m.substring(0, nl));
    }
}
