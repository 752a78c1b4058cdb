package dev.newsbatch;

/**
 * The state of one Gemini batch job, as Google reports it ({@code BATCH_STATE_*}).
 *
 * <pre>{@code
 * if (status.state().isTerminal()) ...
 * }</pre>
 */
public enum JobState {
    /** Accepted, waiting to run. */
    PENDING,
    /** Being processed. */
    RUNNING,
    /** Finished; results are available. */
    SUCCEEDED,
    /** Failed as a whole. */
    FAILED,
    /** Cancelled by a user. */
    CANCELLED,
    /** Not finished within 48 hours. */
    EXPIRED,
    /** A state this version does not know. */
    UNKNOWN;

    /** True for states that will not change any more. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == EXPIRED;
    }

    /** Parses {@code BATCH_STATE_X} or {@code JOB_STATE_X}; anything else is {@link #UNKNOWN}. */
    public static JobState fromWire(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String v = value.replace("BATCH_STATE_", "").replace("JOB_STATE_", "");
        try {
            return valueOf(v);
        } catch (IllegalArgumentException e) {
            return v.equals("CANCELLING") ? RUNNING : UNKNOWN;
        }
    }
}
