package dev.newsbatch.internal.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    /** An error that says whether it may be retried and how long the server asked to wait. */
    static final class Busy extends RuntimeException {
        final boolean retryable;
        final Duration delay;

        Busy(boolean retryable, Duration delay) {
            super("busy");
            this.retryable = retryable;
            this.delay = delay;
        }
    }

    static final Retryable<String> BUSY = Retryable.errors(e -> e instanceof Busy b && b.retryable,
            e -> e instanceof Busy b ? Optional.ofNullable(b.delay) : Optional.empty());

    final List<Duration> waits = new ArrayList<>();
    /** No jitter, so every wait is exact; waits are recorded, not slept. */
    final RetryPolicy exact = RetryPolicy.ofDefaults()
            .backoff(Duration.ofMillis(100), 3.0, 0, Duration.ofSeconds(1))
            .sleeper(waits::add);

    /** A body that throws {@code failures} in turn, then returns "ok". */
    static Supplier<String> failing(AtomicInteger calls, RuntimeException... failures) {
        return () -> {
            int n = calls.getAndIncrement();
            if (n < failures.length) {
                throw failures[n];
            }
            return "ok";
        };
    }

    @Test
    void waitsTheDelayTheServerAskedForInsteadOfTheBackoff() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> body = failing(calls, new Busy(true, Duration.ofSeconds(7)), new Busy(true, Duration.ofSeconds(7)));

        RetryOutcome<String> o = exact.run(body::get, BUSY);

        assertEquals("ok", o.result());
        assertEquals(RetryOutcome.End.DONE, o.end());
        assertEquals(3, o.attempts());
        assertEquals(2, o.retries());
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(7)), waits);
    }

    @Test
    void aServerDelayAtTheCapIsHonoured() {
        AtomicInteger calls = new AtomicInteger();
        RetryOutcome<String> o = exact.maxServerDelay(Duration.ofSeconds(60))
                .run(failing(calls, new Busy(true, Duration.ofSeconds(60)))::get, BUSY);

        assertEquals("ok", o.result());
        assertEquals(List.of(Duration.ofSeconds(60)), waits);
    }

    @Test
    void aServerDelayAboveTheCapEndsTheRetriesAtOnceAndSaysWhichDelay() {
        AtomicInteger calls = new AtomicInteger();
        Busy tooLong = new Busy(true, Duration.ofSeconds(3600));
        RetryOutcome<String> o = exact.maxServerDelay(Duration.ofSeconds(60))
                .run(failing(calls, tooLong, tooLong)::get, BUSY);

        assertEquals(RetryOutcome.End.DELAY_TOO_LONG, o.end());
        assertEquals(Duration.ofSeconds(3600), o.refusedDelay());
        assertSame(tooLong, o.error());
        assertEquals(1, o.attempts());
        assertEquals(1, calls.get());
        assertTrue(waits.isEmpty(), waits.toString());
    }

    @Test
    void aNegativeServerDelayMeansNoWait() {
        AtomicInteger calls = new AtomicInteger();
        exact.run(failing(calls, new Busy(true, Duration.ofSeconds(-3)))::get, BUSY);

        assertEquals(List.of(Duration.ZERO), waits);
    }

    @Test
    void withoutAServerDelayTheBackoffGrowsByTheMultiplierUpToTheCeiling() {
        AtomicInteger calls = new AtomicInteger();
        Busy busy = new Busy(true, null);
        RetryOutcome<String> o = exact.maxAttempts(6).run(failing(calls, busy, busy, busy, busy, busy)::get, BUSY);

        assertEquals("ok", o.result());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(900),
                Duration.ofSeconds(1), Duration.ofSeconds(1)), waits);
    }

    @Test
    void jitterSpreadsEachWaitAroundTheBackoff() {
        RetryPolicy spread = RetryPolicy.ofDefaults().maxAttempts(4)
                .backoff(Duration.ofSeconds(1), 2.0, 0.5, Duration.ofSeconds(60)).sleeper(waits::add);
        Set<Duration> firstWaits = new HashSet<>();
        for (int run = 0; run < 20; run++) {
            waits.clear();
            spread.run(() -> {
                throw new Busy(true, null);
            }, BUSY);
            assertEquals(3, waits.size());
            for (int k = 0; k < 3; k++) {
                long base = 1_000L << k;
                long ms = waits.get(k).toMillis();
                assertTrue(ms >= base / 2 && ms <= base * 3 / 2, "wait " + k + " was " + ms + " ms");
            }
            firstWaits.add(waits.get(0));
        }
        assertTrue(firstWaits.size() > 1, "20 runs all waited " + firstWaits);
    }

    @Test
    void attemptsAreBoundedAndTheLastErrorIsKept() {
        AtomicInteger calls = new AtomicInteger();
        Busy last = new Busy(true, null);
        Supplier<String> body = failing(calls, new Busy(true, null), new Busy(true, null), new Busy(true, null), last,
                new Busy(true, null));

        RetryOutcome<String> o = exact.maxAttempts(4).run(body::get, BUSY);

        assertEquals(RetryOutcome.End.EXHAUSTED, o.end());
        assertEquals(4, calls.get());
        assertEquals(4, o.attempts());
        assertEquals(3, waits.size());
        assertSame(last, o.error());
        assertNull(o.result());
    }

    @Test
    void aNonRetryableErrorFailsAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        Busy fatal = new Busy(false, Duration.ofSeconds(1));

        RetryOutcome<String> o = exact.run(failing(calls, fatal)::get, BUSY);

        assertEquals(RetryOutcome.End.DONE, o.end());
        assertSame(fatal, o.error());
        assertEquals(1, calls.get());
        assertTrue(waits.isEmpty(), waits.toString());
    }

    @Test
    void retryableResultsAreRetriedAfterTheirServerDelay() {
        AtomicInteger calls = new AtomicInteger();
        Retryable<Integer> unavailable = Retryable.results(status -> status == 503,
                status -> Optional.of(Duration.ofSeconds(2)));

        RetryOutcome<Integer> o = exact.run(() -> calls.incrementAndGet() < 3 ? 503 : 200, unavailable);

        assertEquals(200, o.result());
        assertEquals(3, o.attempts());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), waits);
    }

    @Test
    void aRetryableResultOnTheLastAttemptIsReturnedAsExhausted() {
        Retryable<Integer> unavailable = Retryable.results(status -> status == 503, status -> Optional.empty());

        RetryOutcome<Integer> o = exact.maxAttempts(2).run(() -> 503, unavailable);

        assertEquals(RetryOutcome.End.EXHAUSTED, o.end());
        assertEquals(503, o.orThrow());
        assertEquals(2, o.attempts());
    }

    @Test
    void decorateReturnsTheResultOrThrowsTheLastError() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("ok", exact.decorate(failing(calls, new Busy(true, null)), BUSY).get());

        Busy last = new Busy(true, null);
        AtomicInteger again = new AtomicInteger();
        Supplier<String> decorated = exact.maxAttempts(2).decorate(failing(again, new Busy(true, null), last), BUSY);
        assertSame(last, assertThrows(Busy.class, decorated::get));
        assertEquals(2, again.get());
    }

    @Test
    void anInterruptedWaitEndsTheRetriesAndKeepsTheInterruptFlag() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy interrupted = exact.sleeper(d -> {
            throw new InterruptedException("cancelled");
        });
        try {
            RetryOutcome<String> o = interrupted.run(failing(calls, new Busy(true, null))::get, BUSY);

            assertEquals(RetryOutcome.End.INTERRUPTED, o.end());
            assertEquals(1, calls.get());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theResilience4jConfigCarriesTheAttemptsAndTheServerDelay() {
        var config = exact.maxAttempts(7).config(BUSY);

        assertEquals(7, config.getMaxAttempts());
        assertEquals(7_000L, config.<String>getIntervalBiFunction()
                .apply(1, io.github.resilience4j.core.functions.Either.left(new Busy(true, Duration.ofSeconds(7)))));
        assertEquals(300L, config.<String>getIntervalBiFunction()
                .apply(2, io.github.resilience4j.core.functions.Either.left(new Busy(true, null))));
    }

    @Test
    void withersLeaveTheOriginalUnchanged() {
        RetryPolicy p0 = RetryPolicy.ofDefaults();
        RetryPolicy p1 = p0.maxAttempts(9).maxServerDelay(RetryPolicy.NO_LIMIT);

        assertEquals(3, p0.maxAttempts());
        assertEquals(Duration.ofSeconds(60), p0.maxServerDelay());
        assertEquals(9, p1.maxAttempts());
        assertEquals(RetryPolicy.NO_LIMIT, p1.maxServerDelay());
        assertEquals(p0.initialBackoff(), p1.initialBackoff());
        assertNotEquals(p0, p1);
        assertTrue(p1.toString().contains("maxServerDelay=none"), p1.toString());
    }

    @Test
    void rejectsBadSettingsNamingTheField() {
        RetryPolicy p = RetryPolicy.ofDefaults();
        assertEquals("maxAttempts must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> p.maxAttempts(0)).getMessage());
        assertEquals("jitter must be >= 0 and < 1, was 1.0", assertThrows(IllegalArgumentException.class,
                () -> p.backoff(Duration.ZERO, 2, 1.0, Duration.ZERO)).getMessage());
        assertEquals("multiplier must be >= 1, was 0.5", assertThrows(IllegalArgumentException.class,
                () -> p.backoff(Duration.ZERO, 0.5, 0, Duration.ZERO)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.maxServerDelay(Duration.ofSeconds(-1)))
                .getMessage().startsWith("maxServerDelay must not be negative"));
        assertEquals("sleeper must not be null",
                assertThrows(IllegalArgumentException.class, () -> p.sleeper(null)).getMessage());
    }
}
