/**
 * Pure renderers of newsbatch values: bounded text tables ({@link dev.newsbatch.display.TextTable}),
 * HTML ({@link dev.newsbatch.display.Html}, one renderer per value type, looked up by class), bar
 * charts ({@link dev.newsbatch.display.Charts}) and progress bars
 * ({@link dev.newsbatch.display.ProgressBar}).
 *
 * <p>Renderers depend on values, never the reverse: this package may import the root values, enums
 * and exceptions; the root package imports nothing from here. Nothing here knows a notebook kernel:
 * kernel integration lives in the {@code newsbatch-notebook} module, which installs a
 * {@link dev.newsbatch.display.LiveOutput.Source} so that progress bars draw live in a notebook.
 *
 * <p><b>Charts are hand-written SVG, without a chart library.</b> Every chart here is a bar chart, and
 * laying one out is a few hundred lines: a title, axis names, ticks, grid lines and a value label on
 * every bar. SVG keeps the charts sharp at any zoom and leaves the text to the reader's browser
 * ({@code <text>} in {@code system-ui, sans-serif}), so it reads like the notebook around it; the SDK
 * gains no dependency. JFreeChart (the charting library on the package registry) would be a
 * sizeable dependency that draws through Java2D into PNGs, needing yet another library for SVG, and
 * whose default look (titles, fonts, colours) would need as much code again to restyle. A PNG
 * is still there when a file is asked for ({@code save(Path.of("c.png"))}, {@code png()}): the same
 * shapes drawn with Java2D and the JDK's fonts, headless, at twice the SVG's size.
 *
 * <p>Charts carry their own white background with dark text and mid-tone bar colours, so they read
 * the same on light and dark notebook themes.
 *
 * <pre>{@code
 * Html.of(results).orElse("");                  // HTML for any value display knows, else empty
 * Charts.sentiment(results).save(Path.of("sentiment.svg"));
 * }</pre>
 */
package dev.newsbatch.display;
