package dev.newsbatch.notebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * A JShell session that runs notebook cells the way IJava does: in this JVM, snippet by snippet,
 * with IJava's {@code %jars} and {@code %classpath} line magics, the value of a cell's last
 * expression as its result, and the first failure as an error output that stops the cell.
 */
final class NotebookShell implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALL_IN_ONE_JAR = "newsbatch-notebook-all";

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Path directory;
    private final boolean sdkProvided;
    private final Set<String> classPath = new LinkedHashSet<>();

    /**
     * A session resolving relative paths against {@code directory} (the notebook's, as Jupyter starts
     * kernels there). With {@code sdkProvided}, this JVM's class path is on the session's class path
     * and {@code %jars} of the all-in-one jar (newsbatch-notebook-all.jar) is already satisfied by it.
     */
    NotebookShell(Path directory, boolean sdkProvided) {
        this.directory = directory;
        this.sdkProvided = sdkProvided;
        this.shell = JShell.builder().executionEngine("local").build();
        this.analysis = shell.sourceCodeAnalysis();
        if (sdkProvided) {
            for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    addToClassPath(Path.of(entry));
                }
            }
        }
    }

    /**
     * Runs one cell's source, printing into {@code transcript} (standard output and error are
     * redirected while it runs).
     *
     * @return true if the cell ran without error
     */
    boolean run(String source, int executionCount, Transcript transcript) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(transcript.out());
        System.setErr(transcript.err());
        try {
            return runLines(source, executionCount, transcript);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
        }
    }

    private boolean runLines(String source, int executionCount, Transcript transcript) {
        StringBuilder code = new StringBuilder();
        Snippet last = null;
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("%") && !trimmed.startsWith("%%")) {
                Outcome o = eval(code.toString(), transcript);
                if (!o.ok()) {
                    return false;
                }
                code.setLength(0);
                if (!magic(trimmed.substring(1), transcript)) {
                    return false;
                }
                last = null;
                code.append('\n');
            } else if (trimmed.startsWith("%%")) {
                transcript.add(error("UnsupportedMagic", "cell magics are not supported: " + trimmed, List.of()));
                return false;
            } else {
                code.append(line).append('\n');
            }
        }
        Outcome o = eval(code.toString(), transcript);
        if (!o.ok()) {
            return false;
        }
        last = o.last() != null ? o.last() : last;
        if (last != null) {
            result(last, executionCount, transcript);
        }
        return true;
    }

    /** The outcome of evaluating a run of code: whether it worked, and its last snippet. */
    private record Outcome(boolean ok, Snippet last) {}

    private Outcome eval(String code, Transcript transcript) {
        Snippet last = null;
        String remaining = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                return new Outcome(true, last);
            }
            if (!info.completeness().isComplete()) {
                transcript.add(error("IncompleteSourceException", "incomplete source: "
                        + abbreviate(info.remaining().strip()), List.of()));
                return new Outcome(false, last);
            }
            List<SnippetEvent> events = shell.eval(info.source());
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                if (event.exception() != null) {
                    transcript.add(exception(event.exception()));
                    return new Outcome(false, last);
                }
                if (!event.status().isDefined()) {
                    transcript.add(compilation(event.snippet()));
                    return new Outcome(false, last);
                }
                last = event.snippet();
            }
            remaining = info.remaining();
        }
    }

    /** Shows the value of a cell's last snippet, if it is an expression, as the cell's result. */
    private void result(Snippet last, int executionCount, Transcript transcript) {
        String name = switch (last.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND -> ((VarSnippet) last).name();
            case VAR_VALUE_SUBKIND -> ((ExpressionSnippet) last).name();
            default -> null;
        };
        if (name == null) {
            return;
        }
        Transcript display = new Transcript();
        PrintStream out = System.out;
        System.setOut(display.out());
        boolean rendered;
        try {
            rendered = shell.eval("dev.newsbatch.notebook.Notebook.display(" + name + ");").stream()
                    .allMatch(e -> e.exception() == null && e.status().isDefined());
        } finally {
            System.setOut(out);
        }
        ArrayNode outputs = display.outputs();
        ObjectNode data;
        if (rendered && outputs.size() == 1 && outputs.get(0).has("data")) {
            data = (ObjectNode) outputs.get(0).get("data");
        } else {
            String value = shell.snippets().filter(s -> s == last).findFirst()
                    .flatMap(s -> s instanceof VarSnippet v ? java.util.Optional.ofNullable(shell.varValue(v))
                            : java.util.Optional.empty()).orElse(null);
            if (value == null) {
                return;
            }
            data = JSON.createObjectNode();
            data.set("text/plain", Ipynb.lines(value));
        }
        if (data.path("text/plain").toString().equals("[\"null\"]")) {
            return;
        }
        ObjectNode node = JSON.createObjectNode();
        node.set("data", data);
        node.put("execution_count", executionCount);
        node.putObject("metadata");
        node.put("output_type", "execute_result");
        transcript.add(node);
    }

    private boolean magic(String line, Transcript transcript) {
        String[] words = line.trim().split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        if (!name.equals("jars") && !name.equals("classpath")) {
            transcript.add(error("UnsupportedMagic", "line magic %" + words[0] + " is not supported here "
                    + "(only %jars and %classpath)", List.of()));
            return false;
        }
        for (int i = 1; i < words.length; i++) {
            String arg = words[i].replaceAll("^\"|\"$", "");
            if (sdkProvided && Path.of(arg).getFileName().toString().startsWith(ALL_IN_ONE_JAR)) {
                continue;
            }
            List<Path> matches = resolve(arg);
            if (matches.isEmpty()) {
                transcript.add(error("FileNotFoundException", "%" + name + " " + arg + ": no such file (relative "
                        + "paths start at " + directory + "; build the all-in-one jar with "
                        + "`mvn -B -pl notebook -am package -DskipTests`)", List.of()));
                return false;
            }
            matches.forEach(this::addToClassPath);
        }
        return true;
    }

    private List<Path> resolve(String arg) {
        Path path = directory.resolve(arg).normalize();
        String file = path.getFileName().toString();
        if (!file.contains("*") && !file.contains("?")) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(path.getParent(), file)) {
            dir.forEach(out::add);
        } catch (IOException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    private void addToClassPath(Path entry) {
        String s = entry.toAbsolutePath().toString();
        if (classPath.add(s)) {
            shell.addToClasspath(s);
        }
    }

    private ObjectNode compilation(Snippet snippet) {
        List<String> trace = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        shell.diagnostics(snippet).filter(Diag::isError).forEach(d -> {
            String msg = d.getMessage(Locale.ROOT);
            messages.add(msg);
            trace.add(msg);
            long start = d.getStartPosition();
            String src = snippet.source();
            if (start >= 0 && start <= src.length()) {
                int lineStart = src.lastIndexOf('\n', (int) Math.max(0, start - 1)) + 1;
                int lineEnd = src.indexOf('\n', (int) start);
                trace.add("    " + src.substring(lineStart, lineEnd < 0 ? src.length() : lineEnd));
            }
        });
        if (shell.status(snippet) == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            String missing = shell.unresolvedDependencies(
                    (jdk.jshell.DeclarationSnippet) snippet).collect(Collectors.joining(", "));
            messages.add("unresolved: " + missing);
            trace.add("unresolved: " + missing);
        }
        trace.add(0, "Compilation error in: " + abbreviate(snippet.source().strip()));
        return error("CompilationException", String.join("; ", messages), trace);
    }

    private static ObjectNode exception(JShellException e) {
        String name = e instanceof EvalException ee ? ee.getExceptionClassName()
                : e instanceof UnresolvedReferenceException ? "UnresolvedReferenceException"
                : e.getClass().getName();
        List<String> trace = new ArrayList<>();
        Throwable t = e;
        while (t != null) {
            String cls = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
            trace.add((t == e ? "" : "Caused by: ") + cls + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            for (StackTraceElement frame : t.getStackTrace()) {
                trace.add("\tat " + frame);
            }
            t = t.getCause();
        }
        return error(name, e.getMessage() == null ? "" : e.getMessage(), trace);
    }

    private static ObjectNode error(String name, String value, List<String> trace) {
        ObjectNode node = JSON.createObjectNode();
        node.put("ename", name);
        node.put("evalue", value);
        node.put("output_type", "error");
        ArrayNode tb = node.putArray("traceback");
        (trace.isEmpty() ? List.of(name + ": " + value) : trace).forEach(tb::add);
        return node;
    }

    private static String abbreviate(String s) {
        String line = s.replace('\n', ' ');
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }

    @Override
    public void close() {
        shell.close();
    }

    @Override
    public String toString() {
        return "NotebookShell[" + directory + ", " + classPath.size() + " class path entries]";
    }
}
