package dev.newsbatch.plan;

import dev.newsbatch.Article;
import dev.newsbatch.internal.Checks;

/**
 * The parts every request shares: the prompt around the article (with {@code {title}} and
 * {@code {contents}} placeholders), the system instruction and the response schema (JSON text).
 * Estimators add them to each article's own text; the planner also sizes each request's JSONL line
 * from them, in UTF-8 bytes after JSON escaping, so that input files stay under the size limit.
 *
 * <pre>{@code
 * RequestTemplate t = RequestTemplate.of("Classify this article.\nTitle: {title}\n\n{contents}",
 *         "You are a financial news analyst.", schemaJson);
 * long bytes = t.jsonBytes(article);
 * }</pre>
 *
 * @param prompt            the user prompt; placeholders are replaced by the article's title and text
 * @param systemInstruction the system instruction, or empty
 * @param responseSchema    the response schema as JSON text, or empty
 */
public record RequestTemplate(String prompt, String systemInstruction, String responseSchema) {

    /**
     * The JSON of a Batch API request line without any text: the keys and punctuation that
     * surround the key, the prompt, the system instruction and the schema.
     */
    static final String ENVELOPE = "{\"key\":\"\",\"request\":{\"contents\":[{\"role\":\"user\",\"parts\":"
            + "[{\"text\":\"\"}]}],\"systemInstruction\":{\"parts\":[{\"text\":\"\"}]},"
            + "\"generationConfig\":{\"responseMimeType\":\"application/json\",\"responseSchema\":}}}\n";

    public RequestTemplate {
        Checks.notNull(prompt, "prompt");
        systemInstruction = systemInstruction == null ? "" : systemInstruction;
        responseSchema = responseSchema == null ? "" : responseSchema;
    }

    /** A template from its three parts. */
    public static RequestTemplate of(String prompt, String systemInstruction, String responseSchema) {
        return new RequestTemplate(prompt, systemInstruction, responseSchema);
    }

    /** A template with no text of its own: the request is the article's title and text. */
    public static RequestTemplate none() {
        return new RequestTemplate("{title}\n\n{contents}", "", "");
    }

    /** The shared text with the placeholders removed. */
    public String fixedText() {
        return promptWithoutPlaceholders() + "\n" + systemInstruction + "\n" + responseSchema;
    }

    /** Characters of the shared text (without placeholders). */
    public long fixedChars() {
        return promptWithoutPlaceholders().length() + systemInstruction.length() + responseSchema.length();
    }

    /** The article's own part of the prompt. */
    public static String articleText(Article a) {
        return a.title() + "\n\n" + a.contents();
    }

    /** The full prompt text for {@code a}. */
    public String render(Article a) {
        String p = prompt.replace("{title}", a.title());
        if (p.contains("{contents}")) {
            return p.replace("{contents}", a.contents());
        }
        return p + "\n\n" + a.contents();
    }

    /** Bytes of the shared parts in a JSONL request line, envelope included. */
    public long fixedJsonBytes() {
        return ENVELOPE.length() + JsonBytes.escaped(promptWithoutPlaceholders())
                + JsonBytes.escaped(systemInstruction) + JsonBytes.raw(responseSchema.strip());
    }

    /** Estimated bytes of {@code a}'s JSONL request line (the key is taken as the article id). */
    public long jsonBytes(Article a) {
        return fixedJsonBytes() + JsonBytes.escaped(a.id()) + JsonBytes.escaped(a.title())
                + JsonBytes.escaped(a.contents()) + 4;
    }

    private String promptWithoutPlaceholders() {
        return prompt.replace("{title}", "").replace("{contents}", "");
    }

    @Override
    public String toString() {
        return "RequestTemplate[prompt=" + Checks.abbreviate(prompt.replace('\n', ' '), 40)
                + ", systemChars=" + systemInstruction.length() + ", schemaChars=" + responseSchema.length() + "]";
    }
}
