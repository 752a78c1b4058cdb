package dev.newsbatch.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.Article;
import dev.newsbatch.internal.Checks;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.Prompts;

/**
 * What every request of a run shares: model, prompts and the response schema. Renders one article
 * as a {@code GenerateContentRequest} in Google's batch JSONL format.
 *
 * <pre>{@code
 * RequestTemplate t = new RequestTemplate("gemini-2.5-flash", Prompts.ofDefaults(), ClassificationSchema.news());
 * String line = t.line(Article.of("a1", "Rates rise", "..."));   // {"key":"a-a1","request":{...}}
 * }</pre>
 *
 * @param model   the Gemini model
 * @param prompts system instruction and prompt template
 * @param schema  the classification schema
 */
public record RequestTemplate(String model, Prompts prompts, ClassificationSchema<?> schema) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RequestTemplate {
        Checks.notBlank(model, "model");
        Checks.notNull(prompts, "prompts");
        Checks.notNull(schema, "schema");
    }

    /** The JSON shared by every request after {@code contents}: system instruction and generation config. */
    public String sharedTail() {
        ObjectNode tail = JSON.createObjectNode();
        if (!prompts.systemInstruction().isBlank()) {
            tail.putObject("systemInstruction").putArray("parts").addObject()
                    .put("text", prompts.systemInstruction());
        }
        ObjectNode generation = tail.putObject("generationConfig");
        generation.put("responseMimeType", "application/json");
        generation.set("responseSchema", schema.responseSchema());
        String json = tail.toString();
        return json.substring(1, json.length() - 1);
    }

    /** The fixed characters every request carries besides the article (instruction, template, schema). */
    public int overheadChars() {
        return prompts.systemInstruction().length() + prompts.render("", "").length()
                + schema.responseSchema().toString().length();
    }

    /** The prompt text for one article. */
    public String prompt(Article article) {
        return prompts.render(article.title(), article.contents());
    }

    /** One JSONL line (without the newline). */
    public String line(Article article) {
        ObjectNode line = JSON.createObjectNode();
        line.put("key", RequestKeys.of(article.id()));
        ObjectNode request = line.putObject("request");
        request.putArray("contents").addObject().put("role", "user").putArray("parts").addObject()
                .put("text", prompt(article));
        String head = line.toString();
        return head.substring(0, head.length() - 2) + "," + sharedTail() + "}}";
    }

    @Override
    public String toString() {
        return "RequestTemplate[" + model + ", " + schema.type().getSimpleName() + "]";
    }
}
