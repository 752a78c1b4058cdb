package dev.newsbatch.display;

import java.io.PrintStream;

/**
 * Shows a run's progress in a terminal: a bar redrawn in place when standard output is a console,
 * otherwise one line per change of at least a percent (so logs stay short). In a notebook
 * ({@link #auto}) it is a live HTML bar updated in place.
 *
 * <pre>{@code
 * ProgressBar bar = ProgressBar.auto(System.out);   // HTML in IJava, text elsewhere
 * bar.update("october", 42.0, "504/1200 done, 1/2 jobs");
 * bar.finish();
 * }</pre>
 */
public final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean inPlace;
    private final boolean html;
    private LiveDisplay live;
    private double lastPercent = -1;
    private String lastText = "";

    private ProgressBar(PrintStream out, boolean inPlace) {
        this(out, inPlace, false);
    }

    private ProgressBar(PrintStream out, boolean inPlace, boolean html) {
        this.out = out;
        this.inPlace = inPlace;
        this.html = html;
    }

    /**
     * A live HTML bar when running in a notebook (IJava, or a {@link NotebookRunner} recording),
     * otherwise the same as {@link #to(PrintStream)}.
     */
    public static ProgressBar auto(PrintStream out) {
        return Notebook.isRich() ? new ProgressBar(out, false, true) : to(out);
    }

    /** True if this bar draws HTML in a notebook rather than text. */
    public boolean isHtml() {
        return html;
    }

    /** A bar on {@code out}, redrawn in place if the JVM has a console. */
    public static ProgressBar to(PrintStream out) {
        return new ProgressBar(out, System.console() != null);
    }

    /** A bar that prints a line per change, never redrawing. */
    public static ProgressBar lines(PrintStream out) {
        return new ProgressBar(out, false);
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
        if (html) {
            if (!text.equals(lastText)) {
                Rendering r = Rendering.html(Html.progress(label, percent, detail), text);
                if (live == null) {
                    String id = java.util.UUID.randomUUID().toString();
                    Notebook.show(r, id);
                    live = new LiveDisplay(id);
                } else {
                    live.update(r);
                }
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
        return "ProgressBar[" + (html ? "html" : inPlace ? "in place" : "lines") + "]";
    }
}
