package dev.newsbatch.internal.plan;

/**
 * How requests reach Gemini, which decides the price: {@link #BATCH} (the Batch API, half price,
 * asynchronous), {@link #REALTIME} (one {@code generateContent} call per article, standard price) or
 * {@link #FLEX} (synchronous calls on the Flex service tier, at its own, lower price).
 *
 * <pre>{@code
 * double usd = pricing.model("gemini-2.5-flash").cost(Mode.BATCH, 2_800, 150);
 * }</pre>
 */
public enum Mode {
    /** The Batch API: requests in a JSONL file, billed at the batch rates. */
    BATCH,
    /** Synchronous {@code generateContent}, billed at the standard rates. */
    REALTIME,
    /** Synchronous {@code generateContent} on the Flex service tier, billed at the flex rates. */
    FLEX
}
