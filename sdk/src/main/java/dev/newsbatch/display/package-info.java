/**
 * Pure renderers of newsbatch values: bounded text tables ({@link dev.newsbatch.display.TextTable}),
 * HTML ({@link dev.newsbatch.display.Html}, one renderer per value type, looked up by class), bar
 * charts as PNG images ({@link dev.newsbatch.display.Charts}) and progress bars
 * ({@link dev.newsbatch.display.ProgressBar}).
 *
 * <p>Renderers depend on values, never the reverse: this package may import the root values, enums
 * and exceptions; the root package imports nothing from here. Nothing here knows a notebook kernel:
 * kernel integration lives in the {@code newsbatch-notebook} module, which installs a
 * {@link dev.newsbatch.display.LiveOutput.Source} so that progress bars draw live in a notebook.
 *
 * <pre>{@code
 * Html.of(results).orElse("");                  // HTML for any value display knows, else empty
 * Charts.sentiment(results).save(Path.of("sentiment.png"));
 * }</pre>
 */
package dev.newsbatch.display;
