/**
 * The orchestration: {@link dev.newsbatch.internal.run.Runner}, behind every spec, run handle and
 * {@code Batches.resume}, turns a {@link dev.newsbatch.RunConfig} into planning, engine and real-time
 * calls over a per-call session (ledger, Gemini connection), and job-level operations. Nothing else
 * imports this package.
 *
 * <p>May import: every other sdk package.
 */
package dev.newsbatch.internal.run;
