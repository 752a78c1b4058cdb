package dev.newsbatch.notebook;

import dev.newsbatch.display.Html;
import dev.newsbatch.display.LiveOutput;
import dev.newsbatch.display.ProgressBar;
import java.lang.ref.WeakReference;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rich display in notebooks, opted into with one call to {@link #install()}. The kernel is found by
 * itself, JJava first, then IJava: in either, results, estimates, runs, usages and summaries then show
 * as HTML tables, charts as images (SVG), and a running job's
 * progress bar is one output that is redrawn in place. Anywhere else (JShell, a terminal, plain Java)
 * the same calls print the value's {@code toString()}, and {@code install()} does nothing but keep
 * the progress bar as text.
 *
 * <p>Each kernel is reached through its own library's display API, compiled against but not bundled:
 * the kernel running the notebook brings those classes. JJava ({@code org.dflib.jjava}, DFLib's
 * maintained fork of IJava) loads the jar with {@code %classpath} ({@code %jars} is deprecated there);
 * IJava with {@code %jars}:
 *
 * <pre>{@code
 * %classpath ../notebook/target/newsbatch-notebook-all.jar      // JJava; in IJava: %jars ...
 * import dev.newsbatch.notebook.*;
 * Notebook.install();                       // once, in the first cell
 * results                                   // a cell ending with a value shows it as a table
 * Notebook.display(Charts.sentiment(results));
 * LiveDisplay status = Notebook.live(run.state());
 * while (!run.isDone()) { run.await(Duration.ofSeconds(5)); status.update(run.state()); }
 * }</pre>
 */
public final class Notebook {
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static volatile WeakReference<Object> installedIn = new WeakReference<>(null);

    private Notebook() {}

    /** True when running inside the JJava kernel. */
    public static boolean isJJava() {
        return Kernels.running().filter(k -> k instanceof JJavaKernel).isPresent();
    }

    /** True when running inside the IJava kernel (and not JJava). */
    public static boolean isIJava() {
        return Kernels.running().filter(k -> k instanceof IJavaKernel).isPresent();
    }

    /**
     * True when HTML and images are shown as such: inside JJava or IJava, or while a
     * {@link NotebookRunner} records.
     */
    public static boolean isRich() {
        return frontend().isRich();
    }

    /**
     * Opts a notebook into rich display; call it once, in the first cell (calling it again is harmless).
     * In JJava or IJava, whichever runs the notebook, registers a renderer with the kernel for every
     * type that {@link Html#types()} lists, so that a cell ending with a result set, an estimate, a
     * run, a summary or a usage shows it as {@code text/html}, and one ending with a chart as an image,
     * each with its {@code toString()} as {@code text/plain} (once per kernel). Everywhere, lets
     * {@link ProgressBar#auto} draw a live HTML bar whenever HTML can be shown: one display, first
     * shown with a display id and then updated in place under that id (text otherwise).
     */
    public static void install() {
        ProgressBar.liveOutputs(Notebook::liveOutput);
        Kernels.running().ifPresent(k -> {
            synchronized (Notebook.class) {
                if (installedIn.get() != k.instance()) {
                    try {
                        k.register(Html.types());
                        installedIn = new WeakReference<>(k.instance());
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

    /** The kernel this runs in (JJava, then IJava), else a notebook runner's capture, else the console. */
    static Frontend frontend() {
        Frontend kernel = Kernels.running().orElse(null);
        if (kernel != null) {
            return kernel;
        }
        return CaptureFrontend.isActive() ? CaptureFrontend.INSTANCE : ConsoleFrontend.INSTANCE;
    }

    /** A display for a progress bar, shown on its first drawing and replaced in place after: if HTML shows here. */
    private static Optional<LiveOutput> liveOutput() {
        return isRich() ? Optional.of(new LiveBar(UUID.randomUUID().toString())) : Optional.empty();
    }

    private static void warnOnce(String message) {
        if (WARNED.add(message)) {
            System.err.println("newsbatch: " + message + "; showing plain text instead");
        }
    }

    /** One display id: the first drawing shows it, later ones update it. */
    private static final class LiveBar implements LiveOutput {
        private final String id;
        private boolean shown;

        LiveBar(String id) {
            this.id = id;
        }

        @Override
        public synchronized void show(String html, String text) {
            Rendering rendering = Rendering.html(html, text);
            if (shown) {
                update(rendering, id);
            } else {
                Notebook.show(rendering, id);
                shown = true;
            }
        }

        @Override
        public String toString() {
            return "LiveBar[" + id + "]";
        }
    }
}
