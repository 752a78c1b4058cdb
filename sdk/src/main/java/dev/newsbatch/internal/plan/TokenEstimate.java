package dev.newsbatch.internal.plan;

import dev.newsbatch.internal.Checks;

/**
 * Estimated tokens of one request: the prompt (template, system instruction, response schema and
 * the article) and the model's output.
 *
 * <pre>{@code
 * TokenEstimate e = TokenEstimator.calibrated().estimate(RequestTemplate.none(), article);
 * }</pre>
 *
 * @param inputTokens  prompt tokens
 * @param outputTokens output tokens (thinking included)
 */
public record TokenEstimate(long inputTokens, long outputTokens) {
    public TokenEstimate {
        Checks.atLeast(inputTokens, 0, "inputTokens");
        Checks.atLeast(outputTokens, 0, "outputTokens");
    }

    @Override
    public String toString() {
        return inputTokens + " in / " + outputTokens + " out";
    }
}
