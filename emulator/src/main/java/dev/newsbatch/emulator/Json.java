package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one JSON mapper, and the conversion of incoming snake_case keys to the camelCase the emulator reads
 * (the real API accepts both spellings).
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Keys whose children are user-chosen names, never renamed. */
    private static final Set<String> NAME_MAPS = Set.of("properties", "metadata", "labels", "$defs",
            "definitions", "patternProperties", "quotaDimensions");
    /** Keys whose whole subtree is a JSON Schema, kept as sent. */
    private static final Set<String> OPAQUE = Set.of("responseJsonSchema", "_responseJsonSchema",
            "parametersJsonSchema", "responseSchema");

    private Json() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw ApiError.invalidArgument("Invalid JSON payload received. " + firstLine(e.getMessage()));
        }
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw ApiError.invalidArgument("Invalid JSON payload received. " + firstLine(e.getMessage()));
        }
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(byte[] bytes, Class<T> type) throws IOException {
        return MAPPER.readValue(bytes, type);
    }

    /** Returns {@code node} with every snake_case key turned into camelCase, in place. */
    static JsonNode camelCase(JsonNode node) {
        if (node instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) node;
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = object.fields();
            it.forEachRemaining(entries::add);
            object.removeAll();
            for (Map.Entry<String, JsonNode> e : entries) {
                String key = toCamel(e.getKey());
                JsonNode value = e.getValue();
                if (OPAQUE.contains(key)) {
                    object.set(key, "responseSchema".equals(key) ? camelSchema(value) : value);
                } else if (NAME_MAPS.contains(key) && value instanceof ObjectNode) {
                    ObjectNode names = (ObjectNode) value;
                    names.fields().forEachRemaining(n -> camelCase(n.getValue()));
                    object.set(key, names);
                } else {
                    object.set(key, camelCase(value));
                }
            }
        } else if (node instanceof ArrayNode) {
            node.forEach(Json::camelCase);
        }
        return node;
    }

    /** A Gemini {@code Schema}: rename its own keywords, keep property names. */
    private static JsonNode camelSchema(JsonNode schema) {
        return camelCase(schema);
    }

    static String toCamel(String key) {
        if (key.indexOf('_') <= 0) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length());
        boolean upper = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /**
     * Why {@code node} holds text that cannot be answered: a lone UTF-16 surrogate (no UTF-8 form, so
     * nothing echoing it could be written) or a NUL character, in a value or a key; null when there is none.
     */
    static String badText(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return badText(node.textValue());
        }
        if (node.isContainerNode()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                String bad = badText(e.getKey());
                if (bad == null) {
                    bad = badText(e.getValue());
                }
                if (bad != null) {
                    return bad;
                }
            }
            if (node.isArray()) {
                for (JsonNode child : node) {
                    String bad = badText(child);
                    if (bad != null) {
                        return bad;
                    }
                }
            }
        }
        return null;
    }

    private static String badText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "Invalid request: the text contains a NUL character (U+0000) at index " + i + ".";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("Invalid request: the text contains an unpaired surrogate (U+%04X) at index %d;"
                        + " it is not valid UTF-8.", (int) c, i);
            }
        }
        return null;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
