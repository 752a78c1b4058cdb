/**
 * newsbatch in notebooks: rich display in the JJava and IJava kernels ({@link dev.newsbatch.notebook.Notebook},
 * opted into with one call to {@link dev.newsbatch.notebook.Notebook#install()}), and
 * {@link dev.newsbatch.notebook.NotebookRunner}, which re-executes {@code .ipynb} files through
 * JShell and writes their outputs back.
 *
 * <p>{@code Notebook.install()} finds the kernel by itself: JJava ({@code org.dflib.jjava}, DFLib's
 * maintained fork of IJava) first, then IJava; in neither (plain JShell) it leaves values to print as
 * text. In a kernel, a cell ending with a result set, an estimate, a run, a summary or a usage shows
 * an HTML table (with its {@code toString()} as {@code text/plain}), a chart shows as an image (SVG
 * ), and a running job's progress bar is one output updated in place.
 *
 * <p>Each kernel is reached through its own library's display API ({@code jjava-jupyter} for JJava,
 * {@code jupyter-jvm-basekernel} for IJava), which this module compiles against but does not bundle:
 * the running kernel brings those classes, and only the running kernel's are touched. The SDK knows
 * nothing of this package or of any kernel.
 *
 * <pre>{@code
 * %classpath ../notebook/target/newsbatch-notebook-all.jar    // JJava (%jars is deprecated there)
 * %jars ../notebook/target/newsbatch-notebook-all.jar         // IJava
 * import dev.newsbatch.notebook.*;
 * Notebook.install();     // results, estimates, runs and charts now render as HTML tables and images
 * }</pre>
 */
package dev.newsbatch.notebook;
