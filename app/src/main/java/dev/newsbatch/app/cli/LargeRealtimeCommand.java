package dev.newsbatch.app.cli;

import dev.newsbatch.BatchRun;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.schema.NewsClassification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsbatch large realtime FILE [--rpm R] [--per-day D]}: a large run with real-time calls. */
@Command(name = "realtime", mixinStandardHelpOptions = true,
        description = {"Classify a large file with real-time calls under rate limits.",
                "Classify a large file with one real-time request per article (full price, no batch waiting), "
                + "under a requests-per-minute limit and a daily cap kept across restarts; run the same command "
                + "again the next day to continue."},
        footer = {"", "Example:",
                "  newsbatch large realtime articles.jsonl --rpm 300 --per-day 10000 --name october-rt"})
final class LargeRealtimeCommand extends BaseCommand {
    @Mixin
    LargeRun large;

    @Option(names = "--rpm", paramLabel = "R", description = "Requests per minute (default: the tier's limit).")
    Integer rpm;

    @Option(names = "--per-day", paramLabel = "D", description = "Most requests per day (default: no cap).")
    Integer perDay;

    @Override
    public Integer call() {
        BatchSpec<NewsClassification> spec = large.spec(dir()).realtime();
        if (rpm != null) {
            spec = spec.rpm(rpm);
        }
        if (perDay != null) {
            spec = spec.dailyCap(perDay);
        }
        BatchRun<NewsClassification> run = spec.submit();
        if (!json()) {
            println(String.format("Run %s: %,d articles in real time (%s)", run.id(), run.state().articles(), spec));
        }
        RunReport report = new RunReport(this);
        report.await(run);
        return report.finished(run);
    }
}
