package dev.newsbatch.internal.realtime;

/**
 * Why a real-time run stopped.
 *
 * <pre>{@code
 * if (summary.stopReason() == StopReason.DAILY_CAP) { ... summary.nextDayStart() ... }
 * }</pre>
 */
public enum StopReason {
    /** Every article has an outcome. */
    COMPLETED,
    /** The daily cap was reached; the rest waits for the next day. */
    DAILY_CAP,
    /** {@link RealtimeRun#cancel()} was called. */
    CANCELLED
}
