package dev.newsbatch.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A response schema in the form the answer check reads it: each node's type, properties (in the schema's
 * order, with their positions), required fields, item schema, allowed values and range looked up once,
 * rather than in the schema's JSON for every answer.
 */
final class CheckNode {
    static final int OTHER = 0;
    static final int OBJECT = 1;
    static final int ARRAY = 2;
    static final int STRING = 3;
    static final int INTEGER = 4;
    static final int NUMBER = 5;
    static final int BOOLEAN = 6;

    final String type;
    /** {@link #type} as one of the constants above. */
    final int kind;
    /** Property names in the schema's order. */
    final String[] names;
    final CheckNode[] properties;
    final Map<String, Integer> position;
    /** Positions of the required properties, in the schema's order of {@code required}. */
    final int[] required;
    final String[] requiredNames;
    final CheckNode items;
    final Set<String> allowed;
    /** The allowed values as the schema's JSON prints them, for messages. */
    final String allowedText;
    final double minimum;
    final double maximum;
    final String minimumText;
    final String maximumText;
    /** Whether null is a value here ({@code nullable: true}) rather than a missing one. */
    final boolean nullable;

    private CheckNode(JsonNode schema) {
        type = schema.path("type").asText();
        kind = switch (type) {
            case "OBJECT" -> OBJECT;
            case "ARRAY" -> ARRAY;
            case "STRING" -> STRING;
            case "INTEGER" -> INTEGER;
            case "NUMBER" -> NUMBER;
            case "BOOLEAN" -> BOOLEAN;
            default -> OTHER;
        };
        JsonNode props = schema.path("properties");
        List<String> n = new ArrayList<>();
        List<CheckNode> p = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            n.add(e.getKey());
            p.add(new CheckNode(e.getValue()));
        }
        names = n.toArray(String[]::new);
        properties = p.toArray(CheckNode[]::new);
        position = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            position.put(names[i], i);
        }
        List<String> req = new ArrayList<>();
        for (JsonNode r : schema.path("required")) {
            req.add(r.asText());
        }
        requiredNames = req.toArray(String[]::new);
        required = new int[requiredNames.length];
        for (int i = 0; i < required.length; i++) {
            required[i] = position.getOrDefault(requiredNames[i], -1);
        }
        items = schema.has("items") ? new CheckNode(schema.get("items")) : null;
        JsonNode values = schema.path("enum");
        if (values.isArray() && values.size() > 0) {
            allowed = new HashSet<>();
            values.forEach(v -> allowed.add(v.asText()));
            allowedText = values.toString();
        } else {
            allowed = null;
            allowedText = null;
        }
        minimum = schema.has("minimum") ? schema.get("minimum").asDouble() : Double.NaN;
        maximum = schema.has("maximum") ? schema.get("maximum").asDouble() : Double.NaN;
        minimumText = schema.has("minimum") ? schema.get("minimum").asText() : null;
        maximumText = schema.has("maximum") ? schema.get("maximum").asText() : null;
        nullable = schema.path("nullable").asBoolean(false);
    }

    static CheckNode of(JsonNode schema) {
        return new CheckNode(schema);
    }
}
