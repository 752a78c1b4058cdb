package dev.newsbatch.internal.store;

/**
 * A run's overall state in the ledger.
 *
 * <pre>{@code
 * ledger.runState(runId, RunState.DONE);
 * }</pre>
 */
public enum RunState {
    /** Work remains. */
    ACTIVE,
    /** Every article has an outcome. */
    DONE,
    /** Cancelled by its user. */
    CANCELLED
}
