package dev.newsbatch.crash;

import dev.newsbatch.BatchRun;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.Batches;
import dev.newsbatch.Results;
import dev.newsbatch.VertexTarget;
import dev.newsbatch.RunMode;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The process the soak test kills: like {@link CrashChild}, but prints one {@code PROGRESS ...} line
 * for every progress report (each poll pass of a batch run, each stored real-time outcome), so the
 * test can kill it at a chosen step, and saves {@code results_NAME.json} in the batch directory when
 * the run completes.
 *
 * <pre>{@code
 * java -cp ... dev.newsbatch.crash.SoakChild DIR NAME ARTICLES BATCH_SIZE MODE [RPM | vertex]
 * }</pre>
 */
public final class SoakChild {
    private SoakChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String name = args[1];
        int articles = Integer.parseInt(args[2]);
        int batchSize = Integer.parseInt(args[3]);
        RunMode mode = RunMode.valueOf(args[4].toUpperCase(Locale.ROOT));
        BatchSpec<NewsClassification> spec = Batches.from(SampleArticles.of(articles)).name(name).directory(dir)
                .batchSize(batchSize).mode(mode).pollInterval(Duration.ofMillis(20)).deadline(Duration.ofMinutes(3));
        if (args.length > 5 && args[5].startsWith("vertex")) {
            VertexTarget target = VertexTarget.of("soak-project", "us-central1", "gs://soak-archive/runs");
            spec = spec.vertex("vertex-bigquery".equals(args[5]) ? target.withBigQuery("bq://soak-project.staging")
                    : target);
        } else if (args.length > 5) {
            spec = spec.rpm(Integer.parseInt(args[5]));
        }
        BatchRun<NewsClassification> run = spec.submit();
        run.await(spec.deadline(), s -> {
            System.out.println("PROGRESS done=" + s.done() + " failed=" + s.failed() + " state=" + s.state());
            System.out.flush();
        });
        Results<NewsClassification> results = run.collect();
        Path file = results.save(dir);
        System.out.println("RESULT rows=" + results.rows().size() + " errors=" + results.errors().size()
                + " file=" + file);
        System.out.flush();
    }
}
