package dev.newsbatch.display;

import java.util.Optional;

/**
 * An output area that shows one piece of HTML and redraws it in place, such as a notebook cell's
 * display: where {@link ProgressBar#auto} draws its bar when a notebook integration has installed a
 * {@link Source}. With none installed, bars are text.
 *
 * <pre>{@code
 * ProgressBar.liveOutputs(() -> Optional.of((html, text) -> System.out.println(text)));
 * ProgressBar.auto(System.out).update("october", 42.0, "504/1200 done");   // drawn by the output above
 * }</pre>
 */
@FunctionalInterface
public interface LiveOutput {
    /** Shows {@code html}, with {@code text} as its plain-text stand-in, replacing what was shown before. */
    void show(String html, String text);

    /** Opens live outputs where the code runs, if it runs somewhere that has them. */
    @FunctionalInterface
    interface Source {
        /** A source that never has a live output: bars are text. */
        Source NONE = Optional::empty;

        /** A new live output, or empty if HTML cannot be shown here (then bars are text). */
        Optional<LiveOutput> open();
    }
}
