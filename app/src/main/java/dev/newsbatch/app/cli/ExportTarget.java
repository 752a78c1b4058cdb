package dev.newsbatch.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an export file named on the command line before any work is done, so that a mistyped
 * directory is bad usage (exit 2) rather than a failure after the results were gathered.
 *
 * <pre>{@code
 * ExportTarget.check("--parquet", Path.of("out/demo.parquet"));
 * }</pre>
 */
final class ExportTarget {
    private ExportTarget() {}

    /**
     * Returns {@code file} (or null when the option was not given).
     *
     * @throws IllegalArgumentException naming the option and the file when the file is a directory, or
     *                                  its directory is missing or not writable
     */
    static Path check(String option, Path file) {
        if (file == null) {
            return null;
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a directory; expected a file name");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + file + ": the directory " + dir
                    + " does not exist");
        }
        if (dir != null && !Files.isWritable(dir)) {
            throw new IllegalArgumentException(option + " " + file + ": the directory " + dir
                    + " is not writable");
        }
        return file;
    }
}
