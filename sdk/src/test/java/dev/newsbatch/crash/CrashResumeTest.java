package dev.newsbatch.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.newsbatch.Batches;
import dev.newsbatch.Results;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.Endpoint;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.emulator.Quota;
import dev.newsbatch.internal.plan.RequestKeys;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.BatchJobInfo;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.internal.plan.Plan;
import dev.newsbatch.internal.plan.Planner;
import dev.newsbatch.internal.plan.TierLimits;
import dev.newsbatch.internal.plan.Wave;
import dev.newsbatch.internal.plan.RequestTemplate;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.Prompts;
import dev.newsbatch.schema.NewsClassification;
import dev.newsbatch.internal.store.ItemRecord;
import dev.newsbatch.internal.store.ItemState;
import dev.newsbatch.internal.store.JobRecord;
import dev.newsbatch.internal.store.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM running a real submission ({@code kill -9}) at exact points of its conversation
 * with the emulator, held there by a {@link TrapProxy}, then runs the same command again and checks,
 * from the emulator's side, that every article was sent exactly once and every result is stored once.
 */
class CrashResumeTest {
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");
    static final int ARTICLES = 300;
    static final int BATCH = 100;
    /** Jobs the run makes: 100 articles each, unless a test's token limit sizes them smaller. */
    int expectedJobs = ARTICLES / BATCH;
    static final String NAME = "crash";

    @TempDir
    Path tmp;

    GeminiEmulator emulator;
    TrapProxy proxy;
    Path dir;
    int launches;

    @BeforeEach
    void start() {
        Quota roomy = Quota.of("tier1", "gemini-3.1-flash-lite").requestsPerMinute(1_000_000).tokensPerMinute(1L << 40);
        emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(tmp.resolve("emulator"))
                .quota(roomy));
        proxy = TrapProxy.start(emulator.baseUrl());
        dir = tmp.resolve("batch");
    }

    @AfterEach
    void stop() {
        proxy.close();
        emulator.close();
    }

    // ------------------------------------------------------------------ kill points

    @Test
    void uploadAnsweredButNotRecordedIsNotUploadedAgain() throws Exception {
        killAt(TrapProxy.Trap.holdAnswer("second upload finalized", TrapProxy.UPLOAD_FINALIZE, 2), "batch");
        assertEquals(2, emulator.stats().filesUploaded());
        completeAndCheck("batch");
        assertEquals(3, emulator.stats().filesUploaded(), "a request file was uploaded twice");
    }

    @Test
    void killAfterUploadBeforeCreateReachesGeminiCreatesTheJobOnce() throws Exception {
        killAt(TrapProxy.Trap.holdRequest("first create not sent", TrapProxy.BATCH_CREATE, 1), "batch");
        try (Ledger ledger = Ledger.open(dir)) {
            JobRecord first = ledger.jobs(NAME).get(0);
            assertEquals(JobRecord.Step.CREATING, first.step(), "CREATING is recorded before the call");
        }
        assertEquals(0, emulator.stats().batchesCreated());
        completeAndCheck("batch");
    }

    @Test
    void jobCreatedButNotRecordedIsAdoptedByDisplayName() throws Exception {
        killAt(TrapProxy.Trap.holdAnswer("second create answered, answer lost", TrapProxy.BATCH_CREATE, 2), "batch");
        assertEquals(2, emulator.stats().batchesCreated());
        try (Ledger ledger = Ledger.open(dir)) {
            JobRecord second = ledger.jobs(NAME).get(1);
            assertEquals(JobRecord.Step.CREATING, second.step());
            assertEquals(null, second.jobName(), "the job name never reached the ledger");
        }
        completeAndCheck("batch");
    }

    @Test
    void killDuringPollingResumesPolling() throws Exception {
        killAt(TrapProxy.Trap.holdRequest("second status poll", TrapProxy.BATCH_GET, 2), "batch");
        assertEquals(3, emulator.stats().batchesCreated());
        completeAndCheck("batch");
    }

    @Test
    void killInTheMiddleOfADownloadLeavesNoPartialResults() throws Exception {
        killAt(TrapProxy.Trap.halfBody("first download cut half way", TrapProxy.DOWNLOAD, 1), "batch");
        try (Ledger ledger = Ledger.open(dir)) {
            assertEquals(0, ledger.itemCounts(NAME).done(), "nothing stored from a half download");
        }
        completeAndCheck("batch");
        assertEquals(4, emulator.stats().requests(Endpoint.FILE_DOWNLOAD),
                "the cut download is fetched again, the others once");
    }

    @Test
    void resultsStoredBeforeTheKillAreNotDownloadedAgain() throws Exception {
        killAt(TrapProxy.Trap.holdRequest("second download", TrapProxy.DOWNLOAD, 2), "batch");
        try (Ledger ledger = Ledger.open(dir)) {
            assertEquals(BATCH, ledger.itemCounts(NAME).done(), "the first job's results are stored");
        }
        completeAndCheck("batch");
        assertEquals(3, emulator.stats().requests(Endpoint.FILE_DOWNLOAD));
    }

    @Test
    void killsAtSeveralPointsOfOneRunStillSendEachArticleOnce() throws Exception {
        killAt(TrapProxy.Trap.holdAnswer("first create", TrapProxy.BATCH_CREATE, 1), "batch");
        killAt(TrapProxy.Trap.holdRequest("first poll", TrapProxy.BATCH_GET, 1), "batch");
        killAt(TrapProxy.Trap.halfBody("second download", TrapProxy.DOWNLOAD, 2), "batch");
        completeAndCheck("batch");
    }

    @Test
    void wavesRunKilledInItsSecondWaveResumesWithoutResending() throws Exception {
        // An enqueued-token limit that fits about two of the three request files at once.
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("tiers.json"), "{\"tiers\":{\"tier1\":{\"models\":{\"gemini-3.1-flash-lite\":"
                + "{\"batch_enqueued_tokens\":" + twoJobsOfTokens() + "}}}}}");
        // Jobs of at most a quarter of the wave budget (JobSizing): the plan says how many the first wave holds.
        Plan plan = planner().maxItemsPerBatch(BATCH).tier(withLimit(twoJobsOfTokens())).plan(SampleArticles.of(ARTICLES).iterator());
        assertTrue(plan.waves().size() >= 2, plan.waves().toString());
        Wave first = plan.waves().get(0);
        expectedJobs = plan.batches().size();
        killAt(TrapProxy.Trap.holdRequest("create of the second wave", TrapProxy.BATCH_CREATE, first.batches() + 1),
                "waves");
        // The second wave starts once Gemini reports the first one's jobs ended (their tokens are free then),
        // so some of the first wave's results may still be unstored at the kill.
        assertEquals(first.batches(), emulator.stats().batchesCreated(), "the second wave's first create was held");
        try (Ledger ledger = Ledger.open(dir)) {
            long done = ledger.itemCounts(NAME).done();
            assertTrue(done <= first.articles(), "only the first wave's articles can be stored: " + done);
        }
        completeAndCheck("waves");
    }

    @Test
    void realtimeRunKilledMidwayResendsAtMostTheRequestsInFlight() throws Exception {
        killAt(TrapProxy.Trap.holdRequest("150th answer", (m, p) -> p.endsWith(":generateContent"), 150),
                "realtime", "60000");
        long before = emulator.stats().generateContentCalls();
        long storedBefore;
        try (Ledger ledger = Ledger.open(dir)) {
            storedBefore = ledger.itemCounts(NAME).done();
        }
        assertTrue(storedBefore >= 100 && storedBefore < ARTICLES, "stored before the kill: " + storedBefore);
        String out = runToEnd("realtime", "60000");
        assertTrue(out.contains("RESULT rows=" + ARTICLES + " errors=0"), out);
        long calls = emulator.stats().generateContentCalls();
        // Answers the emulator gave but the killed process had not stored yet are asked again: at most
        // the runner's concurrency (8); everything stored is never asked again.
        long resent = calls - ARTICLES;
        assertTrue(resent >= 0 && resent <= 8, "requests sent again after the restart: " + resent
                + " (before kill " + before + ", stored " + storedBefore + ")");
        assertResultsCompleteOnce();
    }

    // ------------------------------------------------------------------ harness

    /** Starts a child, waits until the proxy holds it at {@code trap}, and kills it with SIGKILL. */
    private void killAt(TrapProxy.Trap trap, String... mode) throws Exception {
        proxy.arm(trap);
        Process child = launch(mode);
        CompletableFuture<Object> first = CompletableFuture.anyOf(proxy.sprung(), child.onExit());
        try {
            first.get(3, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            child.destroyForcibly().waitFor();
            fail("the child never reached " + trap + "; log:\n" + log());
        }
        if (!proxy.sprung().isDone()) {
            fail("the child ended (exit " + child.exitValue() + ") before reaching " + trap + "; log:\n" + log());
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(1, TimeUnit.MINUTES), "the child did not die");
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
    }

    /** Runs the same command again to its end and checks the run from the emulator's side. */
    private void completeAndCheck(String mode) throws Exception {
        String out = runToEnd(mode);
        assertTrue(out.contains("RESULT rows=" + ARTICLES + " errors=0"), out);
        assertEachArticleSubmittedOnce();
        assertResultsCompleteOnce();
    }

    private String runToEnd(String... mode) throws Exception {
        proxy.arm(null);
        Process child = launch(mode);
        if (!child.waitFor(3, TimeUnit.MINUTES)) {
            child.destroyForcibly().waitFor();
            fail("the restarted child did not finish; log:\n" + log());
        }
        String out = log();
        assertEquals(0, child.exitValue(), out);
        return out;
    }

    private Process launch(String... mode) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), dir.toString(), NAME, String.valueOf(ARTICLES), String.valueOf(BATCH)));
        cmd.addAll(List.of(mode));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child-" + (++launches) + ".log").toFile());
        pb.environment().remove("GOOGLE_API_KEY");
        pb.environment().remove("GEMINI_API_KEY");
        pb.environment().put("GOOGLE_GEMINI_BASE_URL", proxy.baseUrl());
        return pb.start();
    }

    private String log() {
        try {
            return Files.readString(tmp.resolve("child-" + launches + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every article's key is in exactly one job's input at the emulator (job list through the real
     * SDK, inputs from the emulator's state), every job has a distinct display name, and the emulator
     * created exactly as many jobs and stored as many files as the run has request files.
     */
    private void assertEachArticleSubmittedOnce() throws IOException {
        List<BatchJobInfo> jobs;
        try (GeminiConnection c = GeminiConnection.to(emulator.baseUrl(), "k")) {
            jobs = c.gateway().listBatches(1000);
        }
        Map<String, Integer> sent = new HashMap<>();
        for (BatchJobInfo job : jobs) {
            String id = job.name().substring(job.name().indexOf('/') + 1);
            for (String line : Files.readAllLines(emulator.stateDir().resolve("batches").resolve(id + ".input.jsonl"))) {
                Matcher m = KEY.matcher(line);
                assertTrue(m.find(), "a request line without key in " + job.name());
                sent.merge(m.group(1), 1, Integer::sum);
            }
        }
        assertEquals(expectedJobs, jobs.size(), "jobs at the emulator: " + jobs);
        assertEquals(jobs.size(), jobs.stream().map(BatchJobInfo::displayName).distinct().count());
        assertEquals(expectedJobs, emulator.stats().batchesCreated());
        assertEquals(ARTICLES, sent.size());
        for (var a : SampleArticles.of(ARTICLES)) {
            assertEquals(1, sent.getOrDefault(RequestKeys.of(a.id()), 0), "times " + a.id() + " was submitted");
        }
    }

    /** Every article has exactly one stored classification, sent once. */
    private void assertResultsCompleteOnce() {
        Results<NewsClassification> r = Batches.resume(NAME, dir, NewsClassification.class).collect();
        assertEquals(ARTICLES, r.rows().size());
        assertEquals(ARTICLES, r.rows().stream().map(row -> row.id()).distinct().count());
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        try (Ledger ledger = Ledger.open(dir)) {
            List<ItemRecord> items = ledger.items(NAME, null);
            assertEquals(ARTICLES, items.size());
            assertTrue(items.stream().allMatch(i -> i.attempts() == 1 && i.state() == ItemState.DONE),
                    "every item sent once and done");
        }
    }

    /** An enqueued-token limit whose safe share (90%) fits two and a half request files of the run. */
    static Planner planner() {
        return Planner.forModel("gemini-3.1-flash-lite")
                .template(new RequestTemplate("gemini-3.1-flash-lite", Prompts.ofDefaults(), ClassificationSchema.news()));
    }

    static TierLimits withLimit(long enqueued) {
        TierLimits t1 = TierLimits.preset("tier1");
        return t1.with("gemini-3.1-flash-lite", t1.model("gemini-3.1-flash-lite").batchEnqueuedTokens(enqueued));
    }

    static long twoJobsOfTokens() {
        long total = planner().plan(SampleArticles.of(ARTICLES).iterator()).inputTokens();
        return (long) (total / (double) (ARTICLES / BATCH) * 2.5 / 0.9);
    }
}
