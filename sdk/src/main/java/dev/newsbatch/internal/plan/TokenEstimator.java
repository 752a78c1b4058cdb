package dev.newsbatch.internal.plan;

import dev.newsbatch.Article;

/**
 * Estimates the tokens of one article's request. Three kinds: {@link #calibrated()} (characters to
 * tokens, instant), {@link #counting(TokenCounter, String)} (asks Gemini's {@code countTokens},
 * rate-limited and cached) and {@link #fixed(long, long)} (the same figures for every article).
 *
 * <pre>{@code
 * TokenEstimator fast = TokenEstimator.calibrated().charsPerToken(3.6);
 * TokenEstimator fixed = TokenEstimator.fixed(2_800, 150);
 * TokenEstimate e = fast.estimate(template, article);
 * }</pre>
 */
public interface TokenEstimator {

    /** The tokens of {@code article}'s request built from {@code template}. */
    TokenEstimate estimate(RequestTemplate template, Article article);

    /** A short description for reports, e.g. {@code calibrated (4.0 chars/token)}. */
    String describe();

    /** The fast estimator with Google's rule of thumb of 4 characters per token. */
    static CalibratedEstimator calibrated() {
        return CalibratedEstimator.ofDefaults();
    }

    /** The same figures for every article (the CLI's {@code --input-tokens/--output-tokens}). */
    static FixedEstimator fixed(long inputTokens, long outputTokens) {
        return new FixedEstimator(inputTokens, outputTokens);
    }

    /** The exact estimator: asks {@code counter} for {@code model}, rate-limited and cached. */
    static CountingEstimator counting(TokenCounter counter, String model) {
        return CountingEstimator.of(counter, model);
    }
}
