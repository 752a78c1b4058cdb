package dev.newsbatch.internal.plan;

/**
 * A group of batches submitted together, whose input tokens stay within the safe share of the
 * tier's enqueued-token limit and whose job count stays within the concurrent-job limit; the next
 * wave starts when this one has completed.
 *
 * <pre>{@code
 * Wave w = plan.waves().get(0);
 * List<BatchSlice> batches = plan.batches().subList(w.firstBatch(), w.endBatch());
 * }</pre>
 *
 * @param number      position of the wave, from 0
 * @param firstBatch  number of its first batch
 * @param endBatch    number after its last batch
 * @param articles    articles in the wave
 * @param inputTokens estimated prompt tokens in the wave
 */
public record Wave(int number, int firstBatch, int endBatch, long articles, long inputTokens) {

    /** How many batch jobs the wave holds. */
    public int batches() {
        return endBatch - firstBatch;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Wave[#%d, %d batches, %,d articles, %,d tokens]",
                number, batches(), articles, inputTokens);
    }
}
