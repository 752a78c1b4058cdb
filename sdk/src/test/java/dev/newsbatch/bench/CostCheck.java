package dev.newsbatch.bench;

import dev.newsbatch.BatchSpec;
import dev.newsbatch.Batches;
import dev.newsbatch.Estimate;
import dev.newsbatch.Results;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Estimate against actual cost for one batch run on the emulator: {@code Estimate.batchUsd()} before,
 * {@code Results.usage().costUsd()} (from the answers' usage metadata) after.
 *
 * <pre>{@code
 * java -cp ... dev.newsbatch.bench.CostCheck [ARTICLES]   # 2,000
 * }</pre>
 */
public final class CostCheck {
    private CostCheck() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path dir = BenchDirs.create("cost-check");
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(dir.resolve("emu")))) {
            System.setProperty(GeminiConnection.BASE_URL_PROPERTY, emu.baseUrl());
            BatchSpec<NewsClassification> spec = Batches.from(SampleArticles.of(n)).name("cost")
                    .directory(dir.resolve("batch")).pollInterval(Duration.ofMillis(50));
            Estimate e = spec.estimate();
            Results<NewsClassification> r = spec.submit().await().collect();
            System.out.printf("%,d articles: estimate %,d in + %,d out tokens, batch $%.4f%n", n, e.inputTokens(),
                    e.outputTokens(), e.batchUsd());
            System.out.printf("actual (emulator usage metadata): %,d in + %,d out tokens, $%.4f -> actual/estimate "
                    + "%.2f (input %.2f, output %.2f)%n", r.usage().inputTokens(), r.usage().outputTokens(),
                    r.usage().costUsd(), r.usage().costUsd() / e.batchUsd(),
                    r.usage().inputTokens() / (double) e.inputTokens(),
                    r.usage().outputTokens() / (double) e.outputTokens());
            System.out.printf(Locale.ROOT, "cost-actual-vs-estimate %.2f ratio (goal 0.90..1.10)%n",
                    r.usage().costUsd() / e.batchUsd());
        }
    }
}
