package dev.newsbatch.internal.plan;

/**
 * The one rule that cuts articles into batch jobs, used by the plan (the estimate's batch count) and
 * by the engine's request files alike: a batch holds at most {@code maxItems} requests, and a request
 * line that would take its file past {@code maxBytes} starts the next batch (a line larger than that
 * on its own gets a batch of its own). Waves are made of whole batches; they never cut one.
 *
 * <pre>{@code
 * if (BatchCut.full(items, bytes, lineBytes, 1000, 2_000_000_000L)) { startNextBatch(); }
 * }</pre>
 */
public final class BatchCut {
    private BatchCut() {}

    /**
     * True when a batch holding {@code items} requests in {@code bytes} bytes must be closed before a
     * line of {@code lineBytes} bytes is added.
     */
    public static boolean full(long items, long bytes, long lineBytes, long maxItems, long maxBytes) {
        return items > 0 && (items >= maxItems || bytes + lineBytes > maxBytes);
    }
}
