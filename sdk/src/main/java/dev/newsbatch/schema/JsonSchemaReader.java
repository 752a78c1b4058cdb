package dev.newsbatch.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.InputProblem;
import dev.newsbatch.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a response schema written as JSON, in the subset of OpenAPI that Gemini's {@code responseSchema}
 * takes, and returns it in the form requests carry (upper-case types, a {@code propertyOrdering} on every
 * object that follows the file's order, {@code format: enum} on enums). Every problem is reported with the
 * JSON path of the schema field concerned and what was expected.
 */
final class JsonSchemaReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final List<String> TYPES = List.of("object", "string", "integer", "number", "boolean", "array");
    /** The keywords of Gemini's {@code Schema} read here; anything else is refused. */
    private static final Set<String> KEYWORDS = new LinkedHashSet<>(List.of("type", "properties", "required",
            "propertyOrdering", "items", "enum", "description", "nullable", "format", "title", "minimum", "maximum",
            "minItems", "maxItems", "example"));

    private final Path file;
    private final List<InputProblem> problems = new ArrayList<>();

    private JsonSchemaReader(Path file) {
        this.file = file;
    }

    /**
     * The schema in {@code text}, read from {@code file} (which names it in messages).
     *
     * @throws InvalidInputException listing every problem of the schema
     */
    static ObjectNode read(String text, Path file) {
        JsonSchemaReader r = new JsonSchemaReader(file);
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String what = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("")
                    .replaceAll(" \\(code \\d+\\)", "");
            throw new InvalidInputException(List.of(new InputProblem(file, at == null ? -1 : at.getLineNr(), -1,
                    null, "is not valid JSON" + (at == null || at.getColumnNr() < 1 ? "" : " (column "
                    + at.getColumnNr() + ")") + ": " + what)));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidInputException(List.of(new InputProblem(file, -1, -1, null,
                    "is empty; expected a JSON object with \"type\": \"object\" and \"properties\"")));
        }
        if (!tree.isObject()) {
            throw new InvalidInputException(List.of(new InputProblem(file, -1, -1, "$",
                    "must be a JSON object (a schema with \"type\": \"object\"), was " + kind(tree))));
        }
        ObjectNode schema = ((ObjectNode) tree).deepCopy();
        String written = schema.path("type").asText();
        String type = r.node(schema, "$");
        if (type != null && !type.equals("OBJECT")) {
            r.problem("$.type", "must be \"object\" (each answer is one row of fields), was \""
                    + written + "\"");
        }
        if (!r.problems.isEmpty()) {
            throw new InvalidInputException(r.problems);
        }
        return schema;
    }

    /** Checks and normalises one schema node in place; returns its upper-case type, or null if unusable. */
    private String node(ObjectNode node, String path) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYWORDS.contains(key)) {
                problem(path + "." + key, "is not a keyword of Gemini's response schema; expected one of "
                        + String.join(", ", KEYWORDS));
            }
        }
        JsonNode t = node.get("type");
        if (t == null) {
            problem(path + ".type", "is missing; expected one of " + String.join(", ", TYPES));
            return null;
        }
        if (!t.isTextual() || !TYPES.contains(t.asText().toLowerCase(Locale.ROOT))) {
            problem(path + ".type", "must be one of " + String.join(", ", TYPES) + ", was " + t);
            return null;
        }
        String type = t.asText().toUpperCase(Locale.ROOT);
        node.put("type", type);
        text(node, path, "description");
        text(node, path, "title");
        text(node, path, "format");
        JsonNode nullable = node.get("nullable");
        if (nullable != null && !nullable.isBoolean()) {
            problem(path + ".nullable", "must be true or false, was " + nullable);
        }
        only(node, path, "properties", type, "OBJECT");
        only(node, path, "required", type, "OBJECT");
        only(node, path, "propertyOrdering", type, "OBJECT");
        only(node, path, "items", type, "ARRAY");
        only(node, path, "minItems", type, "ARRAY");
        only(node, path, "maxItems", type, "ARRAY");
        only(node, path, "enum", type, "STRING");
        only(node, path, "minimum", type, "INTEGER", "NUMBER");
        only(node, path, "maximum", type, "INTEGER", "NUMBER");
        switch (type) {
            case "OBJECT" -> object(node, path);
            case "ARRAY" -> array(node, path);
            case "STRING" -> enumValues(node, path);
            case "INTEGER", "NUMBER" -> {
                number(node, path, "minimum");
                number(node, path, "maximum");
            }
            default -> { }
        }
        return type;
    }

    private void object(ObjectNode node, String path) {
        JsonNode props = node.get("properties");
        if (props == null) {
            problem(path + ".properties", "is missing; an object needs at least one property");
            return;
        }
        if (!props.isObject() || props.isEmpty()) {
            problem(path + ".properties", "must be an object with at least one property, was " + shown(props));
            return;
        }
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path + ".properties." + e.getKey();
            names.add(e.getKey());
            if (!e.getValue().isObject()) {
                problem(at, "must be a schema object, was " + shown(e.getValue()));
            } else {
                node((ObjectNode) e.getValue(), at);
            }
        }
        names(node, path, "required", names);
        if (node.has("propertyOrdering")) {
            List<String> order = names(node, path, "propertyOrdering", names);
            if (order != null && order.size() != names.size()) {
                List<String> left = new ArrayList<>(names);
                left.removeAll(order);
                problem(path + ".propertyOrdering", "must list every property once; missing " + left);
            }
        } else {
            ArrayNode order = node.putArray("propertyOrdering");
            names.forEach(order::add);
        }
    }

    /** A list of property names ({@code required}, {@code propertyOrdering}); null when it is unusable. */
    private List<String> names(ObjectNode node, String path, String key, List<String> properties) {
        JsonNode v = node.get(key);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            problem(path + "." + key, "must be an array of property names, was " + shown(v));
            return null;
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode n = v.get(i);
            String at = path + "." + key + "[" + i + "]";
            if (!n.isTextual()) {
                problem(at, "must be a property name (a string), was " + shown(n));
            } else if (!properties.contains(n.asText())) {
                problem(at, "names no property: \"" + n.asText() + "\"; the properties are " + properties);
            } else if (!seen.add(n.asText())) {
                problem(at, "repeats \"" + n.asText() + "\"");
            } else {
                out.add(n.asText());
            }
        }
        return out;
    }

    private void array(ObjectNode node, String path) {
        JsonNode items = node.get("items");
        if (items == null) {
            problem(path + ".items", "is missing; an array needs the schema of its items");
        } else if (!items.isObject()) {
            problem(path + ".items", "must be a schema object, was " + shown(items));
        } else {
            node((ObjectNode) items, path + ".items");
        }
        for (String key : List.of("minItems", "maxItems")) {
            JsonNode v = node.get(key);
            if (v != null && !(v.canConvertToExactIntegral() && v.asLong() >= 0)) {
                problem(path + "." + key, "must be a whole number >= 0, was " + shown(v));
            }
        }
    }

    private void enumValues(ObjectNode node, String path) {
        JsonNode values = node.get("enum");
        if (values == null) {
            return;
        }
        if (!values.isArray() || values.isEmpty()) {
            problem(path + ".enum", "must be a non-empty array of strings, was " + shown(values));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isTextual()) {
                problem(path + ".enum[" + i + "]", "must be a string, was " + shown(values.get(i)));
            }
        }
        if (!node.has("format")) {
            node.put("format", "enum");
        }
    }

    private void number(ObjectNode node, String path, String key) {
        JsonNode v = node.get(key);
        if (v != null && !v.isNumber()) {
            problem(path + "." + key, "must be a number, was " + shown(v));
        }
    }

    private void text(ObjectNode node, String path, String key) {
        JsonNode v = node.get(key);
        if (v != null && !v.isTextual()) {
            problem(path + "." + key, "must be a string, was " + shown(v));
        }
    }

    /** Refuses {@code key} on a type it does not belong to (enum on an integer, items on an object, ...). */
    private void only(ObjectNode node, String path, String key, String type, String... allowed) {
        if (node.has(key) && !List.of(allowed).contains(type)) {
            problem(path + "." + key, "is allowed only with type " + String.join(" or ",
                    List.of(allowed).stream().map(a -> a.toLowerCase(Locale.ROOT)).toList()) + ", not "
                    + type.toLowerCase(Locale.ROOT));
            node.remove(key);
        }
    }

    private void problem(String field, String message) {
        problems.add(new InputProblem(file, -1, -1, field, message));
    }

    private static String shown(JsonNode v) {
        String text = v.toString();
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }

    private static String kind(JsonNode v) {
        return v.isArray() ? "an array" : v.isTextual() ? "a string" : v.isNumber() ? "a number"
                : v.isBoolean() ? "a boolean" : "null";
    }
}
