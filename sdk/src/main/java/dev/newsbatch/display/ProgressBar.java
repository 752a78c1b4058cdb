package dev.newsbatch.display;

import java.io.PrintStream;

/**
 * Shows a run's progress in a terminal: a bar redrawn in place when standard output is a console,
 * otherwise one line per change of at least a percent (so logs stay short).
 *
 * <pre>{@code
 * ProgressBar bar = ProgressBar.to(System.out);
 * bar.update("october", 42.0, "504/1200 done, 1/2 jobs");
 * bar.finish();
 * }</pre>
 */
public final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean inPlace;
    private double lastPercent = -1;
    private String lastText = "";

    private ProgressBar(PrintStream out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
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
        if (inPlace) {
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
        return "ProgressBar[" + (inPlace ? "in place" : "lines") + "]";
    }
}
