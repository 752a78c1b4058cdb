package dev.newsbatch.internal.realtime;

import java.time.Duration;

/**
 * Waits between retries. The default sleeps; tests pass one that records the waits instead.
 *
 * <pre>{@code
 * List<Duration> waits = new ArrayList<>();
 * RealtimeRunner r = RealtimeRunner.ofRpm(600).sleeper(waits::add);
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps the real thread: the default. */
    Sleeper THREAD = d -> Thread.sleep(Math.max(0, d.toMillis()), (int) (d.toNanosPart() % 1_000_000));

    /** Waits {@code duration}; throws when interrupted (cancellation). */
    void sleep(Duration duration) throws InterruptedException;
}
