/**
 * newsbatch in notebooks: rich display in the IJava kernel ({@link dev.newsbatch.notebook.Notebook},
 * opted into with one call to {@link dev.newsbatch.notebook.Notebook#install()}), and
 * {@link dev.newsbatch.notebook.NotebookRunner}, which re-executes {@code .ipynb} files through
 * JShell and writes their outputs back.
 *
 * <p>Uses the SDK's public API and its {@code display} renderers; the SDK knows nothing of this
 * package. The kernel is found at run time by reflection, so no kernel library is a dependency.
 *
 * <pre>{@code
 * %jars ../notebook/target/newsbatch-notebook-all.jar
 * import dev.newsbatch.notebook.*;
 * Notebook.install();     // results, estimates, runs and charts now render as HTML tables and images
 * }</pre>
 */
package dev.newsbatch.notebook;
