package dev.newsbatch.internal.engine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * An output stream whose writes reach the file on a thread of its own: each write is copied into one of a few
 * buffers and queued, so that the caller goes on producing bytes while the system writes (which can wait on
 * the disk). Order is kept; {@link #flush()} returns once every byte written so far is in the file, and
 * {@link #close()} once the file is closed; the first failure of the file is thrown by the next call. At most
 * {@value #BUFFERS} buffers of the given size are held. Not for use by several threads at once.
 *
 * <pre>{@code
 * try (OutputStream out = new BackgroundOutput(Files.newOutputStream(temp), 1 << 18, "newsbatch-write")) {
 *     out.write(bytes, 0, n);
 * }
 * }</pre>
 */
final class BackgroundOutput extends OutputStream {
    static final int BUFFERS = 4;

    /** A piece of work for the writing thread: bytes, a flush (whose latch opens when done), or the end. */
    private record Piece(byte[] bytes, int length, CountDownLatch flushed, boolean end) { }

    private final OutputStream file;
    private final int size;
    private final BlockingQueue<Piece> work = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread writer;
    private int made;
    private volatile IOException failure;
    private boolean closed;

    /** Writes to {@code file} on a thread named {@code name}, in pieces of up to {@code size} bytes. */
    BackgroundOutput(OutputStream file, int size, String name) {
        this.file = file;
        this.size = size;
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    private void run() {
        try {
            while (true) {
                Piece p = work.take();
                try {
                    if (p.end()) {
                        if (failure == null) {
                            file.close();
                        }
                        return;
                    }
                    if (failure == null) {
                        if (p.flushed() != null) {
                            file.flush();
                        } else {
                            file.write(p.bytes(), 0, p.length());
                        }
                    }
                } catch (IOException e) {
                    failure = e;   // the rest is not written; the caller learns of it on its next call
                } finally {
                    if (p.flushed() != null) {
                        p.flushed().countDown();
                    } else if (p.bytes() != null && p.bytes().length == size) {
                        free.offer(p.bytes());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (failure != null) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // the first failure is the one reported
                }
            }
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check();
        while (len > 0) {
            int n = Math.min(len, size);
            byte[] buf = buffer();
            System.arraycopy(b, off, buf, 0, n);
            put(new Piece(buf, n, null, false));
            off += n;
            len -= n;
        }
    }

    /** Waits until everything written so far is in the file. */
    @Override
    public void flush() throws IOException {
        check();
        CountDownLatch done = new CountDownLatch(1);
        put(new Piece(null, 0, done, false));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
        check();
    }

    /** Writes what is queued, closes the file and stops the thread; throws the file's first failure. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        // not cut short by an interrupt: the thread must get its end, and the file be closed, whatever happens
        boolean interrupted = false;
        Piece end = new Piece(null, 0, null, true);
        while (true) {
            try {
                work.put(end);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (true) {
            try {
                writer.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        check();
    }

    private byte[] buffer() throws IOException {
        byte[] b = free.poll();
        if (b != null) {
            return b;
        }
        if (made < BUFFERS + 1) {
            made++;
            return new byte[size];
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private void put(Piece p) throws IOException {
        try {
            work.put(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private void check() throws IOException {
        IOException e = failure;
        if (e != null) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "BackgroundOutput[" + writer.getName() + ", " + work.size() + " pieces queued]";
    }
}
