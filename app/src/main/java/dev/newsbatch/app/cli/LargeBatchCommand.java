package dev.newsbatch.app.cli;

import dev.newsbatch.Format;
import dev.newsbatch.BatchRun;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.Estimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsbatch large batch FILE [--mode waves|continuous]}: a large run with the Batch API. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Classify a large file with the Batch API, in waves or continuously.",
                "Classify a large file with the Batch API (half the real-time price): split into batch jobs, "
                + "sent in waves or continuously under the tier's enqueued-token quota, waiting until all are "
                + "done."},
        footer = {"", "Example:", "  newsbatch large batch articles.jsonl --mode waves --name october",
                "  newsbatch large batch articles.jsonl --mode continuous --tier tier2"})
final class LargeBatchCommand extends BaseCommand {
    /** How batch jobs are admitted. */
    enum Admission { waves, continuous }

    @Mixin
    LargeRun large;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "waves",
            description = "waves (each wave after the previous is done) or continuous (default: ${DEFAULT-VALUE}).")
    Admission mode;

    @Option(names = "--detach", description = "Submit what the quota allows now and return without waiting.")
    boolean detach;

    @Override
    public Integer call() {
        return run(large.spec(dir()));
    }

    private <T extends Record> int run(BatchSpec<T> planned) {
        BatchSpec<T> spec = planned;
        spec = mode == Admission.continuous ? spec.continuous() : spec.waves();
        Estimate e = spec.estimate();
        if (!json()) {
            println("Plan: " + Format.plural(e.articles(), "article") + ", " + Format.plural(e.batches(), "batch job")
                    + " in " + Format.plural(e.waves(), "wave") + ", ~" + Format.count(e.inputTokens())
                    + " input tokens, estimated " + Format.usd(e.batchUsd()) + " (real-time would be "
                    + Format.usd(e.realtimeUsd()) + ")");
        }
        BatchRun<T> run = spec.submit();
        return new RunReport(this).submitted(run, !detach);
    }
}
