package dev.newsbatch.app.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the command line prints when Ctrl-C stops it while it waits for a run: a newline (so the shell
 * prompt does not land on the progress bar's line) and the command that resumes the run, which is the
 * command as typed, with {@code --name} added when the run's name was derived from its input.
 *
 * <pre>{@code
 * try (ResumeHint hint = ResumeHint.install(command, run.id(), System.err)) { run.await(); }
 * // on Ctrl-C: "interrupted; resume with: newsbatch submit-contents big.json --name demo --wait"
 * }</pre>
 */
final class ResumeHint implements AutoCloseable {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");
    private final Thread hook;

    private ResumeHint(Thread hook) {
        this.hook = hook;
    }

    /** Installs the JVM shutdown hook that prints the hint until {@link #close()} removes it. */
    static ResumeHint install(List<String> args, String runId, PrintStream err) {
        String line = text(args, runId);
        Thread hook = new Thread(() -> {
            err.println();
            err.println(line);
            err.flush();
        }, "newsbatch-resume-hint");
        Runtime.getRuntime().addShutdownHook(hook);
        return new ResumeHint(hook);
    }

    /** The hint's text: {@code interrupted; resume with: newsbatch ARGS [--name RUN]}. */
    static String text(List<String> args, String runId) {
        List<String> words = new ArrayList<>(args);
        boolean named = words.stream().anyMatch(a -> a.equals("--name") || a.startsWith("--name="));
        if (!named) {
            words.add("--name");
            words.add(runId);
        }
        StringBuilder s = new StringBuilder("interrupted; resume with: newsbatch");
        for (String w : words) {
            s.append(' ').append(PLAIN.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return s.toString();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down: the hook runs
        }
    }
}
