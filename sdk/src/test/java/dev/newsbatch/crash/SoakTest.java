package dev.newsbatch.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.Article;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.Endpoint;
import dev.newsbatch.emulator.EmulatorStats;
import dev.newsbatch.emulator.Faults;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.emulator.Quota;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.BatchJobInfo;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.internal.gemini.VertexLabels;
import dev.newsbatch.internal.plan.Planner;
import dev.newsbatch.internal.plan.RequestKeys;
import dev.newsbatch.internal.plan.RequestTemplate;
import dev.newsbatch.internal.store.ItemRecord;
import dev.newsbatch.internal.store.ItemState;
import dev.newsbatch.internal.store.Ledger;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.Prompts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded soak: a child JVM drives a run against an emulator with faults on (item errors, 503s on
 * upload and create, truncated downloads; 503s on real-time calls), and is killed with SIGKILL
 * several times, each time after a progress line whose number is drawn from a {@link Random} with a
 * fixed seed ({@code -Dsoak.seed=N} to replay another one); a last child runs it to the end. Checked
 * from the emulator's side: no request key answered successfully in two batch jobs, real-time calls
 * at most the articles plus the runner's concurrency per kill, and every article exactly once in
 * {@code results_NAME.json}, classified or with a named error. On Vertex AI batch prediction (Cloud Storage
 * uploads and creates failing with 503 at first, a concurrent-job limit at the emulator): every article's
 * key in exactly one job the emulator created, never more jobs in flight than the limit.
 */
class SoakTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = Long.getLong("soak.seed", 20_261_201L);
    static final int ARTICLES = 240;
    static final int BATCH = 30;
    static final int KILLS = Integer.getInteger("soak.kills", 3);
    /** The real-time runner's concurrency (its default). */
    static final int CONCURRENCY = 8;
    static final String NAME = "soak";

    @TempDir
    Path tmp;

    GeminiEmulator emulator;
    Path dir;
    int launches;
    StringBuilder log;

    @BeforeEach
    void start() {
        Quota roomy = Quota.of("tier1", "gemini-3.1-flash-lite").requestsPerMinute(1_000_000).tokensPerMinute(1L << 40);
        emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(tmp.resolve("emulator"))
                .quota(roomy));
        dir = tmp.resolve("batch");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void wavesRunSurvivesRandomKills() throws Exception {
        soakBatch("waves");
    }

    @Test
    void continuousRunSurvivesRandomKills() throws Exception {
        soakBatch("continuous");
    }

    @Test
    void realtimeRunSurvivesRandomKills() throws Exception {
        Random rnd = new Random(SEED ^ "realtime".hashCode());
        emulator.faults(Faults.none().seed(SEED).latency(Duration.ofMillis(5))
                .errorRate(Endpoint.GENERATE_CONTENT, 0.03, 503)
                .failNext(Endpoint.GENERATE_CONTENT, 3, 503));
        List<Integer> at = new ArrayList<>();
        int kills = killAtRandom(rnd, 60, at, "realtime", "60000");
        String ctx = context("realtime", kills, at);
        assertTrue(kills > 0, "no kill happened; " + ctx);
        String out = runToEnd(ctx, "realtime", "60000");
        EmulatorStats stats = emulator.stats();
        ctx += ", " + stats;
        assertTrue(out.contains("RESULT rows="), ctx + "\n" + out);
        long calls = stats.generateContentCalls();
        assertTrue(calls >= ARTICLES - failedCount(), "answered calls " + calls + "; " + ctx);
        // Answers given but not yet stored when a child died are asked again: at most the runner's
        // concurrency per kill. Everything stored is never asked again.
        long resent = calls - ARTICLES;
        assertTrue(resent <= (long) kills * CONCURRENCY,
                "generateContent answered " + calls + " times for " + ARTICLES + " articles after " + kills
                        + " kills (bound " + (ARTICLES + kills * CONCURRENCY) + "); " + ctx);
        assertResultsFileHasEveryArticleOnce(ctx);
        assertLedgerSettled(ctx);
        System.out.println("SOAK " + ctx + ", resent " + resent);
    }

    @Test
    void vertexRunSurvivesRandomKills() throws Exception {
        soakVertex("vertex", Endpoint.GCS_UPLOAD);
    }

    /**
     * The same with jobs on BigQuery tables: each request file is loaded into a request table before its
     * job is created, and the first loads fail with 503 too.
     */
    @Test
    void vertexRunOnBigQueryTablesSurvivesRandomKills() throws Exception {
        soakVertex("vertex-bigquery", Endpoint.BQ_JOB_INSERT);
    }

    private void soakVertex(String variant, Endpoint flaky) throws Exception {
        Random rnd = new Random(SEED ^ variant.hashCode());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("tiers.json"), "{\"vertex\":{\"concurrent_batch_jobs\":3}}");
        emulator.vertexConcurrentJobs(3);
        emulator.faults(Faults.none().seed(SEED).failNext(Endpoint.GCS_UPLOAD, 2, 503).failNext(flaky, 2, 503)
                .failNext(Endpoint.VERTEX_CREATE, 2, 503));
        List<Integer> at = new ArrayList<>();
        int kills = killAtRandom(rnd, 4, at, "batch", variant);
        String ctx = context(variant, kills, at);
        assertTrue(kills > 0, "no kill happened; " + ctx);
        String out = runToEnd(ctx, "batch", variant);
        assertTrue(out.contains("RESULT rows="), ctx + "\n" + out);
        ctx += ", " + emulator.stats() + ", peak Vertex jobs " + emulator.vertexPeakJobs();
        emulator.faults(Faults.none());
        assertEachKeyInExactlyOneVertexJob(ctx);
        assertTrue(emulator.vertexPeakJobs() <= 3, ctx);
        assertEquals(0, emulator.vertexJobsRefused(), "creates refused for the concurrent-job limit; " + ctx);
        assertResultsFileHasEveryArticleOnce(ctx);
        assertLedgerSettled(ctx);
        assertEquals(ARTICLES, ARTICLES - failedCount(), "articles failed on Vertex; " + ctx);
    }

    /**
     * Counted at the emulator, from the Vertex jobs it created (their placements and the request lines each
     * read from Cloud Storage): every article's {@code newsbatch_key} label in exactly one job, once.
     */
    private void assertEachKeyInExactlyOneVertexJob(String ctx) throws IOException {
        Map<String, Integer> sent = new HashMap<>();
        Path batches = emulator.stateDir().resolve("batches");
        List<Path> placements;
        try (var files = Files.list(batches)) {
            placements = files.filter(f -> f.getFileName().toString().endsWith(".vertex.json")).sorted().toList();
        }
        for (Path p : placements) {
            String id = p.getFileName().toString().replace(".vertex.json", "");
            for (String line : Files.readAllLines(batches.resolve(id + ".input.jsonl"))) {
                JsonNode node = JSON.readTree(line);
                sent.merge(node.path("request").path("labels").path(VertexLabels.KEY).asText(), 1, Integer::sum);
            }
        }
        long objects;
        try (var files = Files.walk(emulator.stateDir())) {
            objects = files.filter(f -> f.toString().contains("requests")).count();
        }
        ctx += ", Vertex jobs " + placements.size() + ", request objects seen " + objects;
        for (Article a : SampleArticles.of(ARTICLES)) {
            String label = VertexLabels.of(RequestKeys.of(a.id()));
            assertEquals(1, sent.getOrDefault(label, 0), a.id() + " in Vertex job inputs; " + ctx);
        }
        assertEquals(ARTICLES, sent.values().stream().mapToInt(Integer::intValue).sum(), "request lines; " + ctx);
        System.out.println("SOAK " + ctx + ", each key in exactly one job");
    }

    // ------------------------------------------------------------------ batch scenario

    private void soakBatch(String mode) throws Exception {
        Random rnd = new Random(SEED ^ mode.hashCode());
        Files.createDirectories(dir);
        // An enqueued-token limit that fits about two and a half request files at once.
        Files.writeString(dir.resolve("tiers.json"), "{\"tiers\":{\"tier1\":{\"models\":{\"gemini-3.1-flash-lite\":"
                + "{\"batch_enqueued_tokens\":" + tokensOfJobs(2.5) + "}}}}}");
        emulator.faults(Faults.none().seed(SEED).itemErrorRate(0.08).truncatedDownloadRate(0.2)
                .failNext(Endpoint.UPLOAD_START, 2, 503).failNext(Endpoint.BATCH_CREATE, 2, 503));
        List<Integer> at = new ArrayList<>();
        int kills = killAtRandom(rnd, 10, at, mode);
        String ctx = context(mode, kills, at);
        assertTrue(kills > 0, "no kill happened; " + ctx);
        String out = runToEnd(ctx, mode);
        assertTrue(out.contains("RESULT rows="), ctx + "\n" + out);
        ctx += ", " + emulator.stats();
        emulator.faults(Faults.none());
        assertNoKeyAnsweredTwice(ctx);
        assertResultsFileHasEveryArticleOnce(ctx);
        assertLedgerSettled(ctx);
    }

    /**
     * Every succeeded job's results, downloaded through the SDK: no key has a success line in two jobs
     * (or twice in one), and the keys answered successfully are exactly the run's classified articles.
     */
    private void assertNoKeyAnsweredTwice(String ctx) throws IOException {
        Map<String, Integer> answered = new HashMap<>();
        Map<String, Integer> sent = new HashMap<>();
        List<BatchJobInfo> jobs;
        try (GeminiConnection c = GeminiConnection.to(emulator.baseUrl(), "k")) {
            jobs = c.gateway().listBatches(1000);
            for (BatchJobInfo job : jobs) {
                String id = job.name().substring(job.name().indexOf('/') + 1);
                for (String line : Files.readAllLines(emulator.stateDir().resolve("batches").resolve(id + ".input.jsonl"))) {
                    sent.merge(JSON.readTree(line).path("key").asText(), 1, Integer::sum);
                }
                if (job.resultFile() == null) {
                    continue;
                }
                Path file = tmp.resolve("check-" + id + ".jsonl");
                c.gateway().download(job.resultFile(), file);
                for (String line : Files.readAllLines(file)) {
                    JsonNode node = JSON.readTree(line);
                    if (node.has("response")) {
                        answered.merge(node.path("key").asText(), 1, Integer::sum);
                    }
                }
            }
        }
        ctx += ", jobs " + jobs.size() + ", keys sent " + sent.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(jobs.size(), jobs.stream().map(BatchJobInfo::displayName).distinct().count(),
                "two jobs share a display name; " + ctx);
        Map<String, Integer> twice = answered.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertTrue(twice.isEmpty(), "keys answered successfully more than once: " + twice + "; " + ctx);
        Set<String> classified = new HashSet<>();
        try (Ledger ledger = Ledger.open(dir)) {
            for (ItemRecord i : ledger.items(NAME, null)) {
                if (i.state() == ItemState.DONE) {
                    classified.add(i.key());
                }
            }
        }
        assertEquals(answered.keySet(), classified, "keys answered at the emulator vs classified; " + ctx);
        System.out.println("SOAK " + ctx + ", keys answered " + answered.size() + ", answered twice 0");
        for (Article a : SampleArticles.of(ARTICLES)) {
            assertTrue(sent.getOrDefault(RequestKeys.of(a.id()), 0) >= 1, a.id() + " never sent; " + ctx);
        }
    }

    /** {@code results_NAME.json} holds every article once: classified, or with an error of a named kind. */
    private void assertResultsFileHasEveryArticleOnce(String ctx) throws IOException {
        JsonNode all = JSON.readTree(dir.resolve("results_" + NAME + ".json").toFile());
        List<String> ids = new ArrayList<>();
        int errors = 0;
        for (JsonNode n : all) {
            ids.add(n.path("id").asText());
            if (n.has("error")) {
                errors++;
                String kind = n.path("error").path("kind").asText("");
                assertTrue(!kind.isEmpty() && ErrorKind.valueOf(kind) != null, "an error without kind: " + n + "; " + ctx);
            } else {
                assertTrue(n.has("is_financial"), "a row without classification: " + n + "; " + ctx);
            }
        }
        Set<String> expected = SampleArticles.of(ARTICLES).stream().map(Article::id).collect(Collectors.toSet());
        assertEquals(ARTICLES, ids.size(), "entries in the results file (" + errors + " errors); " + ctx);
        assertEquals(expected, new HashSet<>(ids), "articles in the results file; " + ctx);
    }

    /** Every item of the ledger is done, or failed with a named error kind. */
    private void assertLedgerSettled(String ctx) {
        try (Ledger ledger = Ledger.open(dir)) {
            List<ItemRecord> items = ledger.items(NAME, null);
            assertEquals(ARTICLES, items.size(), ctx);
            for (ItemRecord i : items) {
                boolean settled = i.state() == ItemState.DONE
                        || i.state() == ItemState.FAILED && i.errorKind() != null;
                assertTrue(settled, i.key() + " ended " + i.state() + " " + i.errorKind() + "; " + ctx);
            }
        }
    }

    private long failedCount() {
        try (Ledger ledger = Ledger.open(dir)) {
            return ledger.items(NAME, null).stream().filter(i -> i.state() == ItemState.FAILED).count();
        }
    }

    // ------------------------------------------------------------------ harness

    /**
     * Kills up to {@link #KILLS} children, each after a progress line drawn from {@code rnd} in 1..{@code bound}
     * (recorded in {@code at}); stops early when a child ends by itself.
     *
     * @return the kills that happened
     */
    private int killAtRandom(Random rnd, int bound, List<Integer> at, String... args) throws Exception {
        int kills = 0;
        for (int k = 0; k < KILLS; k++) {
            int n = 1 + rnd.nextInt(bound);
            at.add(n);
            if (!killAfterProgress(n, args)) {
                break;
            }
            kills++;
        }
        return kills;
    }

    private String context(String mode, int kills, List<Integer> at) {
        return "soak.seed=" + SEED + ", mode " + mode + ", " + ARTICLES + " articles, batch size " + BATCH
                + ", kills " + kills + " after progress lines " + at;
    }

    /**
     * Starts a child and kills it with SIGKILL once it has printed its {@code n}-th progress line.
     *
     * @return false when the child ended by itself first (the run was complete)
     */
    private boolean killAfterProgress(int n, String... mode) throws Exception {
        Process child = launch(mode);
        CompletableFuture<Boolean> reached = new CompletableFuture<>();
        StringBuilder out = log;
        Thread reader = new Thread(() -> {
            int seen = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                    if (line.startsWith("PROGRESS") && ++seen == n) {
                        reached.complete(true);
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child dies
            }
            reached.complete(false);
        }, "soak-reader");
        reader.setDaemon(true);
        reader.start();
        boolean hit;
        try {
            hit = reached.get(3, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            child.destroyForcibly().waitFor();
            fail("the child printed no progress line " + n + " (soak.seed=" + SEED + "); log:\n" + log());
            return false;
        }
        if (hit) {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(1, TimeUnit.MINUTES), "the child did not end (soak.seed=" + SEED + ")");
        reader.join(TimeUnit.MINUTES.toMillis(1));
        if (hit) {
            assertEquals(137, child.exitValue(), "killed by SIGKILL (soak.seed=" + SEED + ")");
        } else {
            assertEquals(0, child.exitValue(), "a child ended before progress line " + n + " (soak.seed=" + SEED
                    + "); log:\n" + log());
        }
        return hit;
    }

    private String runToEnd(String ctx, String... mode) throws Exception {
        Process child = launch(mode);
        StringBuilder out = log;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child ends
            }
        }, "soak-reader");
        reader.setDaemon(true);
        reader.start();
        if (!child.waitFor(3, TimeUnit.MINUTES)) {
            child.destroyForcibly().waitFor();
            fail("the last child did not finish; " + ctx + "; log:\n" + log());
        }
        reader.join(TimeUnit.MINUTES.toMillis(1));
        String text = log();
        assertEquals(0, child.exitValue(), ctx + "; log:\n" + text);
        return text;
    }

    private Process launch(String... mode) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SoakChild.class.getName(), dir.toString(), NAME, String.valueOf(ARTICLES), String.valueOf(BATCH)));
        cmd.addAll(List.of(mode));
        launches++;
        log = new StringBuilder();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("GOOGLE_API_KEY");
        pb.environment().remove("GEMINI_API_KEY");
        pb.environment().put("GOOGLE_GEMINI_BASE_URL", emulator.baseUrl());
        pb.environment().put("GOOGLE_VERTEX_BASE_URL", emulator.baseUrl());
        pb.environment().put("STORAGE_EMULATOR_HOST", emulator.baseUrl());
        pb.environment().put("BIGQUERY_EMULATOR_HOST", emulator.baseUrl());
        return pb.start();
    }

    private String log() {
        synchronized (log) {
            return "[launch " + launches + "]\n" + log;
        }
    }

    /** An enqueued-token limit whose safe share (90%) fits {@code jobs} request files of the run. */
    static long tokensOfJobs(double jobs) {
        Prompts p = Prompts.ofDefaults();
        long total = Planner.forModel("gemini-3.1-flash-lite")
                .template(new RequestTemplate("gemini-3.1-flash-lite", p, ClassificationSchema.news()))
                .plan(SampleArticles.of(ARTICLES).iterator()).inputTokens();
        return (long) (total / (double) (ARTICLES / BATCH) * jobs / 0.9);
    }
}
