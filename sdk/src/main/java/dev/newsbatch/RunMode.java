package dev.newsbatch;

/**
 * How a run sends its articles to Gemini.
 *
 * <pre>{@code
 * Batches.from(articles).mode(RunMode.CONTINUOUS);   // same as .continuous()
 * }</pre>
 */
public enum RunMode {
    /** Every batch job submitted at once; Gemini's quota refusals are waited out. Half price. */
    BATCH,
    /** Waves under the enqueued-token quota; a wave starts when the previous one is done. Half price. */
    WAVES,
    /** Continuous admission: the next batch job starts as soon as the quota has room. Half price. */
    CONTINUOUS,
    /** One {@code generateContent} call per article, under a rate limit and daily cap. Full price. */
    REALTIME,
    /**
     * Like {@link #REALTIME}, on the Flex service tier: synchronous, minutes of latency, at the flex
     * price (about the batch price), for models that offer it.
     */
    FLEX;

    /** True for the modes that use Gemini's Batch API. */
    public boolean isBatch() {
        return this != REALTIME && this != FLEX;
    }
}
