package dev.newsbatch.internal.plan;

/**
 * One planned batch job: a contiguous range of the input's articles (by position, so the input can
 * be streamed again to build the file), with its estimated tokens, JSONL bytes and batch cost.
 *
 * <pre>{@code
 * for (BatchSlice b : plan.batches()) { writeJsonl(articles, b.firstArticle(), b.endArticle()); }
 * }</pre>
 *
 * @param number       position of the batch in the plan, from 0
 * @param wave         the wave it belongs to, from 0
 * @param firstArticle index of its first article in the input, from 0
 * @param endArticle   index after its last article
 * @param firstId      id of its first article
 * @param lastId       id of its last article
 * @param inputTokens  estimated prompt tokens (what counts against the enqueued-token limit)
 * @param outputTokens estimated output tokens
 * @param jsonBytes    estimated bytes of its JSONL input file
 * @param costUsd      estimated cost at batch prices
 */
public record BatchSlice(int number, int wave, long firstArticle, long endArticle, String firstId, String lastId,
                         long inputTokens, long outputTokens, long jsonBytes, double costUsd) {

    /** How many articles (requests) the batch holds. */
    public long items() {
        return endArticle - firstArticle;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "BatchSlice[#%d wave %d, articles %d..%d (%d), %,d tokens, %,d bytes, $%.2f]",
                number, wave, firstArticle, endArticle - 1, items(), inputTokens, jsonBytes, costUsd);
    }
}
