package dev.newsbatch.internal.engine;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Work run in order on a thread of its own, so that it overlaps what the caller does next: a prepare's ledger
 * writes (SQLite's work on one request file's rows beside the reading and writing of the next file), a request
 * file's system calls ({@link BackgroundOutput}). At most {@link #DEPTH} pieces wait; a caller that needs the
 * work done (a lookup, the end of a prepare, a file's end) {@link #drain()}s first, and a failed piece stops
 * the rest and is thrown to the caller at its next call. For the prepare the order the engine relies on
 * holds: a file is in place before its rows are written, and every row is committed before
 * {@link BatchEngine#prepare} returns, so before any upload.
 *
 * <pre>{@code
 * try (WorkQueue writes = new WorkQueue("newsbatch-ledger-run-1")) {
 *     writes.submit(() -> ledger.addJob(job, items));
 *     writes.drain();
 * }
 * }</pre>
 */
final class WorkQueue implements AutoCloseable {
    /** Pieces that may wait (for the prepare: each holds one request file's item records). */
    static final int DEPTH = 4;
    private static final Runnable STOP = () -> { };

    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(DEPTH);
    private final Thread thread;
    /** Writes submitted and not yet done; guarded by this. */
    private int open;
    /** The first write that failed; guarded by this. */
    private Throwable failure;

    /** Runs the work on a thread named {@code threadName}. */
    WorkQueue(String threadName) {
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a piece of work, waiting while {@link #DEPTH} are queued; throws the failure of an earlier one.
     * An interrupt does not abandon it (a ledger write records a file already in place; file bytes must
     * reach the file in order): it is queued, and the thread's interrupt status is set again.
     */
    void submit(Runnable write) {
        synchronized (this) {
            rethrow();
            open++;
        }
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(write);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every queued write is done; throws the first failure. */
    synchronized void drain() {
        await();
        rethrow();
    }

    /** Waits for the queued writes (a failure is thrown by {@link #drain()}, not here) and ends the thread. */
    @Override
    public void close() {
        synchronized (this) {
            await();
        }
        queue.add(STOP);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void await() {
        boolean interrupted = false;
        while (open > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;   // the writes are short: they are waited for, not abandoned
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private void run() {
        while (true) {
            Runnable write;
            try {
                write = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (write == STOP) {
                return;
            }
            Throwable failed = null;
            synchronized (this) {
                if (failure != null) {
                    write = null;   // after a failure, nothing more is written
                }
            }
            if (write != null) {
                try {
                    write.run();
                } catch (RuntimeException | Error e) {
                    failed = e;
                }
            }
            synchronized (this) {
                if (failed != null && failure == null) {
                    failure = failed;
                }
                open--;
                notifyAll();
            }
        }
    }

    @Override
    public String toString() {
        return "WorkQueue[" + thread.getName() + "]";
    }
}
