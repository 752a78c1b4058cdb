package dev.newsbatch.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A batch job as seen at one instant: a pure function of its {@link JobFacts}, its processing window (from
 * {@link JobTimeline}) and the time. Pending until its window opens, running through it, then terminal.
 *
 * @param state      {@code BATCH_STATE_*}
 * @param updateTime the last state change
 * @param endTime    when it reached its terminal state, or null
 * @param processed  requests processed so far
 * @param failed     processed requests that ended with an error
 */
record JobView(String state, Instant updateTime, Instant endTime, int processed, int failed) {
    static final String PENDING = "BATCH_STATE_PENDING";
    static final String RUNNING = "BATCH_STATE_RUNNING";
    static final String SUCCEEDED = "BATCH_STATE_SUCCEEDED";
    static final String FAILED = "BATCH_STATE_FAILED";
    static final String CANCELLED = "BATCH_STATE_CANCELLED";
    static final String EXPIRED = "BATCH_STATE_EXPIRED";

    /**
     * The job at {@code now} when it is processed from {@code start} to {@code finish} (see {@link JobTimeline}):
     * pending before {@code start}, running until {@code finish}, then terminal; it expires 48 hours after
     * creation if not finished by then, and a cancel before the end stops it where it is.
     */
    static JobView of(JobFacts f, Instant start, Instant finish, Instant now) {
        Instant created = f.created();
        Instant end = finish;
        String terminal = "FAILED".equals(f.outcome()) ? FAILED : "EXPIRED".equals(f.outcome()) ? EXPIRED : SUCCEEDED;
        Instant expiry = f.expiry();
        if (end.isAfter(expiry)) {
            end = expiry;
            terminal = EXPIRED;
        }
        if (f.cancelTime() != null) {
            Instant cancel = Instant.parse(f.cancelTime());
            if (cancel.isBefore(end) && !now.isBefore(cancel)) {
                int done = processedAt(f, start, finish, cancel);
                return new JobView(CANCELLED, cancel, cancel, done, failedAmong(f, done));
            }
        }
        if (!now.isBefore(end)) {
            if (SUCCEEDED.equals(terminal)) {
                return new JobView(SUCCEEDED, end, end, f.requestCount(), failedAmong(f, f.requestCount()));
            }
            if (FAILED.equals(terminal)) {
                return new JobView(FAILED, end, end, f.requestCount(), f.requestCount());
            }
            int done = "EXPIRED".equals(f.outcome()) ? 0 : processedAt(f, start, finish, end);
            return new JobView(EXPIRED, end, end, done, failedAmong(f, done));
        }
        if (now.isBefore(start)) {
            return new JobView(PENDING, created, null, 0, 0);
        }
        int done = processedAt(f, start, finish, now);
        return new JobView(RUNNING, start, null, done, failedAmong(f, done));
    }

    /** When a job processed from {@code start} to {@code finish} reaches its terminal state if nobody cancels it. */
    static Instant expectedEnd(JobFacts f, Instant finish) {
        return finish.isAfter(f.expiry()) ? f.expiry() : finish;
    }

    boolean isTerminal() {
        return endTime != null;
    }

    /** Requests processed at {@code t}: linear between start and end; expiry stops at the fraction reached. */
    private static int processedAt(JobFacts f, Instant start, Instant end, Instant t) {
        if (!t.isAfter(start)) {
            return 0;
        }
        double total = Duration.between(start, end).toNanos();
        double elapsed = Duration.between(start, t).toNanos();
        if (total <= 0) {
            return f.requestCount();
        }
        return (int) Math.min(f.requestCount(), Math.floor(f.requestCount() * elapsed / total));
    }

    private static int failedAmong(JobFacts f, int processed) {
        if (f.itemErrorRate() == 0 && f.invalidRequests().isEmpty() && f.spendLimitedRequests().isEmpty()) {
            return 0;
        }
        int failed = 0;
        for (int i = 0; i < processed; i++) {
            if (f.itemFails(i)) {
                failed++;
            }
        }
        return failed;
    }
}
