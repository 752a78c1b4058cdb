package dev.newsbatch;

/**
 * Tokens billed and what they cost; thinking tokens are billed as output and shown apart.
 *
 * <pre>{@code
 * Usage u = results.usage();   // 33,600,000 input + 1,800,000 output tokens (600,000 thinking), $7.29
 * u.answerTokens();            // 1,200,000
 * }</pre>
 *
 * @param inputTokens    prompt tokens
 * @param outputTokens   output tokens billed, thinking included
 * @param thinkingTokens of the output, the thinking tokens
 * @param costUsd        cost in US dollars at the run's rates (batch, real-time or flex)
 */
public record Usage(long inputTokens, long outputTokens, long thinkingTokens, double costUsd) {

    /** Usage without thinking. */
    public Usage(long inputTokens, long outputTokens, double costUsd) {
        this(inputTokens, outputTokens, 0, costUsd);
    }

    /** The visible answer's tokens: output less thinking. */
    public long answerTokens() {
        return outputTokens - thinkingTokens;
    }

    /** E.g. {@code 33,600,000 input + 1,800,000 output tokens (600,000 thinking), $7.29}. */
    @Override
    public String toString() {
        return Format.count(inputTokens) + " input + " + Format.count(outputTokens) + " output tokens"
                + (thinkingTokens == 0 ? "" : " (" + Format.count(thinkingTokens) + " thinking)") + ", "
                + Format.usd(costUsd);
    }
}
