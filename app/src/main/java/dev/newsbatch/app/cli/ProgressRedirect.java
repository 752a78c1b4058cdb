package dev.newsbatch.app.cli;

import java.io.PrintStream;

/**
 * While open, sends what the SDK prints to standard output to standard error, so that {@code --json}
 * output stays one clean document. Only the page-fetching bar of a URL submission needs it (waiting
 * reports progress through a callback instead). A no-op when not asked for.
 *
 * <pre>{@code
 * try (ProgressRedirect r = ProgressRedirect.toStderrIf(json)) { run = spec.submit(); }
 * }</pre>
 */
final class ProgressRedirect implements AutoCloseable {
    private final PrintStream saved;

    private ProgressRedirect(PrintStream saved) {
        this.saved = saved;
    }

    static ProgressRedirect toStderrIf(boolean redirect) {
        if (!redirect) {
            return new ProgressRedirect(null);
        }
        PrintStream saved = System.out;
        System.setOut(System.err);
        return new ProgressRedirect(saved);
    }

    @Override
    public void close() {
        if (saved != null) {
            System.out.flush();
            System.setOut(saved);
        }
    }
}
