package dev.newsbatch.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root directory, found from the working directory (Maven runs each module's tests in its own folder). */
public final class RepoRoot {
    private RepoRoot() {}

    /** The nearest directory, from the working directory up, holding jshell-startup.jsh and notebooks/. */
    public static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("jshell-startup.jsh")) && Files.isDirectory(dir.resolve("notebooks"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root (with jshell-startup.jsh and notebooks/) above "
                + Path.of("").toAbsolutePath());
    }
}
