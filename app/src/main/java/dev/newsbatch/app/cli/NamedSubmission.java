package dev.newsbatch.app.cli;

import dev.newsbatch.BatchSpec;
import dev.newsbatch.schema.NewsClassification;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every batch submission command shares: the run's name, whether to wait for it, and the
 * options that shape the run; and the submission itself, reported by {@link RunReport}.
 *
 * <pre>{@code
 * @Mixin NamedSubmission submission;   // --name N [--wait] [--model M] [--batch-size N] ...
 * return submission.submit(this, Batches.from(file));
 * }</pre>
 */
final class NamedSubmission {
    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Run name: letters, digits, '_', '.', '-' (names results_NAME.json).")
    String name;

    @Option(names = "--wait",
            description = "Wait for the run to finish, save results_NAME.json and print a summary.")
    boolean wait;

    @Mixin
    SpecOptions options;

    /** Submits {@code articles} as the named run in the command's batch directory and reports it. */
    int submit(BaseCommand command, BatchSpec<NewsClassification> articles) {
        return new RunReport(command).submitted(options.apply(articles, command.dir(), name).submit(), wait);
    }
}
