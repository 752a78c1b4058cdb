package dev.newsbatch.internal;

/**
 * A thinking setting resolved for one model: what goes on the wire and what it is assumed to cost.
 *
 * <pre>{@code
 * ThinkingChoice c = ModelCatalog.defaults().require("gemini-2.5-flash").thinking().resolve(Thinking.off());
 * c.budget();            // 0: thinkingConfig {"thinkingBudget": 0}
 * }</pre>
 *
 * @param budget         the {@code thinkingBudget} to send, or null
 * @param level          the {@code thinkingLevel} to send (upper case, as the SDK writes it), or null
 * @param expectedTokens assumed thinking tokens per request (from the catalogue)
 * @param description    how the estimate names it, e.g. {@code level minimal}
 */
public record ThinkingChoice(Integer budget, String level, long expectedTokens, String description) {
    public ThinkingChoice {
        if (budget != null && level != null) {
            throw new IllegalArgumentException("a thinking setting is a budget or a level, never both");
        }
        Checks.atLeast(expectedTokens, 0, "expectedTokens");
    }

    /** No {@code thinkingConfig} sent. */
    public boolean sendsNothing() {
        return budget == null && level == null;
    }
}
