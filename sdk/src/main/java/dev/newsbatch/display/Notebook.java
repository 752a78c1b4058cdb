package dev.newsbatch.display;

import dev.newsbatch.BatchRun;
import dev.newsbatch.Estimate;
import dev.newsbatch.Results;
import dev.newsbatch.RunStatus;
import dev.newsbatch.Summary;
import dev.newsbatch.Usage;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rich display in notebooks, optional at run time: inside the IJava kernel, results, estimates, runs
 * and summaries show as HTML tables and charts as images; anywhere else (JShell, a terminal, plain
 * Java) the same calls print the value's {@code toString()}. IJava is reached by reflection, so the
 * SDK does not depend on it.
 *
 * <pre>{@code
 * Notebook.install();                       // in IJava: values ending a cell render as HTML/images
 * Notebook.display(Charts.sentiment(results));
 * LiveDisplay status = Notebook.live(run.state());
 * while (!run.isDone()) { run.await(Duration.ofSeconds(5)); status.update(run.state()); }
 * }</pre>
 */
public final class Notebook {
    private static final Class<?>[] RENDERED = {Results.class, Estimate.class, RunStatus.class, BatchRun.class,
            Summary.class, Usage.class, Chart.class};
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static volatile WeakReference<Object> installedIn = new WeakReference<>(null);

    private Notebook() {}

    /** True when running inside the IJava kernel. */
    public static boolean isIJava() {
        return IJavaKernel.find().isPresent();
    }

    /** True when HTML and images are shown as such: inside IJava, or while a {@link NotebookRunner} records. */
    public static boolean isRich() {
        return frontend().isRich();
    }

    /**
     * In IJava, registers renderers so that a cell ending with a {@link Results}, {@link Estimate},
     * {@link RunStatus}, {@link BatchRun}, {@link Summary}, {@link Usage} or {@link Chart} shows it as
     * HTML or an image. Does nothing elsewhere, and nothing the second time.
     */
    public static void install() {
        IJavaKernel.find().ifPresent(k -> {
            synchronized (Notebook.class) {
                if (installedIn.get() != k.kernel()) {
                    try {
                        k.register(RENDERED);
                        installedIn = new WeakReference<>(k.kernel());
                    } catch (IllegalStateException e) {
                        warnOnce(e.getMessage());
                    }
                }
            }
        });
    }

    /** Shows {@code value}: as HTML or an image in a notebook, as {@code String.valueOf(value)} elsewhere. */
    public static void display(Object value) {
        show(Rendering.of(value), null);
    }

    /**
     * Shows an HTML fragment, such as {@link Html#estimates}; elsewhere prints its text with the
     * tags removed (table cells separated by two spaces, rows by lines).
     */
    public static void displayHtml(String html) {
        show(Rendering.html(html == null ? "" : html, Html.toText(html)), null);
    }

    /**
     * Shows {@code value} and returns a handle that replaces it in place with a newer value (in a
     * notebook); elsewhere each update prints a line.
     */
    public static LiveDisplay live(Object value) {
        String id = UUID.randomUUID().toString();
        show(Rendering.of(value), id);
        return new LiveDisplay(id);
    }

    static void show(Rendering rendering, String displayId) {
        Frontend f = frontend();
        try {
            f.show(rendering, displayId);
        } catch (IllegalStateException e) {
            warnOnce(e.getMessage());
            ConsoleFrontend.INSTANCE.show(rendering, displayId);
        }
    }

    static void update(Rendering rendering, String displayId) {
        Frontend f = frontend();
        try {
            f.update(rendering, displayId);
        } catch (IllegalStateException e) {
            warnOnce(e.getMessage());
            ConsoleFrontend.INSTANCE.update(rendering, displayId);
        }
    }

    /** IJava if this runs in it, else a notebook runner's capture, else the console. */
    static Frontend frontend() {
        Frontend ijava = IJavaKernel.find().orElse(null);
        if (ijava != null) {
            return ijava;
        }
        return CaptureFrontend.isActive() ? CaptureFrontend.INSTANCE : ConsoleFrontend.INSTANCE;
    }

    private static void warnOnce(String message) {
        if (WARNED.add(message)) {
            System.err.println("newsbatch: " + message + "; showing plain text instead");
        }
    }
}
