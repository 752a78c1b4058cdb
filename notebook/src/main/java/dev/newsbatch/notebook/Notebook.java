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
 * Rich display in notebooks, opted into with one call to {@link #install()}: inside the IJava
 * kernel, results, estimates, runs and summaries then show as HTML tables, charts as images, and
 * {@code await()} draws a live progress bar; anywhere else (JShell, a terminal, plain Java) the same
 * calls print the value's {@code toString()}. IJava is reached by reflection, so neither the SDK nor
 * this module depends on it.
 *
 * <pre>{@code
 * Notebook.install();                       // once, in the first cell
 * Notebook.display(Charts.sentiment(results));
 * LiveDisplay status = Notebook.live(run.state());
 * while (!run.isDone()) { run.await(Duration.ofSeconds(5)); status.update(run.state()); }
 * }</pre>
 */
public final class Notebook {
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
     * Opts a notebook into rich display. In IJava, registers a renderer for every type that
     * {@link Html#types()} lists, so that a cell ending with a result set, an estimate, a run, a
     * summary, a usage or a chart shows it as HTML or an image (once per kernel). Everywhere, lets
     * {@link ProgressBar#auto} draw a live HTML bar whenever HTML can be shown (text otherwise).
     */
    public static void install() {
        ProgressBar.liveOutputs(Notebook::liveOutput);
        IJavaKernel.find().ifPresent(k -> {
            synchronized (Notebook.class) {
                if (installedIn.get() != k.kernel()) {
                    try {
                        k.register(Html.types());
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
