package dev.newsbatch.internal.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.newsbatch.Article;
import dev.newsbatch.RunConfig;
import dev.newsbatch.Thinking;
import dev.newsbatch.internal.CatalogModel;
import dev.newsbatch.internal.Checks;
import dev.newsbatch.internal.ModelCatalog;
import dev.newsbatch.internal.ThinkingChoice;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.Prompts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * What every request of a run shares (model, prompts, response schema), and the one place that
 * renders an article as a Batch API request line in Google's JSONL format. The request files are
 * written through {@link #write(LineBuffer, Article)} (the fixed bytes of a line copied, the article's
 * text escaped into them), and {@link #lineBytes(Article)} counts the bytes of that same rendering, so the
 * planner's file sizes are the files' sizes. Estimators read the shared text from here too.
 *
 * <pre>{@code
 * RequestTemplate t = RequestTemplate.of(RunConfig.ofDefaults(Path.of("batch_jobs")));
 * String line = t.line(Article.of("a1", "Rates rise", "..."));   // {"key":"a-a1","request":{...}}
 * long bytes = t.lineBytes(article);                             // UTF-8 bytes with the newline
 * }</pre>
 *
 * @param model   the Gemini model (empty for a template that only sizes text)
 * @param prompts system instruction and prompt template
 * @param schema  the response schema, or null for requests without one
 * @param thinking the thinking setting resolved for the model ({@code thinkingConfig} in each line)
 */
public record RequestTemplate(String model, Prompts prompts, ClassificationSchema<?> schema,
                              ThinkingChoice thinking) {
    /** What a template without a thinking setting sends: no {@code thinkingConfig}, none assumed. */
    public static final ThinkingChoice NO_THINKING_CONFIG = new ThinkingChoice(null, null, 0, "not set");
    /** Each template's line taken apart once (see {@link RequestLineFormat}). */
    private static final java.util.Map<RequestTemplate, RequestLineFormat> FORMATS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<ClassificationSchema<?>, String> SCHEMA_JSON =
            new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The parts every line repeats (the schema's JSON, the system instruction), encoded to UTF-8 once
     * (a {@link SerializedString} keeps its bytes) so each line copies them instead of encoding them again.
     */
    private static final java.util.Map<String, SerializedString> ENCODED =
            new java.util.concurrent.ConcurrentHashMap<>();

    public RequestTemplate {
        Checks.notNull(model, "model");
        Checks.notNull(prompts, "prompts");
        thinking = thinking == null ? NO_THINKING_CONFIG : thinking;
    }

    /** A template that sends no {@code thinkingConfig}. */
    public RequestTemplate(String model, Prompts prompts, ClassificationSchema<?> schema) {
        this(model, prompts, schema, NO_THINKING_CONFIG);
    }

    /**
     * The template of a run's settings, its thinking setting resolved for the model by the catalogue.
     *
     * @throws IllegalArgumentException when the model refuses the thinking setting
     */
    public static RequestTemplate of(RunConfig config) {
        Checks.notNull(config, "config");
        return new RequestTemplate(config.model(), config.prompts(), config.classificationSchema(),
                thinkingOf(config.model(), config.thinking()));
    }

    /**
     * {@code thinking} in the dialect of {@code model}; for a model the catalogue does not know, only
     * the least or the model's own default can be honoured, by sending nothing.
     */
    public static ThinkingChoice thinkingOf(String model, Thinking thinking) {
        Optional<CatalogModel> m = ModelCatalog.defaults().model(model);
        if (m.isPresent()) {
            return m.get().thinking().resolve(thinking, m.get().id());
        }
        if (thinking.kind() == Thinking.Kind.LEAST || thinking.kind() == Thinking.Kind.MODEL_DEFAULT) {
            return new ThinkingChoice(null, null, 0, "not set (model not in the catalogue)");
        }
        return switch (thinking.kind()) {
            case OFF -> new ThinkingChoice(0, null, 0, "off");
            case BUDGET -> new ThinkingChoice(thinking.budget(), null, Math.max(0, thinking.budget()),
                    "budget " + thinking.budget());
            default -> new ThinkingChoice(null, thinking.level().name(), 0, "level " + thinking);
        };
    }

    /** A template with no text of its own: the request is the article's title and text. */
    public static RequestTemplate none() {
        return new RequestTemplate("", new Prompts("", "{title}\n\n{contents}"), null);
    }

    /**
     * The output tokens billed for a request whose visible answer is {@code answerTokens}: the answer
     * plus the thinking assumed for the template's setting (billed as output).
     */
    public long billedOutputTokens(long answerTokens) {
        return answerTokens + thinking.expectedTokens();
    }

    /** The prompt text for one article. */
    public String prompt(Article article) {
        return prompts.render(article.title(), article.contents());
    }

    /**
     * Writes one article's request line, without the newline, through a Jackson generator: the plain way,
     * which {@link #write(LineBuffer, Article)} matches byte for byte.
     */
    public void write(JsonGenerator json, Article article) throws IOException {
        write(json, RequestKeys.of(article.id()), prompt(article));
    }

    /**
     * Appends one article's request line, without the newline: the template's fixed bytes copied and the
     * article's text escaped into {@code out} (how request files are written).
     */
    public void write(LineBuffer out, Article article) throws IOException {
        format().write(out, article);
    }

    /** The one definition of a request line's structure: the line of {@code key} with prompt {@code text}. */
    void write(JsonGenerator json, String key, String text) throws IOException {
        json.writeStartObject();
        json.writeStringField("key", key);
        json.writeObjectFieldStart("request");
        json.writeArrayFieldStart("contents");
        json.writeStartObject();
        json.writeStringField("role", "user");
        json.writeArrayFieldStart("parts");
        json.writeStartObject();
        json.writeStringField("text", text);
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        if (!prompts.systemInstruction().isBlank()) {
            json.writeObjectFieldStart("systemInstruction");
            json.writeArrayFieldStart("parts");
            json.writeStartObject();
            json.writeFieldName("text");
            json.writeString(encoded(prompts.systemInstruction()));
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
        if (schema != null || !thinking.sendsNothing()) {
            json.writeObjectFieldStart("generationConfig");
            if (schema != null) {
                json.writeStringField("responseMimeType", "application/json");
                json.writeFieldName("responseSchema");
                json.writeRawValue(encoded(schemaJson()));
            }
            if (!thinking.sendsNothing()) {
                json.writeObjectFieldStart("thinkingConfig");
                if (thinking.budget() != null) {
                    json.writeNumberField("thinkingBudget", thinking.budget());
                } else {
                    json.writeStringField("thinkingLevel", thinking.level());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** One request line (without the newline). */
    public String line(Article article) {
        LineBuffer out = new LineBuffer(null, 0);
        try {
            write(out, article);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** The UTF-8 bytes of one article's request line in a request file, newline included. */
    public long lineBytes(Article article) {
        return format().length(article) + 1;
    }

    /** The shared text every request carries besides the article: prompt, instruction and schema. */
    public String fixedText() {
        return prompts.render("", "") + "\n" + prompts.systemInstruction() + "\n" + schemaJson();
    }

    /** Characters of the shared text. */
    public long fixedChars() {
        return prompts.render("", "").length() + prompts.systemInstruction().length() + schemaJson().length();
    }

    /** The article's own part of the prompt. */
    public static String articleText(Article a) {
        return a.title() + "\n\n" + a.contents();
    }

    private static SerializedString encoded(String text) {
        SerializedString e = ENCODED.get(text);
        if (e == null) {
            if (ENCODED.size() > 64) {
                ENCODED.clear();   // many templates in one process: keep the cache small
            }
            e = ENCODED.computeIfAbsent(text, SerializedString::new);
        }
        return e;
    }

    private RequestLineFormat format() {
        RequestLineFormat f = FORMATS.get(this);
        if (f == null) {
            if (FORMATS.size() > 64) {
                FORMATS.clear();   // many templates in one process: keep the cache small
            }
            f = FORMATS.computeIfAbsent(this, RequestLineFormat::of);
        }
        return f;
    }

    private String schemaJson() {
        if (schema == null) {
            return "";
        }
        return SCHEMA_JSON.computeIfAbsent(schema, s -> s.responseSchema().toString());
    }

    @Override
    public String toString() {
        return "RequestTemplate[" + (model.isEmpty() ? "" : model + ", ")
                + (schema == null ? "no schema" : schema.type().getSimpleName()) + ", thinking "
                + thinking.description() + ", "
                + Checks.abbreviate(prompts.template().replace('\n', ' '), 40) + "]";
    }
}
