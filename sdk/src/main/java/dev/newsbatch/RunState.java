package dev.newsbatch;

/**
 * Where a run stands, as {@link RunStatus#state()} reports it.
 *
 * <pre>{@code
 * if (run.state().state() == RunState.WAITING) { ... }   // articles wait for quota or for the next day
 * }</pre>
 */
public enum RunState {
    /** Work remains, but nothing is in flight: articles wait for quota room, the next wave or the next day. */
    WAITING,
    /** Batch jobs or real-time calls are in flight. */
    RUNNING,
    /** Every article has a result or an error. */
    DONE,
    /** The run was cancelled; what finished before is kept. */
    CANCELLED;

    /** True for {@link #DONE} and {@link #CANCELLED}. */
    public boolean isFinished() {
        return this == DONE || this == CANCELLED;
    }
}
