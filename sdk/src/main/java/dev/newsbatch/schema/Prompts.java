package dev.newsbatch.schema;

import dev.newsbatch.internal.Checks;

/**
 * The instructions sent with every article: a system instruction and a prompt template with
 * {@code {title}} and {@code {contents}} placeholders.
 *
 * <pre>{@code
 * Prompts p = Prompts.ofDefaults().template("Headline: {title}\n\n{contents}");
 * p.render("Rates rise", "The central bank ...");
 * }</pre>
 *
 * @param systemInstruction what the model is asked to be and do
 * @param template          the user prompt; {@code {title}} and {@code {contents}} are replaced
 */
public record Prompts(String systemInstruction, String template) {

    /** The default system instruction. */
    public static final String DEFAULT_SYSTEM_INSTRUCTION =
            "You are a financial news analyst. Read the news article and classify it. "
            + "Decide whether it is financial news (is_financial: Yes or No), list the economic sectors "
            + "and the companies it concerns, judge its overall sentiment (Positive, Negative or Neutral), "
            + "give your confidence from 0 to 10, and write a two or three sentence summary in English "
            + "(summary_en) and in Turkish (summary_tr). Answer only with JSON that follows the schema.";

    /** The default prompt template, as in the original system. */
    public static final String DEFAULT_TEMPLATE = "Title: {title}\n\nContent: {contents}";

    public Prompts {
        Checks.notNull(systemInstruction, "systemInstruction");
        Checks.notBlank(template, "template");
        if (!template.contains("{contents}")) {
            throw new IllegalArgumentException("template must contain {contents}, was \""
                    + Checks.abbreviate(template, 60) + "\"");
        }
    }

    /** The default instruction and template. */
    public static Prompts ofDefaults() {
        return new Prompts(DEFAULT_SYSTEM_INSTRUCTION, DEFAULT_TEMPLATE);
    }

    /** A copy with another system instruction. */
    public Prompts systemInstruction(String instruction) {
        return new Prompts(instruction, template);
    }

    /** A copy with another template. */
    public Prompts template(String newTemplate) {
        return new Prompts(systemInstruction, newTemplate);
    }

    /** The prompt for one article. */
    public String render(String title, String contents) {
        return template.replace("{title}", title == null ? "" : title).replace("{contents}", contents);
    }

    @Override
    public String toString() {
        return "Prompts[system=" + Checks.abbreviate(systemInstruction, 40) + ", template="
                + Checks.abbreviate(template.replace("\n", "\\n"), 40) + "]";
    }
}
