/**
 * The ledger: an embedded SQLite database of runs (with their recorded {@link dev.newsbatch.RunConfig}),
 * request files, batch jobs and items, with typed run and item states. Crash-safe and resumable.
 *
 * <p>May import: the root package's values, {@code internal}, sqlite-jdbc, Jackson.
 */
package dev.newsbatch.internal.store;
