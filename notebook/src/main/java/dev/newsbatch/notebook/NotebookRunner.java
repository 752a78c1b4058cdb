package dev.newsbatch.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Re-executes IJava notebooks and writes their outputs back: every code cell in order, through
 * JShell in this JVM (the engine IJava runs on), honouring the {@code %jars} and {@code %classpath}
 * line magics. Printed text becomes {@code stream} outputs, {@link Notebook#display} and the value
 * of a cell's last expression become rich outputs (HTML, SVG), and the first failure becomes an
 * {@code error} output that stops the notebook.
 *
 * <p>Each notebook gets a fresh session and a fresh batch directory, passed to it as the system
 * property {@code newsbatch.dir} (the notebooks read it, defaulting to {@code batch_jobs}), deleted
 * afterwards.
 *
 * <pre>{@code
 * // java -jar notebook/target/newsbatch-notebook-all.jar notebooks/*.ipynb
 * ExecutedNotebook nb = NotebookRunner.ofDefaults().run(Path.of("notebooks/quickstart.ipynb"));
 * if (nb.isOk()) nb.write();
 * }</pre>
 */
public final class NotebookRunner {
    /** The system property through which notebooks learn their batch directory. */
    public static final String DIRECTORY_PROPERTY = "newsbatch.dir";

    private static final String USAGE = "usage: NotebookRunner [--check] [--out DIR] [--sdk-on-class-path] [--in-process] NOTEBOOK.ipynb...";

    private final boolean sdkProvided;

    private NotebookRunner(boolean sdkProvided) {
        this.sdkProvided = sdkProvided;
    }

    /**
     * A runner whose {@code %jars} lines must name existing jars (the all-in-one jar,
     * {@code notebook/target/newsbatch-notebook-all.jar}, is built by {@code package}).
     */
    public static NotebookRunner ofDefaults() {
        return new NotebookRunner(false);
    }

    /**
     * A runner that puts this JVM's class path on each session's class path and counts
     * {@code %jars} of the all-in-one jar as satisfied by it: for tests, which run before the jar is
     * packaged, against the freshly compiled classes.
     */
    public static NotebookRunner onClassPath() {
        return new NotebookRunner(true);
    }

    /** Executes every code cell of {@code notebook} in order; the file is not changed. */
    public ExecutedNotebook run(Path notebook) {
        if (notebook == null) {
            throw new IllegalArgumentException("notebook must not be null");
        }
        Ipynb nb = Ipynb.read(notebook);
        Path directory = notebook.toAbsolutePath().getParent();
        long start = System.nanoTime();
        List<String> errors = new ArrayList<>();
        List<ObjectNode> cells = nb.codeCells();
        String oldCapture = System.getProperty(CaptureFrontend.PROPERTY);
        String oldDir = System.getProperty(DIRECTORY_PROPERTY);
        Path state = temporaryDirectory();
        System.setProperty(CaptureFrontend.PROPERTY, "true");
        System.setProperty(DIRECTORY_PROPERTY, state.resolve("batch_jobs").toString());
        int executed = 0;
        List<Duration> cellTimes = new ArrayList<>();
        try (NotebookShell shell = new NotebookShell(directory, sdkProvided)) {
            for (ObjectNode cell : cells) {
                executed++;
                Transcript transcript = new Transcript();
                long cellStart = System.nanoTime();
                boolean ok = shell.run(Ipynb.source(cell), executed, transcript);
                cellTimes.add(Duration.ofNanos(System.nanoTime() - cellStart));
                ArrayNode outputs = transcript.outputs();
                Ipynb.record(cell, executed, outputs);
                if (!ok) {
                    errors.add("cell " + executed + ": " + describe(outputs));
                    nb.clearFrom(executed);
                    break;
                }
            }
        } finally {
            restore(CaptureFrontend.PROPERTY, oldCapture);
            restore(DIRECTORY_PROPERTY, oldDir);
            delete(state);
        }
        return new ExecutedNotebook(notebook, executed, cells.size(), errors,
                Duration.ofNanos(System.nanoTime() - start), cellTimes, nb.toJson());
    }

    /**
     * Re-executes the notebooks named on the command line and writes each back if it ran without
     * error; exits with status 1 if any failed. Like Jupyter, each notebook runs in its own JVM whose
     * working directory is the notebook's, so relative paths in cells mean what they mean in IJava;
     * system properties starting with {@code newsbatch.} are passed on.
     *
     * <p>Options: {@code --check} executes without writing; {@code --out DIR} writes the executed
     * notebooks into DIR instead; {@code --sdk-on-class-path} runs as {@link #onClassPath()} does;
     * {@code --in-process} runs in this JVM (the child's mode).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        boolean write = true;
        boolean provided = false;
        boolean inProcess = false;
        Path out = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--check" -> write = false;
                case "--sdk-on-class-path" -> provided = true;
                case "--in-process" -> inProcess = true;
                case "--out" -> {
                    if (i + 1 == args.length) {
                        usage();
                    }
                    out = Path.of(args[++i]).toAbsolutePath();
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        usage();
                    }
                    files.add(Path.of(args[i]).toAbsolutePath());
                }
            }
        }
        if (files.isEmpty()) {
            usage();
        }
        boolean failed = false;
        for (Path f : files) {
            if (inProcess) {
                ExecutedNotebook nb = (provided ? onClassPath() : ofDefaults()).run(f);
                System.err.println(nb);
                if (Boolean.getBoolean("newsbatch.notebook.timing")) {
                    for (int c = 0; c < nb.cellTimes().size(); c++) {
                        System.err.println("  cell " + (c + 1) + ": " + dev.newsbatch.Format.duration(nb.cellTimes().get(c)));
                    }
                }
                nb.errors().forEach(e -> System.err.println("  " + e));
                if (nb.isOk() && out != null) {
                    Files.createDirectories(out);
                    Files.writeString(out.resolve(f.getFileName()), nb.json());
                } else if (nb.isOk() && write) {
                    nb.write();
                }
                failed |= !nb.isOk();
            } else {
                failed |= child(f, write, provided, out).waitFor() != 0;
            }
        }
        System.exit(failed ? 1 : 0);
    }

    /** Starts a JVM that runs one notebook in-process, in the notebook's directory, sharing this console. */
    static Process child(Path notebook, boolean write, boolean provided, Path out) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("newsbatch.")).sorted()
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        String classPath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank()).map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        command.addAll(List.of("-cp", classPath, NotebookRunner.class.getName(),
                "--in-process"));
        if (!write) {
            command.add("--check");
        }
        if (provided) {
            command.add("--sdk-on-class-path");
        }
        if (out != null) {
            command.addAll(List.of("--out", out.toString()));
        }
        command.add(notebook.toString());
        return new ProcessBuilder(command).directory(notebook.getParent().toFile()).inheritIO().start();
    }

    private static void usage() {
        System.err.println(USAGE);
        System.exit(2);
    }

    private static String describe(ArrayNode outputs) {
        for (var o : outputs) {
            if ("error".equals(o.path("output_type").asText())) {
                return o.path("ename").asText() + ": " + o.path("evalue").asText();
            }
        }
        return "failed";
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("newsbatch-notebook-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary batch directory", e);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("newsbatch: could not delete " + dir + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "NotebookRunner[" + (sdkProvided ? "SDK on the class path" : "%jars as written") + "]";
    }

    /**
     * A notebook after execution.
     *
     * @param file      the notebook file
     * @param executed  code cells executed (including a failed one)
     * @param codeCells code cells in the notebook
     * @param errors    one line per failed cell (at most one: execution stops there)
     * @param elapsed   how long the execution took
     * @param cellTimes how long each executed code cell took, in order
     * @param json      the notebook with its new outputs, as Jupyter writes it, machine details
     *                  scrubbed ({@link #scrub})
     */
    public record ExecutedNotebook(Path file, int executed, int codeCells, List<String> errors, Duration elapsed,
                                   List<Duration> cellTimes, String json) {
        public ExecutedNotebook {
            errors = List.copyOf(errors);
            cellTimes = List.copyOf(cellTimes);
            json = scrub(json);
        }

        /**
         * The text with this machine's details replaced by placeholders, so stored outputs do not
         * change from run to run: paths under the temporary directory become {@code {tmp}/...} and
         * loopback ports {@code 127.0.0.1:{port}} (plain text, as HTML too).
         */
        public static String scrub(String text) {
            if (text == null) {
                return null;
            }
            String tmp = System.getProperty("java.io.tmpdir", "/tmp").replaceAll("[/\\\\]+$", "");
            String out = text;
            for (String dir : new java.util.LinkedHashSet<>(List.of(tmp, "/tmp"))) {
                if (!dir.isEmpty()) {
                    out = out.replaceAll(java.util.regex.Pattern.quote(dir) + "/[A-Za-z0-9._-]+", "{tmp}");
                }
            }
            return out.replaceAll("(127\\.0\\.0\\.1|localhost|\\[::1\\]):[0-9]+", "$1:{port}");
        }

        /** True if every code cell ran without error. */
        public boolean isOk() {
            return errors.isEmpty() && executed == codeCells;
        }

        /** Writes the notebook with its outputs back to its file. */
        public Path write() {
            try {
                return Files.writeString(file, json);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write notebook " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return file.getFileName() + ": " + executed + " of " + dev.newsbatch.Format.plural(codeCells, "code cell")
                    + " in " + dev.newsbatch.Format.duration(elapsed) + (isOk() ? "" : ", FAILED");
        }
    }
}
