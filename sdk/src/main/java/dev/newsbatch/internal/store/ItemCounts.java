package dev.newsbatch.internal.store;

/**
 * Item counts of a run by state.
 *
 * <pre>{@code
 * ItemCounts c = ledger.itemCounts(runId);   // ItemCounts[done=980, failed=20, submitted=0, pending=0]
 * }</pre>
 *
 * @param done      items with a result
 * @param failed    items with an error
 * @param submitted items in a job not yet retrieved
 * @param pending   items not yet sent
 */
public record ItemCounts(long done, long failed, long submitted, long pending) {
    /** All items. */
    public long total() {
        return done + failed + submitted + pending;
    }
}
