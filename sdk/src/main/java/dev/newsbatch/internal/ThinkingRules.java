package dev.newsbatch.internal;

import dev.newsbatch.Thinking;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one model accepts for thinking, from the catalogue, and the one place a {@link Thinking}
 * setting becomes the model's own dialect: {@code thinkingBudget} (Gemini 2.5) or
 * {@code thinkingLevel} (Gemini 3), never both.
 *
 * <pre>{@code
 * ThinkingRules r = ModelCatalog.defaults().require("gemini-2.5-pro").thinking();
 * r.resolve(Thinking.least(), "gemini-2.5-pro");   // budget 128: 2.5 Pro cannot turn thinking off
 * }</pre>
 *
 * @param dialect        how the model takes the setting
 * @param onByDefault    whether the model thinks when told nothing
 * @param canDisable     whether budget 0 is accepted
 * @param budgetMin      the smallest non-zero budget (budget dialect), else 0
 * @param budgetMax      the largest budget (budget dialect), else 0
 * @param levels         accepted levels, least first, lower case (level dialect)
 * @param least          the least setting, as {@link Thinking#parse(String)} reads it
 * @param expectedTokens assumed thinking tokens per request: {@code default}, {@code off}, per level
 * @param expectedSource where the assumption comes from
 */
public record ThinkingRules(Dialect dialect, boolean onByDefault, boolean canDisable, int budgetMin, int budgetMax,
                            List<String> levels, String least, Map<String, Long> expectedTokens,
                            String expectedSource) {

    /** How a model takes its thinking setting. */
    public enum Dialect { BUDGET, LEVEL, NONE }

    public ThinkingRules {
        levels = List.copyOf(levels);
        expectedTokens = Map.copyOf(expectedTokens);
    }

    /**
     * The wire setting and assumed cost of {@code t} on {@code model}.
     *
     * @throws IllegalArgumentException naming the setting and what the model accepts when it refuses it
     */
    public ThinkingChoice resolve(Thinking t, String model) {
        return switch (t.kind()) {
            case LEAST -> resolve(Thinking.parse(least), model);
            case MODEL_DEFAULT -> new ThinkingChoice(null, null, defaultTokens(), "model default");
            case OFF -> off(model);
            case BUDGET -> budget(t.budget(), model);
            case LEVEL -> level(t.level(), model);
        };
    }

    private ThinkingChoice off(String model) {
        if (dialect == Dialect.NONE) {
            return new ThinkingChoice(null, null, 0, "none (model does not think)");
        }
        if (!canDisable) {
            throw refuse(model, "cannot turn thinking off; the least it allows is " + least
                    + " (thinking least)");
        }
        return new ThinkingChoice(0, null, 0, "off");
    }

    private ThinkingChoice budget(int budget, String model) {
        if (budget == 0) {
            return off(model);
        }
        if (dialect != Dialect.BUDGET) {
            throw refuse(model, dialect == Dialect.LEVEL
                    ? "takes a thinking level (" + String.join(", ", levels) + "), not a budget"
                    : "does not think; give thinking off");
        }
        if (budget == -1) {
            return new ThinkingChoice(-1, null, tokens("default"), "dynamic budget");
        }
        if (budget < budgetMin || budget > budgetMax) {
            throw refuse(model, "takes a thinking budget of " + budgetMin + " to " + budgetMax
                    + (canDisable ? ", 0 (off)" : "") + " or -1 (dynamic), was " + budget);
        }
        return new ThinkingChoice(budget, null, Math.min(budget, tokens("default")), "budget " + budget);
    }

    private ThinkingChoice level(Thinking.Level level, String model) {
        String name = level.name().toLowerCase(Locale.ROOT);
        if (dialect != Dialect.LEVEL) {
            throw refuse(model, dialect == Dialect.BUDGET
                    ? "takes a thinking budget (" + budgetMin + " to " + budgetMax + "), not a level"
                    : "does not think; give thinking off");
        }
        if (!levels.contains(name)) {
            throw refuse(model, "takes the thinking levels " + String.join(", ", levels) + ", was " + name);
        }
        Long expected = expectedTokens.get(name);
        return new ThinkingChoice(null, level.name(), expected == null ? defaultTokens() : expected, "level " + name);
    }

    private long defaultTokens() {
        return onByDefault ? tokens("default") : 0;
    }

    private long tokens(String key) {
        return expectedTokens.getOrDefault(key, expectedTokens.getOrDefault("default", 0L));
    }

    private static IllegalArgumentException refuse(String model, String why) {
        return new IllegalArgumentException("thinking: model " + model + " " + why);
    }

    /** A line for listings, e.g. {@code budget 0-24576, off allowed, on by default}. */
    public String describe() {
        return switch (dialect) {
            case NONE -> "none";
            case BUDGET -> "budget " + budgetMin + "-" + budgetMax + (canDisable ? ", can turn off" : ", always on")
                    + (onByDefault ? ", on by default" : ", off by default");
            case LEVEL -> "levels " + String.join("/", levels) + (canDisable ? "" : ", always on");
        };
    }
}
