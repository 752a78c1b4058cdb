package dev.newsbatch;

/**
 * Where a run stands, as {@link RunStatus#state()} reports it; {@code status}, {@code list}, the REST
 * API and a handle's {@code state()} all read it from the same rule.
 *
 * <pre>{@code
 * if (run.state().state() == RunState.PAUSED) { ... }   // the daily cap is reached; see pausedUntil()
 * }</pre>
 */
public enum RunState {
    /** Work remains, but nothing is in flight: articles wait for quota room, the next wave or a resume. */
    WAITING,
    /** Batch jobs or real-time calls are in flight. */
    RUNNING,
    /** Nothing is sent until {@link RunStatus#pausedUntil()}: the daily request cap is reached. */
    PAUSED,
    /** Every article has a result or an error. */
    DONE,
    /** The run was cancelled; what finished before is kept, nothing more is sent. */
    CANCELLED;

    /** True for {@link #DONE} and {@link #CANCELLED}. */
    public boolean isFinished() {
        return this == DONE || this == CANCELLED;
    }
}
