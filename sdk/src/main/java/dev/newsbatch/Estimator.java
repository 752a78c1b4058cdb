package dev.newsbatch;

import dev.newsbatch.internal.Checks;
import java.util.Locale;

/**
 * How a run estimates each request's tokens before anything is sent: the figures behind its plan,
 * its waves and its budget cap. Three kinds:
 * <ul>
 *   <li>{@link #calibrated()}: characters to tokens at a ratio (Google's rule of thumb, 4.0), instant;</li>
 *   <li>{@link #exact()}: Gemini's {@code countTokens} for every distinct text (free of charge,
 *       rate-limited, cached by content);</li>
 *   <li>{@link #fixed(long, long)}: the same input and output figures for every article.</li>
 * </ul>
 *
 * <pre>{@code
 * Batches.from(articles).estimator(Estimator.calibrated(3.6)).estimate();
 * Batches.from(articles).estimator(Estimator.fixed(2_800, 150)).estimate();
 * }</pre>
 *
 * @param kind          which estimator
 * @param charsPerToken the ratio of a calibrated estimator (else 0)
 * @param inputTokens   the input figure of a fixed estimator (else 0)
 * @param outputTokens  the answer's tokens per article, for every kind
 */
public record Estimator(Kind kind, double charsPerToken, long inputTokens, long outputTokens) {
    /** Characters per token when nothing better is known (Google's rule of thumb). */
    public static final double DEFAULT_CHARS_PER_TOKEN = 4.0;
    /** Tokens of a classification answer, visible text only (thinking is counted apart). */
    public static final long DEFAULT_OUTPUT_TOKENS = 150;

    /** The kinds of estimator. */
    public enum Kind { CALIBRATED, EXACT, FIXED }

    public Estimator {
        Checks.notNull(kind, "kind");
        if (kind == Kind.CALIBRATED && !(charsPerToken > 0.1 && charsPerToken < 100)) {
            throw new IllegalArgumentException("charsPerToken must be > 0.1 and < 100, was " + charsPerToken);
        }
        Checks.atLeast(inputTokens, kind == Kind.FIXED ? 1 : 0, "inputTokens");
        Checks.atLeast(outputTokens, 0, "outputTokens");
    }

    /** The calibrated estimator at 4.0 characters per token. The default of every spec. */
    public static Estimator calibrated() {
        return calibrated(DEFAULT_CHARS_PER_TOKEN);
    }

    /** A calibrated estimator at a measured ratio, e.g. {@code 3.6} for a Turkish corpus. */
    public static Estimator calibrated(double charsPerToken) {
        return new Estimator(Kind.CALIBRATED, charsPerToken, 0, DEFAULT_OUTPUT_TOKENS);
    }

    /** Exact input counts from Gemini's {@code countTokens}. */
    public static Estimator exact() {
        return new Estimator(Kind.EXACT, 0, 0, DEFAULT_OUTPUT_TOKENS);
    }

    /** The same figures for every article, e.g. {@code fixed(2_800, 150)}. */
    public static Estimator fixed(long inputTokens, long outputTokens) {
        return new Estimator(Kind.FIXED, 0, inputTokens, outputTokens);
    }

    /** A copy with another answer size. */
    public Estimator outputTokens(long tokens) {
        return new Estimator(kind, charsPerToken, inputTokens, tokens);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CALIBRATED -> String.format(Locale.ROOT, "calibrated(%.2f chars/token, %d out)", charsPerToken,
                    outputTokens);
            case EXACT -> "exact(countTokens, " + outputTokens + " out)";
            case FIXED -> "fixed(" + inputTokens + " in, " + outputTokens + " out)";
        };
    }
}
