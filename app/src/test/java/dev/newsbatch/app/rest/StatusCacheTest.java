package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbatch.JobState;
import dev.newsbatch.JobStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StatusCacheTest {
    /** Refreshes run when the test says so. */
    static final class HeldRefreshes implements Executor {
        final Queue<Runnable> held = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            held.add(r);
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    private static JobStatus status(String id, JobState state, int completed) {
        return new JobStatus(id, "run", state, 10, completed, 10.0 * completed, null, null, null);
    }

    private static StatusCache cache(Function<String, JobStatus> source, Duration ttl, Executor refresher) {
        return new StatusCache(source, s -> (s.jobId() + " " + s.state() + " " + s.completed())
                .getBytes(StandardCharsets.UTF_8), ttl, refresher);
    }

    private static String body(StatusCache.Answer a) {
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    @Test
    void terminalStatesAreKeptForGood() {
        AtomicInteger calls = new AtomicInteger();
        HeldRefreshes refresher = new HeldRefreshes();
        StatusCache cache = cache(id -> {
            calls.incrementAndGet();
            return status(id, JobState.SUCCEEDED, 10);
        }, Duration.ZERO, refresher);
        cache.answer("batches/a");
        cache.answer("batches/a");
        assertEquals(0, refresher.held.size(), "no refresh of a terminal state");
        assertEquals(1, calls.get());
    }

    @Test
    void aStaleStateIsAnsweredAtOnceAndRefreshedInTheBackground() {
        AtomicInteger calls = new AtomicInteger();
        HeldRefreshes refresher = new HeldRefreshes();
        StatusCache cache = cache(id -> status(id, JobState.RUNNING, calls.incrementAndGet()), Duration.ZERO,
                refresher);
        assertEquals("batches/a RUNNING 1", body(cache.answer("batches/a")));
        assertEquals("batches/a RUNNING 1", body(cache.answer("batches/a")), "the stale answer, without waiting");
        assertEquals("batches/a RUNNING 1", body(cache.answer("batches/a")));
        assertEquals(1, calls.get(), "the request threads made no call");
        assertEquals(1, refresher.held.size(), "one refresh at a time per job");
        refresher.runAll();
        assertEquals(2, calls.get());
        assertEquals("batches/a RUNNING 2", body(cache.answer("batches/a")), "the refreshed answer");
    }

    @Test
    void runningStatesAreReusedWhileFresh() {
        AtomicInteger calls = new AtomicInteger();
        HeldRefreshes refresher = new HeldRefreshes();
        StatusCache cache = cache(id -> {
            calls.incrementAndGet();
            return status(id, JobState.RUNNING, 5);
        }, Duration.ofHours(1), refresher);
        StatusCache.Answer first = cache.answer("batches/a");
        assertSame(first, cache.answer("batches/a"));
        assertEquals(0, refresher.held.size());
        assertEquals(1, calls.get());
    }

    @Test
    void aFailedFirstCallIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        StatusCache cache = cache(id -> {
            calls.incrementAndGet();
            throw new IllegalStateException("boom " + calls.get());
        }, Duration.ofHours(1), new HeldRefreshes());
        assertEquals("boom 1", assertThrows(IllegalStateException.class, () -> cache.answer("batches/a")).getMessage());
        assertEquals("boom 2", assertThrows(IllegalStateException.class, () -> cache.answer("batches/a")).getMessage());
    }

    @Test
    void aFailedRefreshKeepsTheLastAnswerAndIsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        HeldRefreshes refresher = new HeldRefreshes();
        StatusCache cache = cache(id -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("Gemini is down");
            }
            return status(id, JobState.RUNNING, calls.get());
        }, Duration.ZERO, refresher);
        cache.answer("batches/a");
        cache.answer("batches/a");
        refresher.runAll();
        assertEquals("batches/a RUNNING 1", body(cache.answer("batches/a")), "the last answer after a failed refresh");
        refresher.runAll();
        assertEquals("batches/a RUNNING 3", body(cache.answer("batches/a")));
    }

    @Test
    void concurrentFirstRequestsShareOneCall() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        StatusCache cache = cache(id -> {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return status(id, JobState.RUNNING, 5);
        }, Duration.ofHours(1), new HeldRefreshes());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<StatusCache.Answer>> answers = new ArrayList<>();
        answers.add(pool.submit(() -> cache.answer("batches/a")));
        entered.await();
        for (int i = 0; i < 7; i++) {
            answers.add(pool.submit(() -> cache.answer("batches/a")));
        }
        release.countDown();
        for (Future<StatusCache.Answer> f : answers) {
            assertEquals(JobState.RUNNING, f.get().status().state());
        }
        pool.shutdown();
        assertEquals(1, calls.get());
    }

    @Test
    void knownNeverWaitsAndAnswersOnlyWhatTheFirstCallBrought() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        HeldRefreshes refresher = new HeldRefreshes();
        StatusCache cache = cache(id -> {
            if (calls.incrementAndGet() == 1) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return status(id, JobState.RUNNING, calls.get());
        }, Duration.ZERO, refresher);
        assertNull(cache.known("batches/a"), "never asked");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<StatusCache.Answer> first = pool.submit(() -> cache.answer("batches/a"));
        entered.await();
        assertNull(cache.known("batches/a"), "the first call is under way");
        release.countDown();
        assertEquals("batches/a RUNNING 1", body(first.get()));
        pool.shutdown();
        assertEquals("batches/a RUNNING 1", body(cache.known("batches/a")));
        assertEquals(1, refresher.held.size(), "a stale state is refreshed as by answer");
        refresher.runAll();
        assertEquals("batches/a RUNNING 2", body(cache.known("batches/a")));
    }

    @Test
    void knownIsNullAfterAFailedFirstCall() {
        StatusCache cache = cache(id -> {
            throw new IllegalStateException("no such job");
        }, Duration.ofHours(1), new HeldRefreshes());
        assertThrows(IllegalStateException.class, () -> cache.answer("batches/a"));
        assertNull(cache.known("batches/a"));
    }
}
