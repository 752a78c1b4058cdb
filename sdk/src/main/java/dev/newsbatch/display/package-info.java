/**
 * Pure renderers: text tables, HTML, SVG charts and the terminal progress bar. Renderers depend on
 * the API's values; values never depend on renderers. Kernel integration lives in the notebook module.
 *
 * <p>May import: the root package's values, {@code dev.newsbatch.schema}, {@code dev.newsbatch.internal}.
 */
package dev.newsbatch.display;
