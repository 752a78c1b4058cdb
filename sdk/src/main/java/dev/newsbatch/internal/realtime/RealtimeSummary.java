package dev.newsbatch.internal.realtime;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * The totals of a real-time run and why it stopped; when the daily cap stopped it, how many articles
 * remain and when the next day starts.
 *
 * <pre>{@code
 * RealtimeSummary s = runner.run(articles, call, listener);
 * if (s.stopReason() == StopReason.DAILY_CAP) System.out.println(s.remaining() + " left for " + s.nextDayStart().get());
 * }</pre>
 *
 * @param succeeded  articles with a result
 * @param failed     articles that failed for good
 * @param deferred   articles started but not finished (cap or cancellation)
 * @param notStarted articles never started
 * @param requests   requests sent (attempts, retries included)
 * @param retries    retries after retryable errors
 * @param stopReason why the run stopped
 * @param nextDay    start of the next quota day when the daily cap stopped the run, else {@code null}
 * @param elapsed    wall time of the run
 */
public record RealtimeSummary(long succeeded, long failed, long deferred, long notStarted, long requests,
                              long retries, StopReason stopReason, ZonedDateTime nextDay, Duration elapsed) {

    /** Articles still to do: deferred and never started. */
    public long remaining() {
        return deferred + notStarted;
    }

    /** When the next quota day starts, if the daily cap stopped the run. */
    public Optional<ZonedDateTime> nextDayStart() {
        return Optional.ofNullable(nextDay);
    }

    /** Requests per minute achieved over the run. */
    public double achievedRpm() {
        double minutes = elapsed.toNanos() / 60e9;
        return minutes <= 0 ? 0 : requests / minutes;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RealtimeSummary[%s: %,d succeeded, %,d failed, %,d remaining, "
                        + "%,d requests (%,d retries) in %.1fs%s]", stopReason, succeeded, failed, remaining(),
                requests, retries, elapsed.toMillis() / 1000.0,
                nextDay == null ? "" : ", next day starts " + nextDay);
    }
}
