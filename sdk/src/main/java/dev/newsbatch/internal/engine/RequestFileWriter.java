package dev.newsbatch.internal.engine;

import dev.newsbatch.Article;
import dev.newsbatch.internal.plan.LineBuffer;
import dev.newsbatch.internal.plan.RequestTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Streams request lines into a JSONL file in Google's batch format, one article at a time, and moves
 * the finished file into place atomically on {@link #commit()}: a crash never leaves a half-written
 * request file under its final name. The file is written from scratch every time: temporary files a
 * killed writer left next to the target are removed, and a file already under the target name (one
 * whose ledger rows were never recorded) is replaced.
 *
 * <pre>{@code
 * try (RequestFileWriter w = RequestFileWriter.open(Path.of("chunk-0.jsonl"), template)) {
 *     for (Article a : articles) w.write(a);
 *     w.commit();
 * }
 * }</pre>
 */
public final class RequestFileWriter implements AutoCloseable {
    /** Bytes handed to the file at a time. */
    private static final int BUFFER = 1 << 18;

    private final Path target;
    private final Path temp;
    private final RequestTemplate template;
    private final OutputStream file;
    private final LineBuffer out;
    private int lines;
    private boolean committed;

    private RequestFileWriter(Path target, RequestTemplate template) throws IOException {
        this.target = target;
        this.template = template;
        Files.createDirectories(target.toAbsolutePath().getParent());
        removeLeftovers(target);
        this.temp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".", ".tmp");
        // the system's writes (which may wait on the disk) run beside the rendering of the next lines
        this.file = new BackgroundOutput(Files.newOutputStream(temp), BUFFER, "newsbatch-write-" + target.getFileName());
        this.out = new LineBuffer(file, BUFFER);
    }

    /** Opens a writer whose file appears at {@code target} on {@link #commit()}. */
    public static RequestFileWriter open(Path target, RequestTemplate template) {
        try {
            return new RequestFileWriter(target, template);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write request file " + target + ": " + e.getMessage(), e);
        }
    }

    /** Appends one article's request line. */
    public void write(Article article) {
        try {
            template.write(out, article);
            out.write('\n');
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write request file " + temp + ": " + e.getMessage(), e);
        }
    }

    /** Appends a line already in request format (used to resubmit failed items). */
    public void writeRaw(String line) {
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write request file " + temp + ": " + e.getMessage(), e);
        }
    }

    /** Bytes written so far (those still in the buffer included; nothing is flushed). */
    public long bytes() {
        return out.bytes();
    }

    /** Lines written so far. */
    public int lines() {
        return lines;
    }

    /** Flushes and closes the file, then moves it to its final name. */
    public Path commit() {
        try {
            out.flush();
            file.close();
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish request file " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                file.close();
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temp file is overwritten next time
            }
        }
    }

    /** Deletes the temporary files of earlier writers of {@code target} ({@code <name>.tmp}, {@code <name>.*.tmp}). */
    private static void removeLeftovers(Path target) throws IOException {
        String name = target.getFileName().toString();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.toAbsolutePath().getParent(),
                p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(name + ".") && n.endsWith(".tmp");
                })) {
            for (Path p : siblings) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String toString() {
        return "RequestFileWriter[" + target + ", lines=" + lines + "]";
    }
}
