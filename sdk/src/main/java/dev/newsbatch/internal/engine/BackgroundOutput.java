package dev.newsbatch.internal.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * An output stream whose writes reach the file on a thread of its own (a {@link WorkQueue}): each write is
 * copied and queued, so that the caller goes on producing bytes while the system writes (which can wait on
 * the disk). Order is kept; {@link #flush()} returns once every byte written so far is in the file, and
 * {@link #close()} once the file is closed; the first failure of the file is thrown by the next call, and the
 * file is closed after a failure too. At most {@link WorkQueue#DEPTH} copies of up to the given size wait.
 * Not for use by several threads at once.
 *
 * <pre>{@code
 * try (OutputStream out = new BackgroundOutput(Files.newOutputStream(temp), 1 << 18, "newsbatch-write")) {
 *     out.write(bytes, 0, n);
 * }
 * }</pre>
 */
final class BackgroundOutput extends OutputStream {
    /** What the writing thread does with the file. */
    private interface FileWork {
        void run() throws IOException;
    }

    private final OutputStream file;
    private final int size;
    private final WorkQueue work;
    private boolean closed;

    /** Writes to {@code file} on a thread named {@code name}, in pieces of up to {@code size} bytes. */
    BackgroundOutput(OutputStream file, int size, String name) {
        this.file = file;
        this.size = size;
        this.work = new WorkQueue(name);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, size);
            byte[] copy = Arrays.copyOfRange(b, off, off + n);   // the caller reuses its array at once
            submit(() -> file.write(copy));
            off += n;
            len -= n;
        }
    }

    /** Waits until everything written so far is in the file. */
    @Override
    public void flush() throws IOException {
        submit(file::flush);
        drain();
    }

    /** Writes what is queued, closes the file and stops the thread; throws the file's first failure. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        try {
            submit(file::close);
            drain();
        } catch (IOException e) {
            failure = e;
        }
        work.close();
        if (failure != null) {
            try {
                file.close();   // the thread has stopped: the file it could not finish is closed here
            } catch (IOException ignored) {
                // the first failure is the one reported
            }
            throw failure;
        }
    }

    private void submit(FileWork w) throws IOException {
        try {
            work.submit(() -> {
                try {
                    w.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void drain() throws IOException {
        try {
            work.drain();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return "BackgroundOutput[" + work + "]";
    }
}
