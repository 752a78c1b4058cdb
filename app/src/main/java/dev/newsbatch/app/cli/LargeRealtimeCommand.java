package dev.newsbatch.app.cli;

import dev.newsbatch.Format;
import dev.newsbatch.BatchRun;
import dev.newsbatch.BatchSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsbatch large realtime FILE [--rpm R] [--rpd D] [--flex]}: a large run with real-time calls. */
@Command(name = "realtime", mixinStandardHelpOptions = true,
        description = {"Classify a large file with real-time calls under rate limits.",
                "Classify a large file with one real-time request per article (full price, no batch waiting), "
                + "under a requests-per-minute limit and a daily cap kept across restarts; run the same command "
                + "again the next day to continue. With --flex the calls go to the Flex service tier: about half "
                + "the price, minutes of latency, for models that offer it (see `newsbatch models`)."},
        footer = {"", "Examples:",
                "  newsbatch large realtime articles.jsonl --rpm 300 --rpd 10000 --name rt",
                "  newsbatch large realtime articles.jsonl --flex --name october-flex"})
final class LargeRealtimeCommand extends BaseCommand {
    @Mixin
    LargeRun large;

    @Option(names = "--flex", description = "Send the calls on the Flex service tier (cheaper, slower).")
    boolean flex;

    @Override
    public Integer call() {
        return run(large.spec(dir()));
    }

    private <T extends Record> int run(BatchSpec<T> planned) {
        BatchSpec<T> spec = flex ? planned.flex() : planned.realtime();
        BatchRun<T> run = spec.submit();
        if (!json()) {
            println("Run " + run.id() + ": " + Format.plural(run.state().articles(), "article") + " in real time"
                    + (flex ? " on the Flex tier" : "") + " (" + spec + ")");
        }
        RunReport report = new RunReport(this);
        report.await(run);
        return report.finished(run);
    }
}
