package dev.newsbatch;

import dev.newsbatch.internal.Checks;
import java.util.Locale;

/**
 * How much a model may think before it answers. Thinking tokens are billed as output, so the
 * default is {@link #least()}: the least thinking the model allows (off for Gemini 2.5 Flash, a
 * budget of 128 for 2.5 Pro, the lowest level for Gemini 3). The setting is sent as
 * {@code thinkingConfig} in each request, in the model's own dialect ({@code thinkingBudget} for
 * Gemini 2.5, {@code thinkingLevel} for Gemini 3), and checked against the model catalogue before
 * anything is sent.
 *
 * <pre>{@code
 * Batches.from(articles).thinking(Thinking.off());                      // Gemini 2.5 Flash
 * Batches.from(articles).thinking(Thinking.level(Thinking.Level.LOW));   // Gemini 3
 * Thinking.parse("1024");                                                 // a budget
 * }</pre>
 *
 * @param kind   which setting
 * @param budget the token budget for {@link Kind#BUDGET} (-1 = dynamic), else 0
 * @param level  the level for {@link Kind#LEVEL}, else null
 */
public record Thinking(Kind kind, int budget, Level level) {

    /** The kinds of setting. */
    public enum Kind {
        /** The least thinking the model allows. */
        LEAST,
        /** Whatever the model does when told nothing (often dynamic thinking: the costliest). */
        MODEL_DEFAULT,
        /** No thinking; refused for models that cannot turn it off. */
        OFF,
        /** A token budget ({@code thinkingBudget}, Gemini 2.5). */
        BUDGET,
        /** A level ({@code thinkingLevel}, Gemini 3). */
        LEVEL
    }

    /** Gemini 3's thinking levels, least first; each model accepts some of them. */
    public enum Level { MINIMAL, LOW, MEDIUM, HIGH }

    public Thinking {
        Checks.notNull(kind, "kind");
        if (kind == Kind.BUDGET) {
            Checks.atLeast(budget, -1, "thinking budget");
        } else if (budget != 0) {
            throw new IllegalArgumentException("thinking budget is only for Kind.BUDGET, was " + budget);
        }
        if ((kind == Kind.LEVEL) != (level != null)) {
            throw new IllegalArgumentException("thinking level must be given exactly for Kind.LEVEL");
        }
    }

    /** The least thinking the model allows: the default. */
    public static Thinking least() {
        return new Thinking(Kind.LEAST, 0, null);
    }

    /** No {@code thinkingConfig} at all: the model's own default. */
    public static Thinking modelDefault() {
        return new Thinking(Kind.MODEL_DEFAULT, 0, null);
    }

    /** Thinking turned off (budget 0). */
    public static Thinking off() {
        return new Thinking(Kind.OFF, 0, null);
    }

    /** At most {@code tokens} thinking tokens; -1 lets the model decide (dynamic). */
    public static Thinking budget(int tokens) {
        return new Thinking(Kind.BUDGET, tokens, null);
    }

    /** A thinking level. */
    public static Thinking level(Level level) {
        return new Thinking(Kind.LEVEL, 0, Checks.notNull(level, "level"));
    }

    /**
     * Reads the form the CLI and REST API take: {@code least}, {@code default}, {@code off}, a
     * budget ({@code 1024}, {@code -1} or {@code dynamic}) or a level ({@code minimal}, {@code low},
     * {@code medium}, {@code high}).
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Thinking parse(String text) {
        String t = Checks.notBlank(text, "thinking").trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "least": return least();
            case "default": return modelDefault();
            case "off": case "none": case "0": return off();
            case "dynamic": return budget(-1);
            default: break;
        }
        for (Level l : Level.values()) {
            if (l.name().toLowerCase(Locale.ROOT).equals(t)) {
                return level(l);
            }
        }
        if (t.matches("-?\\d{1,9}")) {
            int n = Integer.parseInt(t);
            if (n >= -1) {
                return budget(n);
            }
        }
        throw new IllegalArgumentException("thinking must be least, default, off, dynamic, a budget in tokens "
                + "(e.g. 1024) or a level (minimal, low, medium, high), was \"" + text + "\"");
    }

    /** The form {@link #parse(String)} reads. */
    @Override
    public String toString() {
        return switch (kind) {
            case LEAST -> "least";
            case MODEL_DEFAULT -> "default";
            case OFF -> "off";
            case BUDGET -> budget == -1 ? "dynamic" : Integer.toString(budget);
            case LEVEL -> level.name().toLowerCase(Locale.ROOT);
        };
    }
}
