package dev.newsbatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    /** Batches the reading thread may be ahead: those queued, the one it fills and the one being handed over. */
    private static final long AHEAD = (ReadAhead.BATCHES + 2L) * ReadAhead.BATCH_ITEMS;

    @Test
    void everyItemComesInOrderAndTheReaderStaysAFewBatchesAhead() throws Exception {
        int n = 20_000;
        AtomicLong pulled = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        ConcurrentLinkedQueue<String> tooFar = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(1);
        try (ReadAhead<Integer> it = ReadAhead.start("test-read", () -> {
            long p = pulled.get();
            if (p - consumed.get() > AHEAD) {
                tooFar.add("pulled " + p + " with " + consumed.get() + " consumed");
            }
            return p < n ? (int) pulled.getAndIncrement() : null;
        }, i -> i % 1000 == 7 ? 3 * ReadAhead.BATCH_WEIGHT : i % 50, done::countDown)) {
            List<Integer> seen = new ArrayList<>();
            while (it.hasNext()) {
                seen.add(it.next());
                consumed.incrementAndGet();
            }
            assertEquals(n, seen.size());
            for (int i = 0; i < n; i++) {
                assertEquals(i, seen.get(i));
            }
            assertFalse(it.hasNext());
            assertThrows(NoSuchElementException.class, it::next);
        }
        done.await();   // the source is released once the end is read
        assertEquals(List.of(), List.copyOf(tooFar));
    }

    @Test
    void aProblemComesAfterTheItemsBeforeItAndStaysThere() throws Exception {
        IllegalStateException bad = new IllegalStateException("line 1001: bad record");
        AtomicLong pulled = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        ReadAhead<Long> it = ReadAhead.start("test-read", () -> {
            long p = pulled.getAndIncrement();
            if (p == 1000) {
                throw bad;
            }
            return p;
        }, i -> 1, done::countDown);
        for (long i = 0; i < 1000; i++) {
            assertTrue(it.hasNext());
            assertEquals(i, it.next());
        }
        assertSame(bad, assertThrows(IllegalStateException.class, it::hasNext));
        assertSame(bad, assertThrows(IllegalStateException.class, it::next));
        done.await();
        assertEquals(1001, pulled.get(), "nothing is read after the problem");
    }

    @Test
    void closingStopsTheReaderOfAnEndlessSource() throws Exception {
        AtomicLong pulled = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        ReadAhead<Long> it = ReadAhead.start("test-read", pulled::getAndIncrement, i -> 1, done::countDown);
        for (long i = 0; i < 10; i++) {
            assertEquals(i, it.next());
        }
        it.close();
        done.await();   // the reading thread stopped and released its source
        long after = pulled.get();
        assertTrue(after <= 10 + AHEAD, "read " + after);
        assertFalse(it.hasNext());
    }
}
