/**
 * The newsbatch API, and nothing else: the front door {@link dev.newsbatch.Batches}, the immutable
 * {@link dev.newsbatch.BatchSpec} and its typed {@link dev.newsbatch.RunConfig}, the run handle
 * {@link dev.newsbatch.BatchRun}, job-level {@link dev.newsbatch.Jobs}, the values a run gives back
 * ({@link dev.newsbatch.Results}, {@link dev.newsbatch.Row}, {@link dev.newsbatch.Estimate} …), the
 * enums, and the exceptions users catch (all under {@link dev.newsbatch.NewsbatchException}).
 *
 * <p>May import: {@code dev.newsbatch.schema} and {@code dev.newsbatch.internal} (argument checks and
 * the {@link dev.newsbatch.internal.RunService} it delegates to). Never {@code display},
 * {@code internal.run} or a capability package: an architecture test enforces it.
 *
 * <pre>{@code
 * Results<NewsClassification> r = Batches.from(Path.of("samples/batch_contents.json"))
 *         .model("gemini-3.1-flash-lite").tier1().waves().submit().await().collect();
 * }</pre>
 */
package dev.newsbatch;
