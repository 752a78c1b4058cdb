package dev.newsbatch.internal.plan;

import dev.newsbatch.Article;
import dev.newsbatch.internal.Checks;

/**
 * A {@link TokenEstimator} that gives every article the same figures, e.g. measured ones.
 *
 * <pre>{@code
 * TokenEstimator e = TokenEstimator.fixed(2_800, 150);
 * }</pre>
 *
 * @param inputTokens  prompt tokens per article
 * @param outputTokens output tokens per article
 */
public record FixedEstimator(long inputTokens, long outputTokens) implements TokenEstimator {
    public FixedEstimator {
        Checks.atLeast(inputTokens, 1, "inputTokens");
        Checks.atLeast(outputTokens, 0, "outputTokens");
    }

    @Override
    public TokenEstimate estimate(RequestTemplate template, Article article) {
        return new TokenEstimate(inputTokens, outputTokens);
    }

    @Override
    public String describe() {
        return "fixed (" + inputTokens + " in / " + outputTokens + " out per article)";
    }

    @Override
    public String toString() {
        return "FixedEstimator[" + inputTokens + " in, " + outputTokens + " out]";
    }
}
