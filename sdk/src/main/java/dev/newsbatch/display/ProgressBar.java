package dev.newsbatch.display;

import dev.newsbatch.internal.Checks;
import java.io.PrintStream;

/**
 * Shows a run's progress in a terminal: a bar redrawn in place when standard output is a console,
 * otherwise one line per change of at least a percent (so logs stay short). In a notebook
 * ({@link #auto}, once a notebook integration has installed its {@link LiveOutput.Source}) it is a
 * live HTML bar updated in place.
 *
 * <pre>{@code
 * ProgressBar bar = ProgressBar.auto(System.out);   // HTML in a notebook, text elsewhere
 * bar.update("october", 42.0, "504/1200 done, 1/2 jobs");
 * bar.finish();
 * }</pre>
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private static volatile LiveOutput.Source liveOutputs = LiveOutput.Source.NONE;

    private final PrintStream out;
    private final boolean inPlace;
    private final LiveOutput live;
    private double lastPercent = -1;
    private String lastText = "";

    private ProgressBar(PrintStream out, boolean inPlace, LiveOutput live) {
        this.out = out;
        this.inPlace = inPlace;
        this.live = live;
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

    /** A bar that prints a line per change, never redrawing. */
    public static ProgressBar lines(PrintStream out) {
        return new ProgressBar(out, false, null);
    }

    /** The bar as text, e.g. {@code [#########.....................]  30.0%}. */
    public static String render(double percent) {
        double p = Math.max(0, Math.min(100, percent));
        int filled = (int) Math.round(p / 100 * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%5.1f%%", p);
    }

    /** Shows the current state. */
    public synchronized void update(String label, double percent, String detail) {
        String text = label + " " + render(percent) + " " + detail;
        if (live != null) {
            if (!text.equals(lastText)) {
                live.show(Html.progress(label, percent, detail), text);
            }
        } else if (inPlace) {
            out.print("\r" + text + " ".repeat(Math.max(0, lastText.length() - text.length())));
            out.flush();
        } else if (Math.floor(percent) != Math.floor(lastPercent) || !detail.equals(lastDetail(lastText))) {
            out.println(text);
        }
        lastPercent = percent;
        lastText = text;
    }

    /** Ends the bar's line. */
    public synchronized void finish() {
        if (inPlace && !lastText.isEmpty()) {
            out.println();
        }
    }

    private static String lastDetail(String text) {
        int i = text.indexOf("% ");
        return i < 0 ? "" : text.substring(i + 2);
    }

    @Override
    public String toString() {
        return "ProgressBar[" + (live != null ? "html" : inPlace ? "in place" : "lines") + "]";
    }
}
