package dev.newsbatch.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file (UTF-8 text, or any format through {@link #replace}) so that readers see either the old content or the whole new one: the text
 * goes to a temporary sibling, which then replaces the file in one atomic move.
 *
 * <pre>{@code
 * AtomicFile.write(Path.of("results_demo.json"), out -> out.write("[]"));
 * }</pre>
 */
public final class AtomicFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {}

    /** What writes the file's content. */
    @FunctionalInterface
    public interface Body {
        /** Writes the content to {@code out}. */
        void write(Writer out) throws IOException;
    }

    /** What writes a file of any format, given the temporary path to write it to. */
    @FunctionalInterface
    public interface FileBody {
        /** Writes the whole content to {@code tmp}. */
        void write(Path tmp) throws IOException;
    }

    /**
     * Writes {@code file} (creating its directory) and returns it.
     *
     * @throws UncheckedIOException naming the file if it cannot be written
     */
    public static Path write(Path file, Body body) {
        return replace(file, tmp -> {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                body.write(out);
            }
        });
    }

    /**
     * Writes {@code file} through {@code body}, which writes a temporary sibling that then replaces
     * {@code file} in one atomic move (creating its directory); the sibling is removed if anything fails.
     *
     * @throws UncheckedIOException naming the file if it cannot be written
     */
    public static Path replace(Path file, FileBody body) {
        // A temporary name of its own per write: two threads or processes writing the same file at once
        // (two runs updating job_tracking.json) must not move each other's half-written text.
        Path tmp = file.resolveSibling(file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            try {
                body.write(tmp);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write failed already; that is what is reported
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
