package dev.newsbatch.crash;

import dev.newsbatch.Batches;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.RunMode;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The process that crash tests kill: runs one classification through the fluent API, exactly as a
 * user re-running the same command would, against the endpoint in {@code GOOGLE_GEMINI_BASE_URL}.
 * Prints one {@code RESULT ...} line when the run completes.
 *
 * <pre>{@code
 * java -cp ... dev.newsbatch.crash.CrashChild DIR NAME ARTICLES BATCH_SIZE MODE [RPM]
 * }</pre>
 */
public final class CrashChild {
    private CrashChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String name = args[1];
        int articles = Integer.parseInt(args[2]);
        int batchSize = Integer.parseInt(args[3]);
        RunMode mode = RunMode.valueOf(args[4].toUpperCase(Locale.ROOT));
        BatchSpec<NewsClassification> spec = Batches.from(SampleArticles.of(articles)).name(name).directory(dir)
                .batchSize(batchSize).mode(mode).pollInterval(Duration.ofMillis(20)).deadline(Duration.ofMinutes(3));
        if (args.length > 5) {
            spec = spec.rpm(Integer.parseInt(args[5]));
        }
        var results = spec.submit().await().collect();
        System.out.println("RESULT rows=" + results.rows().size() + " errors=" + results.errors().size());
    }
}
