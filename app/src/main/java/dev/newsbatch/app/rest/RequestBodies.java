package dev.newsbatch.app.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.Article;
import dev.newsbatch.InvalidInputException;
import dev.newsbatch.schema.Answer;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.Thinking;
import dev.newsbatch.ingest.ArticleText;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and validates request bodies, naming the field of every problem: wrong types, missing fields,
 * empty or oversized lists, unsafe names, bodies over the size limit. Texts follow the rules of input
 * files ({@link ArticleText}): no lone surrogate or NUL character, and required ones not empty, where
 * whitespace and invisible characters alone count as empty.
 *
 * <pre>{@code
 * Submission s = RequestBodies.contents(RequestBodies.read(ctx, 10_485_760));
 * }</pre>
 */
public final class RequestBodies {
    /** Most items in one submission, as in the original service. */
    public static final int MAX_ITEMS = 1000;
    /** What {@code batch_name} may be: it names files. */
    public static final Pattern BATCH_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestBodies() {}

    /**
     * The body as JSON, read up to {@code maxBytes}.
     *
     * @throws RequestRejected 413 beyond the limit, 400 if it is not a JSON object
     */
    public static JsonNode read(Context ctx, long maxBytes) {
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            if (timedOut(e)) {
                throw new RequestRejected(408, "request_timeout", "body", "body stopped arriving before its end; "
                        + "send the whole body without pausing");
            }
            throw new UncheckedIOException("cannot read the request body: " + e.getMessage(), e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw RequestRejected.badField("body", "body must be JSON, was not: " + JsonSyntax.describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw RequestRejected.badField("body", "body must be a JSON object, was " + kind(node));
        }
        return node;
    }

    /** True when reading failed because the client sent nothing for the idle timeout. */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
                    || String.valueOf(t.getMessage()).contains("Idle timeout")) {
                return true;
            }
        }
        return false;
    }

    /** The 413 rejection for bodies over {@code maxBytes}. */
    public static RequestRejected tooLarge(long maxBytes) {
        return new RequestRejected(413, "payload_too_large", "body", "body must be at most " + maxBytes + " bytes");
    }

    /** {@code {contents:[{id,title,contents}], batch_name?, wait_for_completion?}} and the {@link #settings}. */
    public static Submission contents(JsonNode body) {
        JsonNode items = list(body, "contents");
        RunSettings settings = settings(body);
        List<Article> articles = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "contents[" + i + "]";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw RequestRejected.badField(at, at + " must be an object {id, title, contents}, was " + kind(item));
            }
            String id = id(item, at + ".id");
            Integer before = seen.putIfAbsent(id, i);
            if (before != null) {
                throw RequestRejected.badField(at + ".id", at + ".id must be unique, was \"" + id
                        + "\" as in contents[" + before + "]");
            }
            articles.add(Article.of(id, string(item, at + ".title", "title", false),
                    string(item, at + ".contents", "contents", true)));
        }
        return new Submission(articles, List.of(), batchName(body), waitFlag(body), settings, schema(body));
    }

    /**
     * {@code {table:"bq://project.dataset.table", columns?:{id?,title?,contents?,url?}, batch_name?,
     * wait_for_completion?}} and the {@link #settings}: a run over a BigQuery table's rows.
     */
    public static TableSubmission table(JsonNode body) {
        dev.newsbatch.BigQueryTable table = bigQueryTable(body, "table");
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        JsonNode c = body.get("columns");
        if (c != null && !c.isNull()) {
            if (!c.isObject()) {
                throw RequestRejected.badField("columns", "columns must be an object mapping id, title, contents "
                        + "or url to a column of the table, was " + kind(c));
            }
            for (var it = c.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!List.of("id", "title", "contents", "url").contains(e.getKey())) {
                    throw RequestRejected.badField("columns." + e.getKey(), "columns may name id, title, contents "
                            + "and url, was \"" + e.getKey() + "\"");
                }
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    throw RequestRejected.badField("columns." + e.getKey(), "columns." + e.getKey()
                            + " must be a column name, was " + kind(e.getValue()));
                }
                columns.put(e.getKey(), e.getValue().asText().trim());
            }
        }
        Submission s = new Submission(List.of(), List.of(), batchName(body), waitFlag(body), settings(body),
                schema(body));
        return new TableSubmission(table, Map.copyOf(columns), s);
    }

    /** {@code field}: a BigQuery table named {@code bq://project.dataset.table}. */
    static dev.newsbatch.BigQueryTable bigQueryTable(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw RequestRejected.badField(field, field + " is missing, expected \"bq://project.dataset.table\"");
        }
        if (!v.isTextual()) {
            throw RequestRejected.badField(field, field + " must be a string \"bq://project.dataset.table\", was "
                    + kind(v));
        }
        try {
            return dev.newsbatch.BigQueryTable.parse(v.asText());
        } catch (IllegalArgumentException e) {
            throw RequestRejected.badField(field, e.getMessage());
        }
    }

    /** {@code {urls:[...], batch_name?, wait_for_completion?}} and the {@link #settings}, each URL checked by {@code policy}. */
    public static Submission urls(JsonNode body, UrlPolicy policy) {
        JsonNode items = list(body, "urls");
        RunSettings settings = settings(body);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "urls[" + i + "]";
            if (!items.get(i).isTextual()) {
                throw RequestRejected.badField(at, at + " must be a string, was " + kind(items.get(i)));
            }
            String problem = ArticleText.problem(items.get(i).asText(), true);
            if (problem != null) {
                throw RequestRejected.badField(at, at + " " + problem);
            }
            urls.add(policy.check(at, items.get(i).asText().trim()).toString());
        }
        return new Submission(List.of(), urls, batchName(body), waitFlag(body), settings, schema(body));
    }

    /**
     * The optional run settings of a submission body: {@code thinking} (least, default, off, dynamic,
     * a budget or a level), {@code flex} (with {@code wait_for_completion}), {@code enqueuedTokens},
     * {@code rpm}, {@code rpd}, {@code spendPer10MinUsd}, {@code spendPerMonthUsd} and
     * {@code costDriftFactor}; each also accepted in snake_case ({@code enqueued_tokens} ...).
     */
    static RunSettings settings(JsonNode body) {
        Thinking thinking = null;
        String thinkingField = field(body, "thinking", "thinking");
        if (thinkingField != null) {
            JsonNode v = body.get(thinkingField);
            if (!v.isTextual() && !v.isIntegralNumber()) {
                throw RequestRejected.badField("thinking", "thinking must be a string: least, default, off, dynamic, "
                        + "a budget in tokens or a level (minimal, low, medium, high), was " + kind(v));
            }
            try {
                thinking = Thinking.parse(v.asText());
            } catch (IllegalArgumentException e) {
                throw RequestRejected.badField("thinking", e.getMessage());
            }
        }
        boolean flex = false;
        String flexField = field(body, "flex", "flex");
        if (flexField != null) {
            JsonNode v = body.get(flexField);
            if (!v.isBoolean()) {
                throw RequestRejected.badField("flex", "flex must be true or false, was " + kind(v));
            }
            flex = v.asBoolean();
            if (flex && !waitFlag(body)) {
                throw RequestRejected.badField("flex", "flex runs real-time calls while the request waits; "
                        + "send wait_for_completion: true with flex: true");
            }
        }
        Long enqueued = whole(body, "enqueuedTokens", "enqueued_tokens", Long.MAX_VALUE, "a number of tokens");
        Long rpm = whole(body, "rpm", "rpm", Integer.MAX_VALUE, "requests per minute");
        Long rpd = whole(body, "rpd", "rpd", Integer.MAX_VALUE, "requests per day");
        Double per10 = usd(body, "spendPer10MinUsd", "spend_per_10min_usd");
        Double month = usd(body, "spendPerMonthUsd", "spend_per_month_usd");
        Double drift = null;
        String driftField = field(body, "costDriftFactor", "cost_drift_factor");
        if (driftField != null) {
            JsonNode v = body.get(driftField);
            double f = v.asDouble();
            if (!v.isNumber() || !Double.isFinite(f) || f < 0 || (f > 0 && f < 1)) {
                throw RequestRejected.badField(driftField, driftField + " must be 0 (off) or a number >= 1, e.g. 1.5, "
                        + "was " + kind(v));
            }
            drift = f;
        }
        return new RunSettings(thinking, flex, enqueued, rpm == null ? null : rpm.intValue(),
                rpd == null ? null : rpd.intValue(), per10, month, drift, vertex(body));
    }

    /**
     * {@code schema}: a response schema as a JSON object (the format of {@code --schema FILE}), or null
     * when absent; each problem is named by its JSON path in the schema.
     */
    static ClassificationSchema<Answer> schema(JsonNode body) {
        JsonNode v = body.get("schema");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw RequestRejected.badField("schema", "schema must be a JSON object (a response schema with "
                    + "\"type\": \"object\" and \"properties\"), was " + kind(v));
        }
        try {
            return ClassificationSchema.fromJson(v.toString());
        } catch (InvalidInputException e) {
            throw RequestRejected.badField("schema", "schema is not a usable response schema: " + e.problems().stream()
                    .map(p -> (p.field() == null ? "" : p.field() + " ") + p.message())
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
    }

    /** {@code vertex: {project, location, gcsPrefix}} (or {@code gcs_prefix}), or null when absent. */
    private static dev.newsbatch.VertexTarget vertex(JsonNode body) {
        JsonNode v = body.get("vertex");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw RequestRejected.badField("vertex", "vertex must be an object {project, location, gcsPrefix}, was "
                    + kind(v));
        }
        String prefix = field(v, "gcsPrefix", "gcs_prefix");
        String dataset = field(v, "bigQueryDataset", "bigquery_dataset");
        try {
            dev.newsbatch.VertexTarget t = dev.newsbatch.VertexTarget.of(v.path("project").asText(""),
                    v.path("location").asText(""), prefix == null ? "" : v.get(prefix).asText(""));
            return dataset == null ? t : t.withBigQuery(v.get(dataset).asText(""));
        } catch (IllegalArgumentException e) {
            throw RequestRejected.badField("vertex", "vertex." + e.getMessage());
        }
    }

    /** The name under which {@code body} has the field ({@code camel} or {@code snake}), or null when absent. */
    private static String field(JsonNode body, String camel, String snake) {
        for (String name : new String[] {camel, snake}) {
            JsonNode v = body.get(name);
            if (v != null && !v.isNull()) {
                return name;
            }
        }
        return null;
    }

    private static Long whole(JsonNode body, String camel, String snake, long max, String what) {
        String name = field(body, camel, snake);
        if (name == null) {
            return null;
        }
        JsonNode v = body.get(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1 || v.asLong() > max) {
            throw RequestRejected.badField(name, name + " must be a whole number from 1 to " + max + " (" + what
                    + "), was " + kind(v));
        }
        return v.asLong();
    }

    private static Double usd(JsonNode body, String camel, String snake) {
        String name = field(body, camel, snake);
        if (name == null) {
            return null;
        }
        JsonNode v = body.get(name);
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() <= 0) {
            throw RequestRejected.badField(name, name + " must be an amount in USD above 0, e.g. 50, was " + kind(v));
        }
        return v.asDouble();
    }

    /** The {@code batch_name}, or null when absent (the run then gets a unique default name). */
    static String batchName(JsonNode body) {
        JsonNode v = body.get("batch_name");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw RequestRejected.badField("batch_name", "batch_name must be a string, was " + kind(v));
        }
        checkName(v.asText());
        return v.asText();
    }

    /** Checks a {@code batch_name} taken from a path or body. */
    public static String checkName(String name) {
        if (!BATCH_NAME.matcher(name).matches()) {
            throw RequestRejected.badField("batch_name", "batch_name must be 1-64 letters, digits, '_', '.' or '-' "
                    + "starting with a letter or digit, was \"" + abbreviate(name) + "\"");
        }
        return name;
    }

    private static boolean waitFlag(JsonNode body) {
        JsonNode v = body.get("wait_for_completion");
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw RequestRejected.badField("wait_for_completion", "wait_for_completion must be true or false, was "
                    + kind(v));
        }
        return v.asBoolean();
    }

    private static JsonNode list(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw RequestRejected.badField(field, field + " is missing");
        }
        if (!v.isArray()) {
            throw RequestRejected.badField(field, field + " must be an array, was " + kind(v));
        }
        if (v.isEmpty() || v.size() > MAX_ITEMS) {
            throw RequestRejected.badField(field, field + " must have 1 to " + MAX_ITEMS + " items, was " + v.size());
        }
        return v;
    }

    /** An article id: a string, or a whole number as input files accept it ({@code 17} is {@code "17"}). */
    private static String id(JsonNode item, String at) {
        JsonNode v = item.get("id");
        if (v != null && v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v != null && v.isNumber()) {
            throw RequestRejected.badField(at, at + " must be a string or a whole number, was " + v);
        }
        if (v != null && !v.isNull() && !v.isTextual()) {
            throw RequestRejected.badField(at, at + " must be a string or a whole number, was " + kind(v));
        }
        return string(item, at, "id", true);
    }

    private static String string(JsonNode item, String at, String name, boolean nonBlank) {
        JsonNode v = item.get(name);
        if (v == null || v.isNull()) {
            throw RequestRejected.badField(at, at + " is missing");
        }
        if (!v.isTextual()) {
            throw RequestRejected.badField(at, at + " must be a string, was " + kind(v));
        }
        String problem = ArticleText.problem(v.asText(), nonBlank);
        if (problem != null) {
            throw RequestRejected.badField(at, at + " " + problem);
        }
        return v.asText();
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "empty";
        }
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "the string \"" + abbreviate(v.asText()) + "\"";
            case NUMBER, BOOLEAN -> v.toString();
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
