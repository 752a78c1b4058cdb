package dev.newsbatch.internal.realtime;

import dev.newsbatch.internal.Checks;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link DailyQuota} held in memory (for tests and one-off runs); the ledger provides a persistent
 * one. Thread-safe.
 *
 * <pre>{@code
 * DailyQuota quota = new InMemoryDailyQuota();
 * }</pre>
 */
public final class InMemoryDailyQuota implements DailyQuota {
    private final Map<LocalDate, Integer> used = new HashMap<>();

    @Override
    public synchronized int usedOn(LocalDate day) {
        return used.getOrDefault(Checks.notNull(day, "day"), 0);
    }

    @Override
    public synchronized boolean tryAcquire(LocalDate day, int cap) {
        Checks.notNull(day, "day");
        Checks.atLeast(cap, 0, "cap");
        int n = used.getOrDefault(day, 0);
        if (n >= cap) {
            return false;
        }
        used.put(day, n + 1);
        return true;
    }

    @Override
    public synchronized void release(LocalDate day) {
        used.computeIfPresent(Checks.notNull(day, "day"), (d, n) -> n > 1 ? n - 1 : null);
    }

    @Override
    public synchronized String toString() {
        return "InMemoryDailyQuota" + used;
    }
}
