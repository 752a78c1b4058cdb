package dev.newsbatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Working directories of the benchmarks: a run writes hundreds of megabytes (request files, ledgers,
 * the emulator's state), and each directory goes when the benchmark's JVM ends, also by {@code System.exit}.
 *
 * <pre>{@code
 * Path tmp = BenchDirs.create("makespan-");   // removed at exit
 * }</pre>
 */
final class BenchDirs {
    private BenchDirs() {}

    /** A new temporary directory, deleted with everything in it when the JVM exits. */
    static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                delete(dir);
            } catch (IOException | UncheckedIOException e) {
                System.err.println("could not remove " + dir + ": " + e.getMessage());
            }
        }, "remove " + dir.getFileName()));
        return dir;
    }

    /** Deletes {@code dir} and everything in it; nothing when it is already gone. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
