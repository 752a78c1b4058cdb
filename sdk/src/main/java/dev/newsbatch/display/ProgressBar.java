package dev.newsbatch.display;

import dev.newsbatch.internal.Checks;
import dev.newsbatch.internal.Notices;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Shows a run's progress in a terminal: a bar redrawn in place when standard output is a console,
 * otherwise (a pipe, a log file) a line each time the percentage crosses a {@value #STEP_PERCENT}% step,
 * at most one every {@value #INTERVAL_SECONDS} s between steps, and always the final line, so logs stay
 * short however many updates a run reports. In a notebook
 * ({@link #auto}, once a notebook integration has installed its {@link LiveOutput.Source}) it is a
 * live HTML bar updated in place.
 *
 * <pre>{@code
 * ProgressBar bar = ProgressBar.auto(System.out);   // HTML in a notebook, text elsewhere
 * bar.update("october", 42.0, run.state().progress());   // october [#############.................]  42.0% 504/1,200 done, ...
 * bar.finish();
 * }</pre>
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    /** Off a terminal, a line is printed whenever the percentage crosses a multiple of this. */
    static final int STEP_PERCENT = 10;
    /** Off a terminal, between steps, a changed state is printed at most this often. */
    static final int INTERVAL_SECONDS = 10;
    private static volatile LiveOutput.Source liveOutputs = LiveOutput.Source.NONE;

    private final PrintStream out;
    private final boolean inPlace;
    private final LiveOutput live;
    private final LongSupplier nanoTime;
    private String lastText = "";
    /** The highest percentage shown: the bar never moves backwards (e.g. when failed articles are retried). */
    private double shown = 0;
    /** Off a terminal: the last line printed, its step and when. */
    private String printedText = "";
    private long printedStep = -1;
    private long printedAt;

    private ProgressBar(PrintStream out, boolean inPlace, LiveOutput live, LongSupplier nanoTime) {
        this.out = out;
        this.inPlace = inPlace;
        this.live = live;
        this.nanoTime = nanoTime;
    }

    private ProgressBar(PrintStream out, boolean inPlace, LiveOutput live) {
        this(out, inPlace, live, System::nanoTime);
    }

    /**
     * A live HTML bar when the installed {@link LiveOutput.Source} opens an output (in a notebook),
     * otherwise the same as {@link #to(PrintStream)}.
     */
    public static ProgressBar auto(PrintStream out) {
        LiveOutput output = liveOutputs.open().orElse(null);
        return output != null ? new ProgressBar(out, false, output) : to(out);
    }

    /**
     * Sets where {@link #auto} bars are drawn live; a notebook integration calls this when it is
     * installed. Default: {@link LiveOutput.Source#NONE}, so bars are text.
     *
     * @return the source it replaces
     */
    public static LiveOutput.Source liveOutputs(LiveOutput.Source source) {
        Checks.notNull(source, "source");
        LiveOutput.Source previous = liveOutputs;
        liveOutputs = source;
        Notices.route(source == LiveOutput.Source.NONE ? null : source::notice);
        return previous;
    }

    /** True if this bar draws HTML in a notebook rather than text. */
    public boolean isHtml() {
        return live != null;
    }

    /** A bar on {@code out}, redrawn in place if the JVM has a console. */
    public static ProgressBar to(PrintStream out) {
        return new ProgressBar(out, System.console() != null, null);
    }

    /**
     * A bar that prints lines, never redrawing: one each time the percentage crosses a
     * {@value #STEP_PERCENT}% step, at most one every {@value #INTERVAL_SECONDS} s in between, and the
     * final state on {@link #finish()} if it was not printed yet.
     */
    public static ProgressBar lines(PrintStream out) {
        return new ProgressBar(out, false, null);
    }

    /** {@link #lines(PrintStream)} timed by {@code nanoTime} (as {@link System#nanoTime()}), for tests. */
    static ProgressBar lines(PrintStream out, LongSupplier nanoTime) {
        return new ProgressBar(out, false, null, nanoTime);
    }

    /** The bar as text, e.g. {@code [#########.....................]  30.0%}. */
    public static String render(double percent) {
        double p = Math.max(0, Math.min(100, percent));
        int filled = (int) Math.round(p / 100 * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format(java.util.Locale.ROOT, "%5.1f%%", p);
    }

    /**
     * Shows the current state. The bar and its percentage never go backwards: a lower percentage
     * than one shown before (articles sent again after a failure) keeps the bar where it was, while
     * the detail says what changed.
     */
    public synchronized void update(String label, double percent, String detail) {
        shown = Math.max(shown, Double.isNaN(percent) ? 0 : percent);
        percent = shown;
        String text = label + " " + render(percent) + " " + detail;
        if (live != null) {
            if (!text.equals(lastText)) {
                live.show(Html.progress(label, percent, detail), text);
            }
        } else if (inPlace) {
            out.print("\r" + text + " ".repeat(Math.max(0, lastText.length() - text.length())));
            out.flush();
        } else {
            long step = step(percent);
            long now = nanoTime.getAsLong();
            boolean due = printedStep < 0 || step != printedStep
                    || now - printedAt >= INTERVAL_SECONDS * 1_000_000_000L;
            if (due && !text.equals(printedText)) {
                print(text, step, now);
            }
        }
        lastText = text;
    }

    /** Ends the bar: the line of a bar drawn in place, else the final state if not printed yet. */
    public synchronized void finish() {
        if (inPlace && !lastText.isEmpty()) {
            out.println();
        } else if (!inPlace && live == null && !lastText.isEmpty() && !lastText.equals(printedText)) {
            print(lastText, printedStep, nanoTime.getAsLong());
        }
    }

    private void print(String text, long step, long now) {
        out.println(text);
        out.flush();
        printedText = text;
        printedStep = step;
        printedAt = now;
    }

    private static long step(double percent) {
        double p = Double.isNaN(percent) ? 0 : Math.max(0, Math.min(100, percent));
        return (long) Math.floor(p / STEP_PERCENT);
    }

    @Override
    public String toString() {
        return "ProgressBar[" + (live != null ? "html" : inPlace ? "in place" : "lines") + "]";
    }
}
