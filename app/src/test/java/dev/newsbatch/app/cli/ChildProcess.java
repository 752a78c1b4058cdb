package dev.newsbatch.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code newsbatch} as a child JVM: {@code java -cp <the test class path> dev.newsbatch.app.cli.Main},
 * which is what {@code ./newsbatch} runs once the jar is built. The child gets no Gemini key, so it
 * uses its embedded emulator, unless the test passes one in {@code env}.
 */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final Path stderr;
    private final BufferedReader stdout;
    private final StringBuilder rest = new StringBuilder();
    private Thread drain;

    private ChildProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** What a finished child printed. */
    record Outcome(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static ChildProcess start(Path workDir, Map<String, String> env, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().keySet().removeAll(List.of("GOOGLE_API_KEY", "GEMINI_API_KEY", "GOOGLE_GEMINI_BASE_URL",
                "NEWSBATCH_API_TOKEN", "NEWSBATCH_DIR"));
        pb.environment().putAll(env);
        try {
            Path err = Files.createTempFile(workDir, "child-", ".err");
            pb.redirectError(err.toFile());
            return new ChildProcess(pb.start(), err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command to its end (at most two minutes). */
    static Outcome run(Path workDir, Map<String, String> env, String... args) {
        try (ChildProcess child = start(workDir, env, args)) {
            return child.finish();
        }
    }

    /** Runs a command to its end with {@code input} on its standard input. */
    static Outcome runWithInput(Path workDir, Map<String, String> env, String input, String... args) {
        try (ChildProcess child = start(workDir, env, args)) {
            try (var in = child.process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return child.finish();
        }
    }

    /** Reads standard output until a line contains {@code marker}; returns that line. */
    String awaitLine(String marker) {
        try {
            for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                rest.append(line).append('\n');
                if (line.contains(marker)) {
                    drainInBackground();
                    return line;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the child ended without printing \"" + marker + "\": " + rest + "\n" + err());
    }

    /** Waits for the end and returns what was printed. */
    Outcome finish() {
        try {
            if (drain == null) {
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                rest.append(out);
            }
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                throw new AssertionError("the child did not finish within two minutes: " + rest);
            }
            if (drain != null) {
                drain.join();
            }
            return new Outcome(process.exitValue(), rest.toString(), err());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Stops the child (SIGTERM, so its shutdown hooks run) and returns what it printed. */
    Outcome stop() {
        process.destroy();
        return finish();
    }

    String err() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drainInBackground() {
        drain = new Thread(() -> {
            try {
                for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                    synchronized (rest) {
                        rest.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the child ended
            }
        }, "child-stdout");
        drain.setDaemon(true);
        drain.start();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
