package dev.newsbatch.internal.plan;

import dev.newsbatch.Article;
import dev.newsbatch.Estimator;
import dev.newsbatch.internal.Checks;

/**
 * The fast {@link TokenEstimator}: characters divided by a characters-per-token ratio (Google's rule
 * of thumb is about 4 for English text), plus a fixed per-request overhead for the turn framing.
 * Output tokens are a configured figure. Calibrate the ratio from a sample whose tokens were
 * counted with {@link #fromSample(long, long)}.
 *
 * <pre>{@code
 * CalibratedEstimator e = TokenEstimator.calibrated().charsPerToken(3.5).outputTokens(200);
 * CalibratedEstimator measured = CalibratedEstimator.fromSample(1_204_331, 301_112);
 * }</pre>
 *
 * @param charsPerToken        characters per token; default 4.0
 * @param requestOverheadTokens tokens every request carries besides its text; default 8
 * @param outputTokens         output tokens per article; default 150
 */
public record CalibratedEstimator(double charsPerToken, long requestOverheadTokens, long outputTokens)
        implements TokenEstimator {

    public CalibratedEstimator {
        if (!(charsPerToken > 0.1 && charsPerToken < 100)) {
            throw new IllegalArgumentException("charsPerToken must be > 0.1 and < 100, was " + charsPerToken);
        }
        Checks.atLeast(requestOverheadTokens, 0, "requestOverheadTokens");
        Checks.atLeast(outputTokens, 0, "outputTokens");
    }

    /** 4.0 characters per token, 8 tokens of overhead, 150 output tokens. */
    public static CalibratedEstimator ofDefaults() {
        return new CalibratedEstimator(Estimator.DEFAULT_CHARS_PER_TOKEN, 8, Estimator.DEFAULT_OUTPUT_TOKENS);
    }

    /** An estimator whose ratio is measured: {@code chars} characters counted as {@code tokens} tokens. */
    public static CalibratedEstimator fromSample(long chars, long tokens) {
        Checks.atLeast(chars, 1, "chars");
        Checks.atLeast(tokens, 1, "tokens");
        return ofDefaults().charsPerToken((double) chars / tokens);
    }

    /** A copy with another ratio. */
    public CalibratedEstimator charsPerToken(double ratio) {
        return new CalibratedEstimator(ratio, requestOverheadTokens, outputTokens);
    }

    /** A copy with another per-request overhead. */
    public CalibratedEstimator requestOverheadTokens(long tokens) {
        return new CalibratedEstimator(charsPerToken, tokens, outputTokens);
    }

    /** A copy with another output figure. */
    public CalibratedEstimator outputTokens(long tokens) {
        return new CalibratedEstimator(charsPerToken, requestOverheadTokens, tokens);
    }

    @Override
    public TokenEstimate estimate(RequestTemplate template, Article article) {
        long chars = template.fixedChars() + article.title().length() + article.contents().length();
        return new TokenEstimate((long) Math.ceil(chars / charsPerToken) + requestOverheadTokens, outputTokens);
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "calibrated (%.2f chars/token, +%d per request, %d out)",
                charsPerToken, requestOverheadTokens, outputTokens);
    }
}
