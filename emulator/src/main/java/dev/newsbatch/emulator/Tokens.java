package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The emulator's token count: one token per 4 Unicode code points of text, rounded up, per text part;
 * 258 tokens per non-text part (inline or file data). The same count feeds {@code countTokens},
 * {@code usageMetadata}, quotas and batch timings.
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

    /** Prompt tokens of a {@code GenerateContentRequest}: system instruction plus contents. */
    static long ofRequest(JsonNode request) {
        return ofContents(request.path("systemInstruction")) + ofContents(request.path("contents"));
    }
}
