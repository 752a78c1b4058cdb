package dev.newsbatch.app.cli;

import dev.newsbatch.BatchSpec;
import dev.newsbatch.Batches;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What both {@code large} commands take: the articles file, a run name that resumes the run when given
 * again, the prompt, system instruction and schema, and the options that shape the run.
 *
 * <pre>{@code
 * @Mixin LargeRun large;   // FILE [--name N] [--model M] [--batch-size N] ...
 * BatchSpec<? extends Record> spec = large.spec(dir()).waves();
 * }</pre>
 */
final class LargeRun {
    @Parameters(index = "0", paramLabel = "FILE", description = "The articles: .json, .jsonl or .csv.")
    Path file;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Run name (default: run-<time>-<random>); reuse it to resume.")
    String name;

    @Mixin
    RequestOptions request;

    @Mixin
    SpecOptions options;

    /** The run over the file with these options, in batch directory {@code dir}. */
    BatchSpec<? extends Record> spec(Path dir) {
        return options.apply(request.apply(Batches.from(file)), dir, name);
    }
}
