/**
 * Batch runs through the Batch API: JSONL request files in Google's format, upload, create, poll and
 * retrieve with every step recorded before and after its remote call, result parsing and mapping back
 * to articles by request key, resubmission of what failed.
 *
 * <p>May import: the root package's values, {@code schema}, {@code internal}, {@code plan},
 * {@code gemini}, {@code store}.
 */
package dev.newsbatch.internal.engine;
