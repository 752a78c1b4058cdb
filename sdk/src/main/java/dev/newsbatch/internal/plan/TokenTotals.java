package dev.newsbatch.internal.plan;

/**
 * Token sums over many requests, kept apart for requests billed at the short and at the
 * long-context rates, so that a cost computed from totals is exact.
 *
 * <pre>{@code
 * TokenTotals t = TokenTotals.ZERO.add(2_800, 150, false);
 * double usd = pricing.model("gemini-2.5-flash").cost(Mode.BATCH, t);
 * }</pre>
 *
 * @param shortInput  prompt tokens of requests at the short rates
 * @param shortOutput output tokens of requests at the short rates
 * @param longInput   prompt tokens of long-context requests
 * @param longOutput  output tokens of long-context requests
 */
public record TokenTotals(long shortInput, long shortOutput, long longInput, long longOutput) {

    /** No tokens. */
    public static final TokenTotals ZERO = new TokenTotals(0, 0, 0, 0);

    /** Totals of requests that are all billed at the short rates. */
    public static TokenTotals of(long input, long output) {
        return new TokenTotals(input, output, 0, 0);
    }

    /** These totals plus one request. */
    public TokenTotals add(long input, long output, boolean longContext) {
        return longContext
                ? new TokenTotals(shortInput, shortOutput, longInput + input, longOutput + output)
                : new TokenTotals(shortInput + input, shortOutput + output, longInput, longOutput);
    }

    /** These totals plus {@code other}. */
    public TokenTotals plus(TokenTotals other) {
        return new TokenTotals(shortInput + other.shortInput, shortOutput + other.shortOutput,
                longInput + other.longInput, longOutput + other.longOutput);
    }

    /** All prompt tokens. */
    public long input() {
        return shortInput + longInput;
    }

    /** All output tokens. */
    public long output() {
        return shortOutput + longOutput;
    }

    @Override
    public String toString() {
        return "TokenTotals[input=" + input() + ", output=" + output()
                + (longInput + longOutput == 0 ? "" : ", longContextInput=" + longInput) + "]";
    }
}
