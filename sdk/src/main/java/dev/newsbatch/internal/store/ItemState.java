package dev.newsbatch.internal.store;

/**
 * Where an article of a run stands in the ledger.
 *
 * <pre>{@code
 * ledger.items(runId, ItemState.FAILED);
 * }</pre>
 */
public enum ItemState {
    /** Recorded, in a request file, not yet sent. */
    PENDING,
    /** Sent in a batch job (or a real-time call) whose outcome is not stored yet. */
    SUBMITTED,
    /** Answered and stored. */
    DONE,
    /** Ended with an error (its kind and message are stored). */
    FAILED
}
