package dev.newsbatch.internal.plan;

import dev.newsbatch.internal.Checks;

/**
 * The rate limits of one model in one tier: requests per minute, input tokens per minute, requests
 * per day, and the Batch API's enqueued-token limit (the input tokens of all active batch jobs of
 * the model together). {@link #UNLIMITED} stands for a limit Google does not publish; a batch limit
 * of 0 means the tier has no Batch API.
 *
 * <pre>{@code
 * ModelLimits l = TierLimits.preset("tier1").model("gemini-2.5-flash").rpm(500);
 * }</pre>
 *
 * @param rpm                 requests per minute
 * @param tpm                 input tokens per minute
 * @param rpd                 requests per day (reset at midnight Pacific time)
 * @param batchEnqueuedTokens input tokens that may be enqueued in batch jobs at once
 */
public record ModelLimits(long rpm, long tpm, long rpd, long batchEnqueuedTokens) {

    /** A limit with no published value. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    public ModelLimits {
        Checks.atLeast(rpm, 0, "rpm");
        Checks.atLeast(tpm, 0, "tpm");
        Checks.atLeast(rpd, 0, "rpd");
        Checks.atLeast(batchEnqueuedTokens, 0, "batchEnqueuedTokens");
    }

    /** A copy with another requests-per-minute limit. */
    public ModelLimits rpm(long value) {
        return new ModelLimits(value, tpm, rpd, batchEnqueuedTokens);
    }

    /** A copy with another tokens-per-minute limit. */
    public ModelLimits tpm(long value) {
        return new ModelLimits(rpm, value, rpd, batchEnqueuedTokens);
    }

    /** A copy with another requests-per-day limit. */
    public ModelLimits rpd(long value) {
        return new ModelLimits(rpm, tpm, value, batchEnqueuedTokens);
    }

    /** A copy with another batch enqueued-token limit. */
    public ModelLimits batchEnqueuedTokens(long value) {
        return new ModelLimits(rpm, tpm, rpd, value);
    }

    /** True when the tier allows batch jobs for this model. */
    public boolean hasBatch() {
        return batchEnqueuedTokens > 0;
    }

    static String show(long v) {
        return v == UNLIMITED ? "unlimited" : String.format("%,d", v);
    }

    @Override
    public String toString() {
        return "ModelLimits[rpm=" + show(rpm) + ", tpm=" + show(tpm) + ", rpd=" + show(rpd)
                + ", batchEnqueuedTokens=" + (hasBatch() ? show(batchEnqueuedTokens) : "none") + "]";
    }
}
