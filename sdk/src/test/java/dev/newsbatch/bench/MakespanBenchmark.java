package dev.newsbatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.Article;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.emulator.Quota;
import dev.newsbatch.internal.plan.AdmissionPolicy;
import dev.newsbatch.internal.plan.JobSizing;
import dev.newsbatch.internal.engine.BatchEngine;
import dev.newsbatch.internal.plan.RequestTemplate;
import dev.newsbatch.internal.engine.RunProgress;
import dev.newsbatch.internal.engine.RunSettings;
import dev.newsbatch.internal.engine.WaitOptions;
import dev.newsbatch.internal.gemini.BatchJobInfo;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.Prompts;
import dev.newsbatch.internal.store.JobRecord;
import dev.newsbatch.internal.store.Ledger;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Batch makespan of 12,000 articles in the emulator's shared-throughput time model (one project-wide
 * processor at TOKENS_PER_SECOND takes the jobs one after another), under a small enqueued-token quota:
 * waves against continuous admission against the lower bound {@code total tokens / speed + one start delay}.
 * Request files hold 1,000 articles; article lengths differ from file to file (as feeds differ), 1,500 to
 * 8,500 characters. The total is the emulator's own token count, read from the jobs' facts in its state
 * directory. Makespan is measured on the emulator's clock: first job created to last job ended.
 *
 * <pre>{@code
 * java -cp ... dev.newsbatch.bench.MakespanBenchmark [ARTICLES] [ENQUEUED_TOKENS] [TOKENS_PER_SECOND]
 * }</pre>
 */
public final class MakespanBenchmark {
    static final String MODEL = "gemini-3.1-flash-lite";
    static final double START_DELAY_S = 0.5;

    private MakespanBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        long enqueued = args.length > 1 ? Long.parseLong(args[1]) : 4_000_000;
        double speed = args.length > 2 ? Double.parseDouble(args[2]) : 400_000;
        System.out.printf("makespan: %,d articles, enqueued-token quota %,d, one shared processor at "
                + "%,.0f tokens/s, start delay %.1f s%n", n, enqueued, speed, START_DELAY_S);
        Result waves = run("waves", AdmissionPolicy.waves(enqueued), n, enqueued, speed);
        Result cont = run("continuous", AdmissionPolicy.continuous(enqueued, 100), n, enqueued, speed);
        if (waves.tokens != cont.tokens) {
            throw new IllegalStateException("runs differ in tokens: " + waves.tokens + " vs " + cont.tokens);
        }
        double bound = waves.tokens / speed + START_DELAY_S;
        System.out.printf("total tokens %,d (estimated by the engine %,d); lower bound = total / speed + one start "
                + "delay = %.1f s%n", waves.tokens, waves.estTokens, bound);
        for (Result r : List.of(waves, cont)) {
            System.out.printf("%-10s makespan %.1f s at the emulator (wall %.1f s, %d jobs, %d refusals 429), "
                    + "ratio to lower bound %.3f%n", r.name, r.makespan, r.wall, r.jobs, r.rateLimited,
                    r.makespan / bound);
        }
        System.out.printf("continuous / waves: %.3f (%.1f%% shorter)%n", cont.makespan / waves.makespan,
                100 * (1 - cont.makespan / waves.makespan));
        System.out.printf(Locale.ROOT, "makespan-waves %.2f ratio (goal none, the reference)%n", waves.makespan / bound);
        System.out.printf(Locale.ROOT, "makespan-continuous %.2f ratio (goal <= 1.05)%n", cont.makespan / bound);
        System.out.printf(Locale.ROOT, "makespan-continuous-vs-waves %.3f ratio (goal <= 1.00)%n",
                cont.makespan / waves.makespan);
    }

    record Result(String name, double makespan, double wall, int jobs, long rateLimited, long tokens,
                  long estTokens) { }

    static Result run(String name, AdmissionPolicy admission, int n, long enqueued, double speed) throws Exception {
        Path tmp = BenchDirs.create("makespan-" + name);
        Quota q = Quota.of("tier1", MODEL).enqueuedBatchTokens(enqueued);
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(tmp.resolve("emu"))
                .quota(q).tokensPerSecond(speed).sharedThroughput(true)
                .startDelay(Duration.ofMillis((long) (START_DELAY_S * 1000))));
             GeminiConnection c = GeminiConnection.to(emu.baseUrl(), "bench");
             Ledger ledger = Ledger.open(tmp.resolve("batch"))) {
            BatchEngine engine = new BatchEngine(c.gateway(), ledger, tmp.resolve("batch"));
            // Jobs sized by the one rule for this quota: a quarter of its seed share each.
            RunSettings s = dev.newsbatch.internal.engine.SampleArticles.settings(dev.newsbatch.RunConfig
                    .ofDefaults(tmp.resolve("batch")).withName(name).withModel(MODEL))
                    .sizing(JobSizing.of(1_000, RunSettings.MAX_FILE_BYTES, enqueued));
            long p0 = System.nanoTime();
            engine.prepare(s, articles(n));
            System.out.printf("  %s: prepared in %.1f s%n", name, (System.nanoTime() - p0) / 1e9);
            long t0 = System.nanoTime();
            RunProgress p = engine.awaitRun(s, admission, WaitOptions.ofDefaults()
                    .initialInterval(Duration.ofMillis(100)).maxInterval(Duration.ofMillis(400))
                    .maxWait(Duration.ofMinutes(10)), x -> { });
            double wall = (System.nanoTime() - t0) / 1e9;
            if (!p.isFinished() || p.items().done() != n) {
                throw new IllegalStateException(name + " did not finish: " + p);
            }
            List<BatchJobInfo> jobs = c.gateway().listBatches(1000);
            Instant first = jobs.stream().map(BatchJobInfo::createTime).min(Instant::compareTo).orElseThrow();
            Instant last = jobs.stream().map(BatchJobInfo::endTime).max(Instant::compareTo).orElseThrow();
            long estimated = ledger.jobs(name).stream().mapToLong(JobRecord::estTokens).sum();
            return new Result(name, Duration.between(first, last).toMillis() / 1000.0, wall, jobs.size(),
                    emu.stats().rateLimited(), emulatorTokens(emu.stateDir().resolve("batches")), estimated);
        } finally {
            BenchDirs.delete(tmp);   // before the next run writes its own
        }
    }

    /** Input tokens of every job as the emulator counted them: {@code totalTokens} of {@code batches/ID.json}. */
    static long emulatorTokens(Path batches) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long sum = 0;
        try (DirectoryStream<Path> facts = Files.newDirectoryStream(batches, "*.json")) {
            for (Path p : facts) {
                String name = p.getFileName().toString();
                if (name.indexOf('.') == name.length() - 5) {
                    sum += json.readTree(p.toFile()).path("totalTokens").asLong();
                }
            }
        }
        return sum;
    }

    /** {@code n} articles; file {@code i / 1000} has articles of about {@code 1,500 + 1,000 * k} characters. */
    static Iterator<Article> articles(int n) {
        String sentence = "Shares of the company rose after quarterly earnings beat forecasts while analysts "
                + "weighed the outlook for interest rates, inflation and consumer demand across markets. ";
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Article next() {
                int block = i / 1000;
                int chars = 1500 + (int) ((block * 2654435761L) % 8) * 1000 + (i % 7) * 37;
                StringBuilder b = new StringBuilder(chars + sentence.length());
                while (b.length() < chars) {
                    b.append(sentence);
                }
                Article a = Article.of("m-" + i, "Markets story " + i, b.substring(0, chars));
                i++;
                return a;
            }
        };
    }
}
