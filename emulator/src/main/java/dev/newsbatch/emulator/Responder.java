package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * Answers one {@code GenerateContentRequest} the way the emulator's offline model does: a schema-valid JSON
 * answer when a response schema (or JSON MIME type) is asked for, else a plain-text lead summary. Never emits
 * a {@code continuationToken}. The answer depends only on the request, so results are reproducible.
 */
final class Responder {
    private Responder() {}

    /** What a request meets besides a normal answer: a seeded content fault (see {@link Faults}). */
    enum Outcome { NORMAL, BLOCKED_SAFETY, BLOCKED_OTHER, SAFETY, RECITATION }

    /** The {@code modelVersion} the emulator reports, e.g. {@code gemini-2.5-flash-emulator}. */
    static String modelVersion(String model) {
        return ModelCatalog.bare(model) + "-emulator";
    }

    /** The request's {@code contents} are required; returns a reason when the request cannot be run. */
    static String invalidReason(JsonNode request) {
        if (request == null || !request.isObject()) {
            return "Invalid JSON payload: the request is not an object.";
        }
        JsonNode contents = request.path("contents");
        if (!contents.isArray() || contents.isEmpty()) {
            return "* GenerateContentRequest.contents: contents is not specified";
        }
        return null;
    }

    /**
     * Why {@code model} refuses the request's generation settings (HTTP 400 INVALID_ARGUMENT), or null: the
     * thinking configuration against the model's thinking dialect, and {@code maxOutputTokens} against its output
     * limit. The service tier is checked apart ({@link #tierProblem}), as batch requests carry none.
     */
    static String configProblem(ModelCatalog.Model model, JsonNode request) {
        JsonNode config = request.path("generationConfig");
        JsonNode maxOut = config.path("maxOutputTokens");
        if (maxOut.isNumber() && maxOut.asLong() > model.outputTokenLimit()) {
            return "Unable to submit request because it has a maxOutputTokens value of " + maxOut.asLong()
                    + " but the supported range is from 1 (inclusive) to " + (model.outputTokenLimit() + 1)
                    + " (exclusive). Update the value and try again.";
        }
        JsonNode tc = config.path("thinkingConfig");
        if (!tc.isObject()) {
            return null;
        }
        ModelCatalog.Thinking t = model.thinking();
        boolean hasBudget = tc.hasNonNull("thinkingBudget");
        boolean hasLevel = tc.hasNonNull("thinkingLevel") && !isUnspecifiedLevel(tc.get("thinkingLevel").asText());
        long budget = tc.path("thinkingBudget").asLong(0);
        String level = tc.path("thinkingLevel").asText(null);
        if (hasBudget && hasLevel) {
            return "Unable to submit request because thinking_budget and thinking_level are both set. "
                    + "You can only set one of thinking budget and thinking level.";
        }
        if (t.none()) {
            if (hasLevel || hasBudget && budget != 0) {
                return "Thinking is not supported by " + model.name() + ".";
            }
            return null;
        }
        if (hasLevel) {
            if (t.budgetDialect()) {
                return "Thinking level is not supported for " + model.name() + ". Use thinking_budget instead.";
            }
            if (t.level(level) == null) {
                return "Thinking level " + level + " is not supported for " + model.name() + ". Supported levels: "
                        + String.join(", ", t.levels()) + ".";
            }
            return null;
        }
        if (hasBudget) {
            if (budget == -1) {
                return null;
            }
            if (budget == 0) {
                return t.canDisable() ? null : "Budget 0 is invalid. This model only works in thinking mode.";
            }
            long min = t.budgetMin() == null ? 1 : Math.max(1, t.budgetMin());
            long max = t.budgetMax() == null ? Long.MAX_VALUE : t.budgetMax();
            if (budget < min || budget > max) {
                return "The thinking budget " + budget + " is invalid. Please choose a value between " + min
                        + " and " + max + ".";
            }
        }
        return null;
    }

    /** Why the request's top-level {@code serviceTier} is refused by {@code model}, or null. */
    static String tierProblem(ModelCatalog.Model model, JsonNode request) {
        String tier = serviceTier(request);
        if (tier == null) {
            return null;
        }
        switch (tier) {
            case "standard":
            case "priority":
                return null;
            case "flex":
                return model.flex() ? null : "The flex service tier is not supported for " + model.name() + ".";
            default:
                return "Invalid value at 'service_tier' (type.googleapis.com/google.ai.generativelanguage.v1beta."
                        + "ServiceTier), \"" + request.path("serviceTier").asText() + "\"";
        }
    }

    /**
     * The request's service tier, lower case without prefix ({@code flex}, {@code standard}, {@code priority}),
     * or null when none (or "unspecified") is sent. The SDK sends {@code "serviceTier":"flex"} at the top level.
     */
    static String serviceTier(JsonNode request) {
        String raw = request.path("serviceTier").asText(null);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("service_tier_")) {
            t = t.substring("service_tier_".length());
        }
        return "unspecified".equals(t) ? null : t;
    }

    private static boolean isUnspecifiedLevel(String level) {
        return level == null || level.isBlank() || "THINKING_LEVEL_UNSPECIFIED".equalsIgnoreCase(level);
    }

    /**
     * The thinking tokens the emulator's model spends on {@code request}, a function of the request alone:
     * {@code round(mean * (0.75 + 0.5 * u))}, where {@code u} in [0, 1) comes from the 64-bit FNV-1a hash of the
     * contents' text ({@link #unitOf}) and {@code mean} is {@code thinking.expected_tokens[setting]}:
     * {@code default} when no thinking setting is sent and the model thinks by default, or for budget -1;
     * the level's name for a thinking level; {@code off} (0) for budget 0. A model that does not think by
     * default, sent no setting, and a model without thinking spend 0. An explicit budget {@code n > 0} spends
     * {@code min(n, the value with mean = expected_tokens.default)}.
     */
    static long thoughts(ModelCatalog.Model model, JsonNode request) {
        ModelCatalog.Thinking t = model.thinking();
        if (t.none()) {
            return 0;
        }
        JsonNode tc = request.path("generationConfig").path("thinkingConfig");
        String level = tc.path("thinkingLevel").asText(null);
        double u = unitOf(contentsText(request));
        if (!isUnspecifiedLevel(level)) {
            String l = t.level(level);
            return draw(t.expected(l == null ? level.toLowerCase(Locale.ROOT) : l), u);
        }
        if (tc.hasNonNull("thinkingBudget")) {
            long budget = tc.get("thinkingBudget").asLong();
            if (budget == 0) {
                return draw(t.expected("off"), u);
            }
            long dynamic = draw(t.expected("default"), u);
            return budget < 0 ? dynamic : Math.min(budget, dynamic);
        }
        return t.onByDefault() ? draw(t.expected("default"), u) : 0;
    }

    private static long draw(long mean, double u) {
        return Math.round(mean * (0.75 + 0.5 * u));
    }

    /** A number in [0, 1) from the 64-bit FNV-1a hash of the UTF-8 bytes of {@code text}: its top 53 bits. */
    static double unitOf(String text) {
        return (fnv1a(text) >>> 11) * 0x1.0p-53;
    }

    /** 64-bit FNV-1a of the UTF-8 bytes of {@code text}. */
    static long fnv1a(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The hash seeded content faults are drawn with: FNV-1a of the request's compact JSON. */
    static long requestHash(JsonNode request) {
        return fnv1a(Json.text(request));
    }

    /** Every text part of {@code contents} (all roles), joined with newlines. */
    static String contentsText(JsonNode request) {
        return texts(request, true);
    }

    /** The response schema the request asks for ({@code responseJsonSchema} first), or null. */
    static JsonNode schema(JsonNode request) {
        JsonNode config = request.path("generationConfig");
        JsonNode schema = config.has("responseJsonSchema") ? config.get("responseJsonSchema")
                : config.has("_responseJsonSchema") ? config.get("_responseJsonSchema") : config.get("responseSchema");
        return schema == null || schema.isNull() ? null : schema;
    }

    /** A direct answer for a model outside the catalogue (no thinking, no limits), without faults. */
    static ObjectNode respond(String model, JsonNode request, Instant now) {
        return respond(ModelCatalog.Model.plain(model), request, now, Outcome.NORMAL, false);
    }

    /**
     * The answer of {@code model} to {@code request}. Thinking tokens ({@link #thoughts}) are spent first from
     * {@code maxOutputTokens}; the visible text gets the rest and is cut (finish reason {@code MAX_TOKENS}) when
     * it does not fit. With {@code reportTier}, {@code usageMetadata.trafficType} says which tier served the call.
     */
    static ObjectNode respond(ModelCatalog.Model model, JsonNode request, Instant now, Outcome outcome,
                              boolean reportTier) {
        String prompt = promptText(request);
        long promptTokens = Tokens.ofRequest(request);
        ObjectNode response = Json.object();
        if (outcome == Outcome.BLOCKED_SAFETY || outcome == Outcome.BLOCKED_OTHER) {
            ObjectNode feedback = response.putObject("promptFeedback");
            feedback.put("blockReason", outcome == Outcome.BLOCKED_SAFETY ? "SAFETY" : "OTHER");
            if (outcome == Outcome.BLOCKED_SAFETY) {
                feedback.set("safetyRatings", safetyRatings(true));
            }
            usage(response, model, request, promptTokens, 0, 0, reportTier);
            response.put("modelVersion", modelVersion(model.id()));
            response.put("responseId", responseId(model.id(), prompt));
            return response;
        }
        NewsReading news = NewsReading.of(prompt);
        JsonNode config = request.path("generationConfig");
        JsonNode schema = schema(request);
        boolean json = config.path("responseMimeType").asText("").contains("json");
        String text;
        if (schema != null) {
            text = Json.text(SchemaAnswer.answer(schema, news, now));
        } else if (json) {
            text = Json.text(SchemaAnswer.newsObject(news));
        } else {
            text = NewsReading.MARK + news.summary();
        }
        long thoughts = thoughts(model, request);
        long answerTokens = Tokens.of(text);
        String finish = "STOP";
        long maxOut = config.path("maxOutputTokens").asLong(0);
        if (maxOut > 0 && thoughts >= maxOut) {
            thoughts = maxOut;
            text = null;
            answerTokens = 0;
            finish = "MAX_TOKENS";
        } else if (maxOut > 0 && thoughts + answerTokens > maxOut) {
            long room = maxOut - thoughts;
            text = text.substring(0, text.offsetByCodePoints(0, (int) Math.min(text.codePointCount(0, text.length()),
                    room * 4)));
            answerTokens = Tokens.of(text);
            finish = "MAX_TOKENS";
        }
        if (outcome == Outcome.SAFETY || outcome == Outcome.RECITATION) {
            text = null;
            answerTokens = 0;
            finish = outcome.name();
        }
        boolean includeThoughts = config.path("thinkingConfig").path("includeThoughts").asBoolean(false);
        ObjectNode candidate = response.putArray("candidates").addObject();
        if (text != null || includeThoughts && thoughts > 0) {
            ObjectNode content = candidate.putObject("content");
            ArrayNode parts = content.putArray("parts");
            if (includeThoughts && thoughts > 0) {
                parts.addObject().put("text", "**Reading the article**\n" + THOUGHT_SUMMARY).put("thought", true);
            }
            if (text != null) {
                parts.addObject().put("text", text);
            }
            content.put("role", "model");
        }
        candidate.put("finishReason", finish);
        if (outcome == Outcome.SAFETY) {
            candidate.set("safetyRatings", safetyRatings(true));
        }
        candidate.put("index", 0);
        usage(response, model, request, promptTokens, answerTokens, thoughts, reportTier);
        response.put("modelVersion", modelVersion(model.id()));
        response.put("responseId", responseId(model.id(), prompt));
        return response;
    }

    private static final String THOUGHT_SUMMARY = "I am reading the article, finding the companies it names and "
            + "deciding whether it is financial news.";

    private static void usage(ObjectNode response, ModelCatalog.Model model, JsonNode request, long prompt,
                              long candidates, long thoughts, boolean reportTier) {
        ObjectNode usage = response.putObject("usageMetadata");
        usage.put("promptTokenCount", prompt);
        if (candidates > 0) {
            usage.put("candidatesTokenCount", candidates);
        }
        usage.put("totalTokenCount", prompt + candidates + thoughts);
        usage.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", prompt);
        if (thoughts > 0) {
            usage.put("thoughtsTokenCount", thoughts);
        }
        if (reportTier) {
            String tier = serviceTier(request);
            usage.put("trafficType", "flex".equals(tier) ? "ON_DEMAND_FLEX"
                    : "priority".equals(tier) ? "ON_DEMAND_PRIORITY" : "ON_DEMAND");
        }
    }

    /** Google's four harm categories; with {@code blocked}, the dangerous-content one is HIGH and blocked. */
    private static ArrayNode safetyRatings(boolean blocked) {
        ArrayNode ratings = Json.array();
        for (String category : new String[] {"HARM_CATEGORY_SEXUALLY_EXPLICIT", "HARM_CATEGORY_HATE_SPEECH",
                "HARM_CATEGORY_HARASSMENT", "HARM_CATEGORY_DANGEROUS_CONTENT"}) {
            ObjectNode r = ratings.addObject().put("category", category);
            if (blocked && "HARM_CATEGORY_DANGEROUS_CONTENT".equals(category)) {
                r.put("probability", "HIGH").put("blocked", true);
            } else {
                r.put("probability", "NEGLIGIBLE");
            }
        }
        return ratings;
    }

    /** All text of the user turns (the system instruction is not the article). */
    static String promptText(JsonNode request) {
        return texts(request, false);
    }

    /** The text parts of {@code contents}, joined with newlines; the model's turns only when {@code modelTurns}. */
    private static String texts(JsonNode request, boolean modelTurns) {
        StringBuilder b = new StringBuilder();
        for (JsonNode content : request.path("contents")) {
            if (!modelTurns && "model".equals(content.path("role").asText())) {
                continue;
            }
            for (JsonNode part : content.path("parts")) {
                if (part.has("text")) {
                    if (b.length() > 0) {
                        b.append('\n');
                    }
                    b.append(part.get("text").asText());
                }
            }
        }
        return b.toString();
    }

    private static String responseId(String model, String prompt) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((model + "\n" + prompt).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
