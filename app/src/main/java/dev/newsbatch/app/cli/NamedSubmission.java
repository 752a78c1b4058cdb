package dev.newsbatch.app.cli;

import picocli.CommandLine.Option;

/**
 * The options every batch submission command shares: the run's name and whether to wait for it.
 *
 * <pre>{@code
 * @Mixin NamedSubmission submission;   // --name N [--wait]
 * }</pre>
 */
final class NamedSubmission {
    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Run name: letters, digits, '_', '.', '-' (names results_NAME.json).")
    String name;

    @Option(names = "--wait",
            description = "Wait for the run to finish, save results_NAME.json and print a summary.")
    boolean wait;
}
