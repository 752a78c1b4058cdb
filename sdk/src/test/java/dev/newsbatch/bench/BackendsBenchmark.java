package dev.newsbatch.bench;

import dev.newsbatch.Article;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.Batches;
import dev.newsbatch.Results;
import dev.newsbatch.RunMode;
import dev.newsbatch.Usage;
import dev.newsbatch.VertexTarget;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.internal.gemini.BatchJobInfo;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same 12,000 articles on both batch backends, side by side, each against its own emulator with the same
 * time model (one shared processor at TOKENS_PER_SECOND, a start delay per job): the Gemini API in continuous
 * admission under tier 1's enqueued-token limit, and Vertex AI batch prediction admitted by its concurrent-job
 * limit (8). Through the public API ({@code Batches.from(..)...submit().await().collect()}); jobs and makespan
 * are the emulator's (first job created to last job ended, on its clock), cost and tokens the results' own.
 *
 * <pre>{@code
 * java -cp ... dev.newsbatch.bench.BackendsBenchmark [ARTICLES] [TOKENS_PER_SECOND] [BATCH_SIZE]
 * }</pre>
 */
public final class BackendsBenchmark {
    static final String MODEL = "gemini-3.1-flash-lite";
    static final Duration START_DELAY = Duration.ofMillis(500);

    private BackendsBenchmark() {}

    record Outcome(String backend, int jobs, double makespanS, double wallS, double usd, long input, long output,
                   int articles, int errors) { }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        double speed = args.length > 1 ? Double.parseDouble(args[1]) : 400_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        System.out.printf(Locale.ROOT, "backends: %,d articles on %s, %,d a job, one shared processor at %,.0f "
                + "tokens/s, start delay %.1f s%n", n, MODEL, batch, speed, START_DELAY.toMillis() / 1000.0);
        Outcome gemini = run("gemini", n, speed, batch);
        Outcome vertex = run("vertex", n, speed, batch);
        System.out.println();
        System.out.println("| backend | admission | jobs | makespan (emulator) | wall | cost | input tokens "
                + "| output tokens |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Outcome o : List.of(gemini, vertex)) {
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f s | %.1f s | $%.4f | %,d | %,d |%n",
                    o.backend.equals("gemini") ? "Gemini API (tier 1)" : "Vertex AI", o.backend.equals("gemini")
                            ? "continuous, enqueued tokens" : "concurrent jobs (8)", o.jobs, o.makespanS, o.wallS,
                    o.usd, o.input, o.output);
        }
        System.out.println();
        for (Outcome o : List.of(gemini, vertex)) {
            System.out.printf(Locale.ROOT, "backends-%s-jobs %d jobs (goal none, side by side)%n", o.backend, o.jobs);
            System.out.printf(Locale.ROOT, "backends-%s-makespan %.1f s (goal none, side by side)%n", o.backend,
                    o.makespanS);
            System.out.printf(Locale.ROOT, "backends-%s-cost %.4f USD (goal none, side by side)%n", o.backend, o.usd);
            System.out.printf(Locale.ROOT, "backends-%s-tokens %d tokens (goal none, side by side)%n", o.backend,
                    o.input + o.output);
        }
        System.out.printf(Locale.ROOT, "backends-makespan-vertex-vs-gemini %.3f ratio (goal none, side by side)%n",
                vertex.makespanS / gemini.makespanS);
    }

    static List<Article> articles(int n) {
        List<Article> all = new ArrayList<>(n);
        for (Iterator<Article> it = MakespanBenchmark.articles(n); it.hasNext(); ) {
            all.add(it.next());
        }
        return all;
    }

    static Outcome run(String backend, int n, double speed, int batch) throws Exception {
        Path tmp = BenchDirs.create("backends-" + backend);
        boolean onVertex = backend.equals("vertex");
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(tmp.resolve("emu"))
                .tokensPerSecond(speed).sharedThroughput(true).startDelay(START_DELAY))) {
            if (onVertex) {
                properties.put(GeminiConnection.VERTEX_BASE_URL_PROPERTY, emu.baseUrl());
                properties.put(GeminiConnection.STORAGE_HOST_PROPERTY, emu.baseUrl());
            } else {
                properties.put(GeminiConnection.BASE_URL_PROPERTY, emu.baseUrl());
            }
            properties.forEach(System::setProperty);
            try {
                VertexTarget target = new VertexTarget("bench-project", "us-central1", "gs://bench-archive/newsbatch");
                BatchSpec<NewsClassification> spec = Batches.from(articles(n))
                        .name("backends-" + backend).directory(tmp.resolve("batch")).model(MODEL).batchSize(batch)
                        .pollInterval(Duration.ofMillis(100)).deadline(Duration.ofMinutes(30))
                        .mode(onVertex ? RunMode.BATCH : RunMode.CONTINUOUS);
                if (onVertex) {
                    spec = spec.vertex(target.project(), target.location(), target.gcsPrefix());
                }
                long t0 = System.nanoTime();
                Results<NewsClassification> r = spec.submit().await().collect();
                double wall = (System.nanoTime() - t0) / 1e9;
                List<BatchJobInfo> jobs;
                try (GeminiConnection c = onVertex ? GeminiConnection.vertex(target, Map.of())
                        : GeminiConnection.to(emu.baseUrl(), "bench")) {
                    jobs = c.backend().listBatches(10_000);
                }
                Instant first = jobs.stream().map(BatchJobInfo::createTime).min(Instant::compareTo).orElseThrow();
                Instant last = jobs.stream().map(BatchJobInfo::endTime).max(Instant::compareTo).orElseThrow();
                Usage u = r.usage();
                Outcome o = new Outcome(backend, jobs.size(), Duration.between(first, last).toMillis() / 1000.0, wall,
                        u.costUsd(), u.inputTokens(), u.outputTokens(), r.size(), r.errors().size());
                if (o.articles != n || o.errors != 0) {
                    throw new IllegalStateException(backend + ": " + o.articles + " results, " + o.errors + " errors");
                }
                System.out.printf(Locale.ROOT, "  %s: %d jobs, makespan %.1f s at the emulator, wall %.1f s, $%.4f, "
                        + "%,d + %,d tokens, %d refusals 429%s%n", backend, o.jobs, o.makespanS, wall, o.usd,
                        o.input, o.output, emu.stats().rateLimited(),
                        onVertex ? ", peak " + emu.vertexPeakJobs() + " Vertex jobs at once" : "");
                return o;
            } finally {
                properties.keySet().forEach(System::clearProperty);
            }
        } finally {
            BenchDirs.delete(tmp);   // before the next backend's run writes its own
        }
    }
}
