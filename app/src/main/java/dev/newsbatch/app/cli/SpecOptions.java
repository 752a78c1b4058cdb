package dev.newsbatch.app.cli;

import dev.newsbatch.BatchSpec;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that shape a run, shared by the submitting commands. */
final class SpecOptions {
    @Mixin
    ModelOptions target;

    @Mixin
    VertexOptions vertex;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000",
            description = "Most articles per batch job (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--poll-ms", paramLabel = "MS", defaultValue = "2000",
            description = "First pause between status polls while waiting, in ms (default: ${DEFAULT-VALUE}).")
    long pollMillis;

    /** {@code spec} with these options, the batch directory and the run name applied. */
    <T extends Record> BatchSpec<T> apply(BatchSpec<T> spec, Path dir, String name) {
        BatchSpec<T> s = vertex.apply(target.apply(spec)).batchSize(batchSize).directory(dir)
                .pollInterval(Duration.ofMillis(Math.max(1, pollMillis)));
        return name == null ? s : s.name(name);
    }
}
