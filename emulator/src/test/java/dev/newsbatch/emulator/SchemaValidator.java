package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** An independent check of a JSON value against a Gemini Schema or JSON Schema (the parts the emulator claims). */
final class SchemaValidator {
    private SchemaValidator() {}

    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode v, String path, List<String> out) {
        String type = schema.path("type").asText("").toLowerCase(Locale.ROOT);
        switch (type) {
            case "object":
                if (!v.isObject()) {
                    out.add(path + " is not an object");
                    return;
                }
                for (JsonNode r : schema.path("required")) {
                    if (!v.has(r.asText())) {
                        out.add(path + "." + r.asText() + " is missing");
                    }
                }
                for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
                    String p = it.next();
                    if (v.has(p)) {
                        check(schema.path("properties").path(p), v.get(p), path + "." + p, out);
                    }
                }
                break;
            case "array":
                if (!v.isArray()) {
                    out.add(path + " is not an array");
                    return;
                }
                if (schema.has("minItems") && v.size() < schema.get("minItems").asInt()) {
                    out.add(path + " has fewer than minItems");
                }
                if (schema.has("maxItems") && v.size() > schema.get("maxItems").asInt()) {
                    out.add(path + " has more than maxItems");
                }
                for (int i = 0; i < v.size(); i++) {
                    check(schema.path("items"), v.get(i), path + "[" + i + "]", out);
                }
                break;
            case "integer":
            case "number":
                if (!v.isNumber() || "integer".equals(type) && !v.isIntegralNumber()) {
                    out.add(path + " is not a " + type);
                    return;
                }
                if (schema.has("minimum") && v.asDouble() < schema.get("minimum").asDouble()) {
                    out.add(path + " is below minimum");
                }
                if (schema.has("maximum") && v.asDouble() > schema.get("maximum").asDouble()) {
                    out.add(path + " is above maximum");
                }
                break;
            case "boolean":
                if (!v.isBoolean()) {
                    out.add(path + " is not a boolean");
                }
                break;
            default:
                if (!v.isTextual()) {
                    out.add(path + " is not a string");
                    return;
                }
                if (schema.has("enum")) {
                    boolean found = false;
                    for (JsonNode e : schema.get("enum")) {
                        found |= e.asText().equals(v.asText());
                    }
                    if (!found) {
                        out.add(path + " = " + v + " is not in the enum");
                    }
                }
                int len = v.asText().codePointCount(0, v.asText().length());
                if (schema.has("minLength") && len < schema.get("minLength").asInt()) {
                    out.add(path + " is shorter than minLength");
                }
                if (schema.has("maxLength") && len > schema.get("maxLength").asInt()) {
                    out.add(path + " is longer than maxLength");
                }
        }
    }
}
