package dev.newsbatch.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A batch job as seen at one instant: a pure function of its {@link JobFacts} and the time.
 * Pending for the start delay, then running for {@code totalTokens / tokensPerSecond}, then terminal.
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

    static JobView of(JobFacts f, Instant now) {
        Instant created = f.created();
        Instant start = created.plusMillis(f.startDelayMillis());
        long nanos = (long) Math.ceil(f.totalTokens() / f.tokensPerSecond() * 1e9);
        Instant finish = start.plus(Duration.ofNanos(nanos));
        Instant end = finish;
        String terminal = "FAILED".equals(f.outcome()) ? FAILED : "EXPIRED".equals(f.outcome()) ? EXPIRED : SUCCEEDED;
        Instant expiry = created.plus(JobFacts.MAX_LIFETIME);
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
        if (now.isBefore(start)) {
            return new JobView(PENDING, created, null, 0, 0);
        }
        if (now.isBefore(end)) {
            int done = processedAt(f, start, finish, now);
            return new JobView(RUNNING, start, null, done, failedAmong(f, done));
        }
        if (SUCCEEDED.equals(terminal)) {
            return new JobView(SUCCEEDED, end, end, f.requestCount(), failedAmong(f, f.requestCount()));
        }
        if (FAILED.equals(terminal)) {
            return new JobView(FAILED, end, end, f.requestCount(), f.requestCount());
        }
        int done = "EXPIRED".equals(f.outcome()) ? 0 : processedAt(f, start, finish, end);
        return new JobView(EXPIRED, end, end, done, failedAmong(f, done));
    }

    /** When the job will reach (or reached) its terminal state if nobody cancels it. */
    static Instant expectedEnd(JobFacts f) {
        Instant created = f.created();
        long nanos = (long) Math.ceil(f.totalTokens() / f.tokensPerSecond() * 1e9);
        Instant finish = created.plusMillis(f.startDelayMillis()).plus(Duration.ofNanos(nanos));
        Instant expiry = created.plus(JobFacts.MAX_LIFETIME);
        return finish.isAfter(expiry) ? expiry : finish;
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
        if (f.itemErrorRate() == 0 && f.invalidRequests().isEmpty()) {
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
