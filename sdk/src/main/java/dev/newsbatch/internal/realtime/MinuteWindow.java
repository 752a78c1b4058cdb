package dev.newsbatch.internal.realtime;

import dev.newsbatch.internal.Checks;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The requests Gemini may count against a per-minute quota, seen from the client: a request holds a
 * slot from the moment it is sent, and, once answered, for one minute after its answer (Gemini admitted
 * it somewhere between the two, so no 60-second window of Gemini's can hold more than {@code limit} of
 * them). A request Gemini answered without serving it (503, 429) gives its slot back at once, so a retry
 * does not leave the minute under-used. Thread-safe.
 *
 * <pre>{@code
 * MinuteWindow window = new MinuteWindow(600, Duration.ofMinutes(1), System::nanoTime);
 * MinuteWindow.Slot slot = window.acquire();       // blocks while 600 are held
 * try { call(); slot.counted(); } catch (GeminiException e) { if (e.status() == 503) slot.unused(); else slot.counted(); }
 * }</pre>
 */
final class MinuteWindow {
    private final int limit;
    private final long spanNanos;
    private final LongSupplier nanoClock;
    /** When each answered request stops counting, in nanoClock time, oldest first. */
    private final ArrayDeque<Long> expiries = new ArrayDeque<>();
    private int inFlight;

    MinuteWindow(int limit, Duration span, LongSupplier nanoClock) {
        this.limit = (int) Checks.atLeast(limit, 1, "limit");
        this.spanNanos = span.toNanos();
        this.nanoClock = Checks.notNull(nanoClock, "nanoClock");
    }

    /** One request's place in the window: say once whether Gemini counted it. */
    final class Slot {
        private boolean settled;

        /** The request was answered (or may have been served): it counts for one minute from now. */
        void counted() {
            synchronized (MinuteWindow.this) {
                if (!settled) {
                    settled = true;
                    inFlight--;
                    expiries.addLast(nanoClock.getAsLong() + spanNanos);
                }
            }
        }

        /** Gemini did not count the request (or it was never sent): the slot is free at once. */
        void unused() {
            synchronized (MinuteWindow.this) {
                if (!settled) {
                    settled = true;
                    inFlight--;
                    MinuteWindow.this.notifyAll();
                }
            }
        }
    }

    /** A slot, waiting while {@code limit} are held; interruption ends the wait. */
    synchronized Slot acquire() throws InterruptedException {
        while (true) {
            long wait = waitNanos(nanoClock.getAsLong());
            if (wait == 0) {
                inFlight++;
                return new Slot();
            }
            if (wait == Long.MAX_VALUE) {
                wait(0);
            } else {
                TimeUnit.NANOSECONDS.timedWait(this, wait);
            }
        }
    }

    /** A slot if one is free now. */
    synchronized Optional<Slot> tryAcquire() {
        if (waitNanos(nanoClock.getAsLong()) != 0) {
            return Optional.empty();
        }
        inFlight++;
        return Optional.of(new Slot());
    }

    /** Slots held now: requests in flight and answered ones still counting. */
    synchronized int held() {
        waitNanos(nanoClock.getAsLong());
        return inFlight + expiries.size();
    }

    /** 0 when a slot is free at {@code now}; else the time until the oldest answer stops counting (MAX: none is). */
    private long waitNanos(long now) {
        while (!expiries.isEmpty() && expiries.peekFirst() - now <= 0) {
            expiries.pollFirst();
        }
        if (inFlight + expiries.size() < limit) {
            return 0;
        }
        return expiries.isEmpty() ? Long.MAX_VALUE : Math.max(1, expiries.peekFirst() - now);
    }

    @Override
    public synchronized String toString() {
        return "MinuteWindow[" + (inFlight + expiries.size()) + "/" + limit + " held, " + inFlight + " in flight]";
    }
}
