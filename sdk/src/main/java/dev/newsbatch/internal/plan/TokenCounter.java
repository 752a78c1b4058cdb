package dev.newsbatch.internal.plan;

/**
 * Counts the tokens of a text for a model, as Gemini's {@code countTokens} does. The Gemini gateway
 * implements it; tests pass a lambda.
 *
 * <pre>{@code
 * TokenCounter counter = (model, text) -> gateway.countTokens(model, text);
 * }</pre>
 */
@FunctionalInterface
public interface TokenCounter {
    /** The number of tokens {@code text} has for {@code model}. */
    int countTokens(String model, String text);
}
