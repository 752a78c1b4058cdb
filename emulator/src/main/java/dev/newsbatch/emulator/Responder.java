package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * Answers one {@code GenerateContentRequest} the way the emulator's offline model does: a schema-valid JSON
 * answer when a response schema (or JSON MIME type) is asked for, else a plain-text lead summary. Never emits
 * a {@code continuationToken}. The answer depends only on the request, so results are reproducible.
 */
final class Responder {
    private Responder() {}

    /** Model names the emulator serves: any {@code gemini-*} model, with or without {@code models/}. */
    static boolean knownModel(String model) {
        String m = model.startsWith("models/") ? model.substring(7) : model;
        return m.startsWith("gemini-") && m.matches("[a-z0-9.-]+");
    }

    /** The {@code modelVersion} the emulator reports, e.g. {@code gemini-2.5-flash-emulator}. */
    static String modelVersion(String model) {
        return (model.startsWith("models/") ? model.substring(7) : model) + "-emulator";
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

    static ObjectNode respond(String model, JsonNode request, Instant now) {
        String prompt = promptText(request);
        NewsReading news = NewsReading.of(prompt);
        JsonNode config = request.path("generationConfig");
        JsonNode schema = config.has("responseJsonSchema") ? config.get("responseJsonSchema")
                : config.has("_responseJsonSchema") ? config.get("_responseJsonSchema") : config.get("responseSchema");
        boolean json = config.path("responseMimeType").asText("").contains("json");
        String text;
        if (schema != null && !schema.isNull()) {
            text = Json.text(SchemaAnswer.answer(schema, news, now));
        } else if (json) {
            text = Json.text(SchemaAnswer.newsObject(news));
        } else {
            text = NewsReading.MARK + news.summary();
        }
        long promptTokens = Tokens.ofRequest(request);
        long answerTokens = Tokens.of(text);
        String finish = "STOP";
        long maxOut = config.path("maxOutputTokens").asLong(0);
        if (maxOut > 0 && answerTokens > maxOut) {
            text = text.substring(0, text.offsetByCodePoints(0, (int) Math.min(text.codePointCount(0, text.length()),
                    maxOut * 4)));
            answerTokens = Tokens.of(text);
            finish = "MAX_TOKENS";
        }
        ObjectNode response = Json.object();
        ObjectNode candidate = response.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        candidate.put("finishReason", finish);
        candidate.put("index", 0);
        ObjectNode usage = response.putObject("usageMetadata");
        usage.put("promptTokenCount", promptTokens);
        usage.put("candidatesTokenCount", answerTokens);
        usage.put("totalTokenCount", promptTokens + answerTokens);
        usage.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", promptTokens);
        response.put("modelVersion", modelVersion(model));
        response.put("responseId", responseId(model, prompt));
        return response;
    }

    /** All text of the user turns (the system instruction is not the article). */
    static String promptText(JsonNode request) {
        StringBuilder b = new StringBuilder();
        for (JsonNode content : request.path("contents")) {
            if ("model".equals(content.path("role").asText())) {
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
