package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The emulator's token count: one token per 4 Unicode code points of text, rounded up, per text part;
 * 258 tokens per non-text part (inline or file data). The same count feeds {@code countTokens},
 * {@code usageMetadata}, quotas and batch timings. A request's prompt also counts its system instruction
 * and its response schema; {@code countTokens} counts only the {@code contents} it is sent.
 */
final class Tokens {
    static final int NON_TEXT_PART = 258;

    private Tokens() {}

    static long of(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return (text.codePointCount(0, text.length()) + 3) / 4;
    }

    /** Tokens of a {@code Content} list (or a single {@code Content}). */
    static long ofContents(JsonNode contents) {
        long sum = 0;
        if (contents == null || contents.isNull()) {
            return 0;
        }
        if (contents.isArray()) {
            for (JsonNode c : contents) {
                sum += ofContents(c);
            }
            return sum;
        }
        for (JsonNode part : contents.path("parts")) {
            if (part.has("text")) {
                sum += of(part.path("text").asText());
            } else if (part.size() > 0) {
                sum += NON_TEXT_PART;
            }
        }
        return sum;
    }

    /**
     * Prompt tokens of a {@code GenerateContentRequest}: system instruction plus contents plus the response
     * schema ({@code generationConfig.responseSchema} and/or {@code responseJsonSchema}), each schema counted as
     * the text of its compact JSON serialisation, as received.
     */
    static long ofRequest(JsonNode request) {
        return ofContents(request.path("systemInstruction")) + ofContents(request.path("contents"))
                + ofSchemas(request.path("generationConfig"));
    }

    /** Tokens of the response schemas in a {@code generationConfig}. */
    static long ofSchemas(JsonNode config) {
        long sum = 0;
        for (String field : new String[] {"responseSchema", "responseJsonSchema", "_responseJsonSchema"}) {
            JsonNode schema = config.get(field);
            if (schema != null && !schema.isNull() && !schema.isMissingNode()) {
                sum += of(Json.text(schema));
            }
        }
        return sum;
    }
}
