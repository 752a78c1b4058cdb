package dev.newsbatch.display;

import java.util.Optional;

/**
 * An output area that shows one piece of HTML and redraws it in place, such as a notebook cell's
 * display: where {@link ProgressBar#auto} draws its bar when a notebook integration has installed a
 * {@link Source}. With none installed, bars are text. The installed source also receives the SDK's
 * one-line notices (e.g. that the embedded emulator is used), which it shows as a styled note.
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

    /** Shows a one-line notice from the SDK; by default as a styled note ({@link Html#notice}). */
    default void notice(String message) {
        show(Html.notice(message), message);
    }

    /** Opens live outputs where the code runs, if it runs somewhere that has them. */
    @FunctionalInterface
    interface Source {
        /** A source that never has a live output: bars are text. */
        Source NONE = Optional::empty;

        /** A new live output, or empty if HTML cannot be shown here (then bars are text). */
        Optional<LiveOutput> open();

        /**
         * Shows a one-line notice from the SDK, once installed with {@link ProgressBar#liveOutputs}:
         * by default in a new output of its own ({@link LiveOutput#notice}), or on standard error
         * where no output opens.
         */
        default void notice(String message) {
            Optional<LiveOutput> output = open();
            if (output.isPresent()) {
                output.get().notice(message);
            } else {
                System.err.println(message);
            }
        }
    }
}
