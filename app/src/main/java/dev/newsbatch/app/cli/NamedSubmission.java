package dev.newsbatch.app.cli;

import dev.newsbatch.Format;
import dev.newsbatch.BatchRun;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.schema.NewsClassification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every submitting command shares: the run's name, whether to wait for it, real time instead
 * of the Batch API, the prompt, the schema ({@code --schema FILE}), and the options that shape the run; and the submission itself, reported
 * by {@link RunReport}.
 *
 * <pre>{@code
 * @Mixin NamedSubmission submission;   // --name N [--wait] [--realtime] [--prompt FILE] [--model M] ...
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

    @Option(names = "--realtime",
            description = "One real-time request per article (full price, answers in seconds) instead of batch "
                    + "jobs; waits until done.")
    boolean realtime;

    @Mixin
    RequestOptions request;

    @Mixin
    SpecOptions options;

    /** Submits {@code articles} as the named run in the command's batch directory and reports it. */
    int submit(BaseCommand command, BatchSpec<NewsClassification> articles) {
        return submitSpec(command, request.apply(articles));
    }

    private <T extends Record> int submitSpec(BaseCommand command, BatchSpec<T> articles) {
        BatchSpec<T> spec = options.apply(articles, command.dir(), name);
        RunReport report = new RunReport(command);
        if (!realtime) {
            return report.submitted(spec.submit(), wait);
        }
        BatchRun<T> run = spec.realtime().submit();
        if (!command.json()) {
            command.println("Run " + run.id() + ": " + Format.plural(run.state().articles(), "article")
                    + " in real time (" + run.spec().model() + ")");
        }
        report.await(run);
        return report.finished(run);
    }
}
