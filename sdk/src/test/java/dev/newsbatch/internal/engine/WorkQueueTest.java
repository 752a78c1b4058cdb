package dev.newsbatch.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queued ledger writes run in order, are all done after drain, and a failure stops the rest and reaches the caller. */
class WorkQueueTest {
    @Test
    void writesRunInOrderAndAreDoneAfterDrain() {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        try (WorkQueue q = new WorkQueue("t")) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                q.submit(() -> done.add(n));
            }
            q.drain();
            assertEquals(50, done.size());
            for (int i = 0; i < 50; i++) {
                assertEquals(i, done.get(i));
            }
        }
    }

    @Test
    void aFailedWriteStopsTheRestAndIsThrownToTheCaller() {
        IllegalStateException boom = new IllegalStateException("disk full");
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        try (WorkQueue q = new WorkQueue("t")) {
            java.util.concurrent.CountDownLatch queued = new java.util.concurrent.CountDownLatch(1);
            q.submit(() -> done.add(1));
            q.submit(() -> {
                try {
                    queued.await();   // fails only once the write after it is queued
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw boom;
            });
            q.submit(() -> done.add(3));
            queued.countDown();
            assertSame(boom, assertThrows(IllegalStateException.class, q::drain));
            assertSame(boom, assertThrows(IllegalStateException.class, () -> q.submit(() -> done.add(4))));
        }
        assertEquals(List.of(1), done);
    }

    @Test
    void closeWaitsForQueuedWrites() {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        try (WorkQueue q = new WorkQueue("t")) {
            for (int i = 0; i < 10; i++) {
                q.submit(() -> done.add(0));
            }
        }
        assertEquals(10, done.size());
    }

    @Test
    void anInterruptedCallerStillHasItsWritesDoneAndKeepsItsInterrupt() {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        try (WorkQueue q = new WorkQueue("t")) {
            Thread.currentThread().interrupt();
            for (int i = 0; i < 10; i++) {
                q.submit(() -> done.add(0));
            }
            q.drain();
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(10, done.size());
    }
}
