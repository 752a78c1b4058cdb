package dev.newsbatch.internal.run;

import dev.newsbatch.RunBusyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One driver per run. Across processes, an OS file lock on {@code <dir>/locks/<run>.lock}, held while
 * a process drives the run and released by the OS when the process dies (so {@code kill -9} frees it);
 * the holder writes its pid, host and start time into the file for the next one's message. Inside
 * one process, every step that changes the run (preparing and submitting, one pass of polling and
 * submitting, resubmitting, a real-time round) runs under one lock per run, so parallel calls (a REST
 * server's requests) are serialised instead of sending the same articles twice.
 */
final class RunLock implements AutoCloseable {
    private static final Map<Path, Holder> HOLDERS = new ConcurrentHashMap<>();

    private final Holder holder;
    private boolean closed;

    private RunLock(Holder holder) {
        this.holder = holder;
    }

    /**
     * Takes the run for this process (shared by the calls of this process that drive it).
     *
     * @throws RunBusyException if another process drives it
     */
    static RunLock drive(Path directory, String runId) {
        Path file;
        try {
            file = Files.createDirectories(directory).toRealPath().resolve("locks").resolve(runId + ".lock");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the batch directory " + directory + ": " + e.getMessage(), e);
        }
        Holder h = HOLDERS.computeIfAbsent(file, Holder::new);
        h.join(runId);
        return new RunLock(h);
    }

    /** Runs one step that changes the run, serialised with the other steps of this process. */
    <T> T step(Supplier<T> work) {
        holder.steps.lock();
        try {
            return work.get();
        } finally {
            holder.steps.unlock();
        }
    }

    /** The in-process lock of the run's steps. */
    java.util.concurrent.locks.Lock steps() {
        return holder.steps;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            holder.leave();
        }
    }

    /** The process's hold on one run's lock file, counted over the calls using it. */
    private static final class Holder {
        final Path file;
        final ReentrantLock steps = new ReentrantLock();
        int users;
        FileChannel channel;
        FileLock lock;

        Holder(Path file) {
            this.file = file;
        }

        synchronized void join(String runId) {
            if (users == 0) {
                acquire(runId);
            }
            users++;
        }

        synchronized void leave() {
            if (--users == 0) {
                try {
                    lock.release();
                    channel.close();
                } catch (IOException ignored) {
                    // the OS releases the lock with the channel or the process
                }
                lock = null;
                channel = null;
            }
        }

        private void acquire(String runId) {
            try {
                Files.createDirectories(file.getParent());
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock l = ch.tryLock();
                if (l == null) {
                    String owner = owner(ch);
                    ch.close();
                    throw new RunBusyException(runId, owner);
                }
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(me().getBytes(StandardCharsets.UTF_8)), 0);
                ch.force(false);
                channel = ch;
                lock = l;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock run " + runId + " at " + file + ": " + e.getMessage(), e);
            }
        }

        private static String owner(FileChannel ch) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(512);
            ch.read(b, 0);
            String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "a process that has not said who it is yet" : text;
        }

        private static String me() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "unknown host";
            }
            return "pid " + ProcessHandle.current().pid() + " on " + host + " since " + Instant.now();
        }
    }
}
