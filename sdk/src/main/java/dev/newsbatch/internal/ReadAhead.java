package dev.newsbatch.internal;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * An iterator that reads ahead on a thread of its own: while the consumer works on the items it has, the
 * next ones are pulled from the source (a file being read and parsed), so the two use two processors.
 * Items are handed over in batches bounded by count and by weight (e.g. characters), at most a few batches
 * ahead, so what is held stays bounded whatever the input. Items, and a problem the source throws, arrive in
 * the source's order: the items before it, then the exception (again on every later call). The reading
 * thread stops at the end, on a problem, on {@link #close()}, or when the iterator is dropped unclosed; it
 * then runs {@code whenDone} (to close the source). Not for use by several consumer threads.
 *
 * <pre>{@code
 * try (ReadAhead<Article> it = ReadAhead.start("newsbatch-read", stream::pull, a -> a.contents().length(),
 *         stream::closeSource)) {
 *     while (it.hasNext()) { use(it.next()); }
 * }
 * }</pre>
 */
public final class ReadAhead<T> implements Iterator<T>, AutoCloseable {
    /** Items a batch holds at most. */
    static final int BATCH_ITEMS = 256;
    /** Weight a batch holds at most (one heavier item makes a batch of its own). */
    static final long BATCH_WEIGHT = 1 << 20;
    /** Batches read ahead at most. */
    static final int BATCHES = 4;

    private static final Object END = new Object();

    private final Shared state;
    private List<T> batch = List.of();
    private int at;
    private RuntimeException failure;
    private boolean ended;

    /** What the consumer and the reading thread share: never the iterator itself, so it can be dropped. */
    private static final class Shared {
        /** Batches ({@code List}), a problem ({@code Throwable}) or {@link #END}. */
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
        volatile boolean stopped;
    }

    private ReadAhead(Shared state) {
        this.state = state;
    }

    /**
     * Starts reading: {@code source} gives the next item or null at the end, and may throw; {@code weight}
     * tells an item's share of a batch; {@code whenDone} runs on the reading thread when it stops.
     */
    public static <T> ReadAhead<T> start(String threadName, Supplier<T> source, ToLongFunction<T> weight,
                                         Runnable whenDone) {
        Shared state = new Shared();
        ReadAhead<T> it = new ReadAhead<>(state);
        WeakReference<ReadAhead<T>> owner = new WeakReference<>(it);
        Thread t = new Thread(() -> read(state, owner, source, weight, whenDone), threadName);
        t.setDaemon(true);
        t.start();
        return it;
    }

    private static <T> void read(Shared state, WeakReference<?> owner, Supplier<T> source, ToLongFunction<T> weight,
                                 Runnable whenDone) {
        try {
            while (!state.stopped) {
                List<T> items = new ArrayList<>();
                long held = 0;
                T item = null;
                Throwable problem = null;
                try {
                    while (items.size() < BATCH_ITEMS && held < BATCH_WEIGHT && (item = source.get()) != null) {
                        items.add(item);
                        held += weight.applyAsLong(item);
                    }
                } catch (RuntimeException | Error e) {
                    problem = e;
                }
                if (!items.isEmpty() && !hand(state, owner, items)) {
                    return;
                }
                if (problem != null || item == null) {
                    hand(state, owner, problem != null ? problem : END);
                    return;
                }
            }
        } finally {
            try {
                whenDone.run();
            } catch (RuntimeException e) {
                // a source that fails to close changes nothing that was read, and no caller is left to tell
            }
        }
    }

    /** Queues {@code o}; false when the consumer closed or dropped the iterator meanwhile. */
    private static boolean hand(Shared state, WeakReference<?> owner, Object o) {
        try {
            while (!state.queue.offer(o, 1, TimeUnit.SECONDS)) {
                if (state.stopped || owner.get() == null) {
                    return false;
                }
            }
            return !state.stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean hasNext() {
        if (at < batch.size()) {
            return true;
        }
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return false;
        }
        Object o;
        try {
            o = state.queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException("interrupted while reading ahead", new InterruptedIOException());
        }
        if (o == END) {
            ended = true;
            batch = List.of();
            return false;
        }
        if (o instanceof RuntimeException e) {
            failure = e;
            throw e;
        }
        if (o instanceof Error e) {
            ended = true;
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<T> next = (List<T>) o;
        batch = next;
        at = 0;
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = batch.get(at);
        batch.set(at++, null);   // handed on: not kept here
        return item;
    }

    /** Stops the reading thread; it closes the source when it has stopped. */
    @Override
    public void close() {
        state.stopped = true;
        state.queue.clear();
        batch = List.of();
        ended = true;
    }

    @Override
    public String toString() {
        return "ReadAhead[" + (ended ? "ended" : state.queue.size() + " batches ready") + "]";
    }
}
