package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbatch.JobState;
import dev.newsbatch.JobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatusCacheTest {
    private static JobStatus status(String id, JobState state) {
        return new JobStatus(id, "run", state, 10, 5, 50.0, null, null, null);
    }

    @Test
    void terminalStatesAreKeptForGood() {
        AtomicInteger calls = new AtomicInteger();
        StatusCache cache = new StatusCache(id -> {
            calls.incrementAndGet();
            return status(id, JobState.SUCCEEDED);
        }, Duration.ZERO);
        cache.status("batches/a");
        cache.status("batches/a");
        assertEquals(1, calls.get());
    }

    @Test
    void runningStatesAreAskedAgainOnceStale() {
        AtomicInteger calls = new AtomicInteger();
        StatusCache cache = new StatusCache(id -> {
            calls.incrementAndGet();
            return status(id, JobState.RUNNING);
        }, Duration.ZERO);
        cache.status("batches/a");
        cache.status("batches/a");
        assertEquals(2, calls.get());
    }

    @Test
    void runningStatesAreReusedWhileFresh() {
        AtomicInteger calls = new AtomicInteger();
        StatusCache cache = new StatusCache(id -> {
            calls.incrementAndGet();
            return status(id, JobState.RUNNING);
        }, Duration.ofHours(1));
        JobStatus first = cache.status("batches/a");
        assertSame(first, cache.status("batches/a"));
        assertEquals(1, calls.get());
    }

    @Test
    void failuresAreNotKept() {
        AtomicInteger calls = new AtomicInteger();
        StatusCache cache = new StatusCache(id -> {
            calls.incrementAndGet();
            throw new IllegalStateException("boom " + calls.get());
        }, Duration.ofHours(1));
        assertEquals("boom 1", assertThrows(IllegalStateException.class, () -> cache.status("batches/a")).getMessage());
        assertEquals("boom 2", assertThrows(IllegalStateException.class, () -> cache.status("batches/a")).getMessage());
    }

    @Test
    void concurrentRequestsShareOneCall() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        StatusCache cache = new StatusCache(id -> {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return status(id, JobState.RUNNING);
        }, Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<JobStatus>> answers = new ArrayList<>();
        answers.add(pool.submit(() -> cache.status("batches/a")));
        entered.await();
        for (int i = 0; i < 7; i++) {
            answers.add(pool.submit(() -> cache.status("batches/a")));
        }
        release.countDown();
        for (Future<JobStatus> f : answers) {
            assertEquals(JobState.RUNNING, f.get().state());
        }
        pool.shutdown();
        assertEquals(1, calls.get());
    }
}
