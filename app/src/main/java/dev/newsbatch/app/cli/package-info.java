/**
 * The {@code newsbatch} command line (picocli): one command class per verb, parsing arguments,
 * calling the SDK's API and printing its results; no business logic. Errors map to exit codes in
 * {@link dev.newsbatch.app.cli.ErrorReporter} (2 for bad input, 1 for failures).
 *
 * <p>May import: the SDK's API packages ({@code dev.newsbatch}, {@code schema}, {@code display},
 * {@code ingest}), {@code dev.newsbatch.app.rest} (to serve), picocli. Never {@code dev.newsbatch.internal}.
 */
package dev.newsbatch.app.cli;
