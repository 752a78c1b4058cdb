package dev.newsbatch.internal.realtime;

import java.time.LocalDate;

/**
 * Requests counted per day against a daily cap, kept somewhere that survives a restart (the ledger)
 * so that a second run on the same day does not exceed the cap and the next day starts afresh.
 *
 * <pre>{@code
 * DailyQuota quota = new InMemoryDailyQuota();
 * if (quota.tryAcquire(LocalDate.of(2025, 1, 1), 400)) { send(); }
 * }</pre>
 */
public interface DailyQuota {
    /** Requests already counted on {@code day}. */
    int usedOn(LocalDate day);

    /** Counts one request on {@code day} if fewer than {@code cap} were counted; false otherwise. */
    boolean tryAcquire(LocalDate day, int cap);

    /** Gives back one request counted on {@code day} that Gemini did not count (it answered 503 or 429). */
    void release(LocalDate day);
}
