package dev.newsbatch;

/**
 * Tokens billed and what they cost.
 *
 * <pre>{@code
 * Usage u = results.usage();   // Usage[in=33,600,000, out=1,800,000, $7.29]
 * }</pre>
 *
 * @param inputTokens  prompt tokens
 * @param outputTokens answer tokens (thinking included)
 * @param costUsd      cost in US dollars at the run's rates (batch or real-time)
 */
public record Usage(long inputTokens, long outputTokens, double costUsd) {
    @Override
    public String toString() {
        return String.format("Usage[in=%,d, out=%,d, $%.2f]", inputTokens, outputTokens, costUsd);
    }
}
