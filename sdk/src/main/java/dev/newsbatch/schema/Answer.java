package dev.newsbatch.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.internal.Checks;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One classification in a schema given as JSON ({@link ClassificationSchema#fromJson}): the answer's
 * JSON object, validated against that schema. Immutable: {@link #json()} returns a copy.
 *
 * <pre>{@code
 * ClassificationSchema<Answer> topics = ClassificationSchema.fromJson(Path.of("samples/topic_schema.json"));
 * Results<Answer> r = Batches.from(articles).classifyInto(topics).submit().await().collect();
 * Answer a = r.values().get(0);
 * a.getString("topic");      // "politics"
 * a.get("keywords");         // ["election","vote"] (a JsonNode)
 * a.asMap();                 // {topic=politics, relevance=7, keywords=[election, vote]}
 * }</pre>
 *
 * @param json the answer's object
 */
public record Answer(ObjectNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest value {@link #toString()} shows before cutting it. */
    private static final int SHOWN = 40;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Answer {
        Checks.notNull(json, "json");
        json = json.deepCopy();
    }

    /** The answer's object (a copy). */
    @Override
    @JsonValue
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** The value of the top-level field {@code name} (a copy), or a missing node when it is absent. */
    public JsonNode get(String name) {
        Checks.notNull(name, "name");
        JsonNode v = json.get(name);
        return v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v.deepCopy();
    }

    /**
     * The field {@code name} as text: a string's value, a number or boolean as JSON prints it, an
     * array or object as JSON text; null when the field is absent or null.
     */
    public String getString(String name) {
        Checks.notNull(name, "name");
        JsonNode v = json.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** The fields as plain Java values (String, Integer/Long, Double, Boolean, List, Map), in the answer's order. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Answer[");
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            s.append(first ? "" : ", ").append(e.getKey()).append('=')
                    .append(Checks.abbreviate(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString(),
                            SHOWN));
            first = false;
        }
        return s.append(']').toString();
    }
}
