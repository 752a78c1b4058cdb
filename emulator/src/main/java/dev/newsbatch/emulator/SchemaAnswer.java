package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Builds a JSON answer that is valid against a response schema, filling fields from a {@link NewsReading}
 * where a property name says what it holds (title, sentiment, companies ...). Understands both Gemini's
 * {@code responseSchema} (OpenAPI subset, upper-case types) and {@code responseJsonSchema} (JSON Schema):
 * object/array/string/integer/number/boolean, enum, const, required, minimum/maximum (and exclusive
 * bounds), minItems/maxItems, minLength/maxLength, anyOf/oneOf, nullable, local {@code $ref}s.
 * Not honoured: {@code pattern} and string {@code format}s other than date and date-time.
 */
final class SchemaAnswer {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 12;

    private final JsonNode root;
    private final NewsReading news;
    private final Instant now;

    private SchemaAnswer(JsonNode root, NewsReading news, Instant now) {
        this.root = root;
        this.news = news;
        this.now = now;
    }

    /** An answer for {@code schema}, which may be a Gemini Schema or a JSON Schema. */
    static JsonNode answer(JsonNode schema, NewsReading news, Instant now) {
        return new SchemaAnswer(schema, news, now).value(schema, "", 0);
    }

    /** The news classification object, for JSON answers without a schema. */
    static ObjectNode newsObject(NewsReading news) {
        ObjectNode o = F.objectNode();
        o.put("page_title", news.title());
        o.put("is_financial", news.financial() ? "Yes" : "No");
        ArrayNode sectors = o.putArray("sector");
        news.sectors().forEach(sectors::add);
        ArrayNode companies = o.putArray("companies");
        news.companies().forEach(companies::add);
        o.put("sentiment", news.sentiment());
        o.put("confident_score", news.confidence());
        o.put("summary_en", news.summary());
        o.put("summary_tr", news.summaryTr());
        return o;
    }

    private JsonNode value(JsonNode schema, String name, int depth) {
        schema = resolve(schema);
        if (schema.has("const")) {
            return schema.get("const");
        }
        JsonNode alternatives = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
        if (alternatives != null && alternatives.isArray() && alternatives.size() > 0 && !schema.has("type")) {
            for (JsonNode alt : alternatives) {
                if (!"null".equals(type(resolve(alt)))) {
                    return value(alt, name, depth);
                }
            }
            return value(alternatives.get(0), name, depth);
        }
        String type = type(schema);
        if (depth > MAX_DEPTH && ("object".equals(type) || "array".equals(type))) {
            type = "null";
        }
        switch (type) {
            case "object": return object(schema, depth);
            case "array": return array(schema, name, depth);
            case "integer": return number(schema, name, true);
            case "number": return number(schema, name, false);
            case "boolean": return F.booleanNode(bool(name));
            case "null": return F.nullNode();
            default: return string(schema, name);
        }
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode out = F.objectNode();
        JsonNode props = schema.path("properties");
        List<String> order = new ArrayList<>();
        schema.path("propertyOrdering").forEach(n -> order.add(n.asText()));
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
            String p = it.next();
            if (!order.contains(p)) {
                order.add(p);
            }
        }
        for (String p : order) {
            if (props.has(p)) {
                out.set(p, value(props.get(p), p, depth + 1));
            }
        }
        return out;
    }

    private ArrayNode array(JsonNode schema, String name, int depth) {
        JsonNode items = resolve(schema.path("items"));
        int min = schema.path("minItems").asInt(0);
        int max = schema.has("maxItems") ? schema.path("maxItems").asInt() : Integer.MAX_VALUE;
        ArrayNode out = F.arrayNode();
        List<String> hints = listHint(name);
        String itemType = type(items);
        List<String> enumValues = enumOf(items);
        if (hints != null && ("string".equals(itemType) || items.isMissingNode())) {
            for (String h : hints) {
                if (out.size() >= max) {
                    break;
                }
                String v = enumValues.isEmpty() ? fitLength(items, h) : matchEnum(enumValues, h);
                if (v != null && !contains(out, v)) {
                    out.add(v);
                }
            }
        }
        int target = Math.min(max, Math.max(min, hints == null && out.isEmpty() ? 1 : 0));
        int i = 0;
        while (out.size() < target && i < 1000) {
            JsonNode v = enumValues.isEmpty() ? value(items.isMissingNode() ? F.objectNode().put("type", "string") : items,
                    name, depth + 1) : F.textNode(enumValues.get(i % enumValues.size()));
            if (!enumValues.isEmpty() && i < enumValues.size() && contains(out, v.asText())) {
                i++;
                continue;
            }
            out.add(v);
            i++;
        }
        return out;
    }

    private JsonNode number(JsonNode schema, String name, boolean integer) {
        List<String> enumValues = enumOf(schema);
        if (!enumValues.isEmpty()) {
            return integer ? F.numberNode(Long.parseLong(enumValues.get(0))) : F.numberNode(Double.parseDouble(enumValues.get(0)));
        }
        double lo = bound(schema, "minimum", "exclusiveMinimum", integer, true);
        double hi = bound(schema, "maximum", "exclusiveMaximum", integer, false);
        double v = numberHint(name, lo, hi);
        v = Math.max(lo, Math.min(hi, v));
        if (integer) {
            long r = Math.round(v);
            if (r < lo) {
                r = (long) Math.ceil(lo);
            }
            if (r > hi) {
                r = (long) Math.floor(hi);
            }
            return F.numberNode(r);
        }
        return F.numberNode(v);
    }

    private double bound(JsonNode schema, String inclusive, String exclusive, boolean integer, boolean lower) {
        double none = lower ? -1e9 : 1e9;
        double v = schema.has(inclusive) ? schema.get(inclusive).asDouble() : none;
        JsonNode ex = schema.get(exclusive);
        if (ex != null && ex.isNumber()) {
            double step = integer ? 1 : Math.max(1e-6, Math.abs(ex.asDouble()) * 1e-9);
            v = lower ? ex.asDouble() + step : ex.asDouble() - step;
        } else if (ex != null && ex.asBoolean(false) && schema.has(inclusive)) {
            double step = integer ? 1 : 1e-6;
            v = lower ? v + step : v - step;
        }
        return v;
    }

    private double numberHint(String name, double lo, double hi) {
        String n = key(name);
        if (n.contains("confiden") || n.contains("score")) {
            double c = news.confidence();
            if (hi <= 1.0 && lo >= 0 && hi < 1e9) {
                return c / 10.0 * hi;
            }
            return c;
        }
        if (lo > -1e9 && hi < 1e9) {
            return (lo + hi) / 2;
        }
        return lo > -1e9 ? lo : hi < 1e9 ? Math.min(0, hi) : 0;
    }

    private boolean bool(String name) {
        String n = key(name);
        if (n.contains("financ")) {
            return news.financial();
        }
        if (n.contains("positive")) {
            return "Positive".equals(news.sentiment());
        }
        if (n.contains("negative")) {
            return "Negative".equals(news.sentiment());
        }
        return false;
    }

    private JsonNode string(JsonNode schema, String name) {
        List<String> enumValues = enumOf(schema);
        String hint = textHint(name);
        if (!enumValues.isEmpty()) {
            String v = hint == null ? null : matchEnum(enumValues, hint);
            if (v == null) {
                v = enumValues.get(Math.floorMod((news.title() + name).hashCode(), enumValues.size()));
            }
            return F.textNode(v);
        }
        String format = schema.path("format").asText("");
        if ("date-time".equals(format)) {
            return F.textNode(now.toString());
        }
        if ("date".equals(format)) {
            return F.textNode(now.toString().substring(0, 10));
        }
        return F.textNode(fitLength(schema, hint != null ? hint : NewsReading.MARK + name));
    }

    private String textHint(String name) {
        String n = key(name);
        if (n.contains("title") || n.contains("headline")) {
            return news.title();
        }
        if (n.equals("isfinancial") || n.contains("financial")) {
            return news.financial() ? "Yes" : "No";
        }
        if (n.contains("sentiment") || n.contains("tone")) {
            return news.sentiment();
        }
        if (n.endsWith("tr") && n.contains("summ") || n.contains("turkish")) {
            return news.summaryTr();
        }
        if (n.contains("summ") || n.contains("abstract") || n.contains("description")) {
            return news.summary();
        }
        if (n.contains("sector") || n.contains("industry")) {
            return news.sectors().isEmpty() ? "Other" : news.sectors().get(0);
        }
        if (n.contains("compan") || n.contains("organi")) {
            return news.companies().isEmpty() ? "" : news.companies().get(0);
        }
        return null;
    }

    private List<String> listHint(String name) {
        String n = key(name);
        if (n.contains("sector") || n.contains("industr")) {
            return news.sectors();
        }
        if (n.contains("compan") || n.contains("organi") || n.contains("entit")) {
            return news.companies();
        }
        if (n.contains("keyword") || n.contains("tag") || n.contains("topic")) {
            return news.keywords(5);
        }
        return null;
    }

    private static String fitLength(JsonNode schema, String text) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.has("maxLength") ? schema.path("maxLength").asInt() : Integer.MAX_VALUE;
        String s = text;
        if (s.codePointCount(0, s.length()) > max) {
            s = s.substring(0, s.offsetByCodePoints(0, max));
        }
        StringBuilder b = new StringBuilder(s);
        while (b.codePointCount(0, b.length()) < min) {
            b.append('.');
        }
        return b.toString();
    }

    private static String matchEnum(List<String> values, String hint) {
        for (String v : values) {
            if (v.equalsIgnoreCase(hint)) {
                return v;
            }
        }
        String h = hint.toLowerCase(Locale.ROOT);
        for (String v : values) {
            String l = v.toLowerCase(Locale.ROOT);
            if (!l.isEmpty() && (l.contains(h) || h.contains(l))) {
                return v;
            }
        }
        return null;
    }

    private static boolean contains(ArrayNode array, String text) {
        for (JsonNode n : array) {
            if (n.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> enumOf(JsonNode schema) {
        List<String> out = new ArrayList<>();
        schema.path("enum").forEach(n -> {
            if (!n.isNull()) {
                out.add(n.asText());
            }
        });
        return out;
    }

    /** The lower-case type name; a type list picks its first non-null entry; absent types are inferred. */
    static String type(JsonNode schema) {
        JsonNode t = schema.get("type");
        if (t != null && t.isArray()) {
            for (JsonNode e : t) {
                if (!"null".equalsIgnoreCase(e.asText())) {
                    return e.asText().toLowerCase(Locale.ROOT);
                }
            }
            return "null";
        }
        if (t != null && t.isTextual() && !t.asText().equalsIgnoreCase("TYPE_UNSPECIFIED")) {
            return t.asText().toLowerCase(Locale.ROOT);
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    private JsonNode resolve(JsonNode schema) {
        int guard = 0;
        while (schema != null && schema.has("$ref") && guard++ < 20) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#")) {
                break;
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                break;
            }
            schema = target;
        }
        return schema == null ? F.objectNode() : schema;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
