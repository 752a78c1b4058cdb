package dev.newsbatch.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.internal.plan.AdmissionPolicy;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.Faults;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.Prompts;
import dev.newsbatch.internal.store.ItemRecord;
import dev.newsbatch.internal.store.ItemState;
import dev.newsbatch.RunConfig;
import dev.newsbatch.internal.store.JobRecord;
import dev.newsbatch.internal.store.Ledger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchEngineTest {
    @TempDir
    Path dir;

    GeminiEmulator emulator;
    GeminiConnection connection;
    Ledger ledger;
    BatchEngine engine;

    @BeforeEach
    void start() {
        emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(dir.resolve("emulator")));
        connection = GeminiConnection.to(emulator.baseUrl(), "test-key");
        ledger = Ledger.open(dir.resolve("batch"));
        engine = new BatchEngine(connection.gateway(), ledger, dir.resolve("batch"));
    }

    @AfterEach
    void stop() {
        ledger.close();
        connection.close();
        emulator.close();
    }

    RunSettings settings(String runId, int batchSize) {
        return settings(RunConfig.ofDefaults(dir.resolve("batch")).withName(runId).withBatchSize(batchSize));
    }

    static RunSettings settings(RunConfig config) {
        return SampleArticles.settings(config);
    }

    static WaitOptions fast() {
        return WaitOptions.ofDefaults().initialInterval(Duration.ofMillis(20)).maxInterval(Duration.ofMillis(200))
                .maxWait(Duration.ofMinutes(2));
    }

    @Test
    void classifiesEveryArticleOfAFewHundredAcrossSeveralJobs() {
        RunSettings s = settings("run1", 120);
        PrepareReport prepared = engine.prepare(s, SampleArticles.of(300).iterator());
        assertEquals(300, prepared.added());
        assertEquals(3, prepared.files());
        engine.submitAll(s);
        RunProgress p = engine.awaitRun(s, AdmissionPolicy.all(), fast(), x -> { });
        assertTrue(p.isFinished(), p.toString());
        assertEquals(300, p.items().done(), p.toString());
        List<ItemRecord> items = ledger.items("run1", ItemState.DONE);
        assertTrue(items.stream().allMatch(i -> i.result().contains("is_financial")));
        assertTrue(items.stream().allMatch(i -> i.inputTokens() > 0 && i.outputTokens() > 0));
        assertEquals(3, emulator.stats().batchesCreated());
    }

    @Test
    void recordsPerItemErrorsAndRetriesThemIntoSuccess() {
        emulator.faults(Faults.none().seed(7).itemErrorRate(0.2));
        RunSettings s = settings("run2", 100);
        engine.prepare(s, SampleArticles.of(200).iterator());
        engine.awaitRun(s, AdmissionPolicy.all(), fast(), x -> { });
        long failed = ledger.itemCounts("run2").failed();
        assertTrue(failed > 10, "expected injected item errors, got " + failed);
        assertTrue(ledger.items("run2", ItemState.FAILED).stream().allMatch(i -> i.errorKind().equals("API_ERROR")));
        emulator.faults(Faults.none());
        int queued = engine.resubmitFailed(s, 3);
        assertEquals(failed, queued);
        RunProgress p = engine.awaitRun(s, AdmissionPolicy.all(), fast(), x -> { });
        assertEquals(200, p.items().done(), p.toString());
        assertTrue(ledger.items("run2", null).stream().filter(i -> i.attempts() == 2).count() == failed);
    }

    @Test
    void failedJobMarksItsItemsJobFailed() {
        emulator.faults(Faults.none().failNextJobs(1));
        RunSettings s = settings("run3", 50);
        engine.prepare(s, SampleArticles.of(100).iterator());
        RunProgress p = engine.awaitRun(s, AdmissionPolicy.all(), fast(), x -> { });
        assertEquals(50, p.items().failed(), p.toString());
        assertEquals(50, p.items().done(), p.toString());
        Map<String, Long> kinds = ledger.items("run3", ItemState.FAILED).stream()
                .collect(Collectors.groupingBy(ItemRecord::errorKind, Collectors.counting()));
        assertEquals(Map.of(ErrorKind.JOB_FAILED.name(), 50L), kinds);
    }

    @Test
    void preparingTheSameArticlesTwiceAddsNothing() {
        RunSettings s = settings("run4", 100);
        engine.prepare(s, SampleArticles.of(150).iterator());
        PrepareReport again = engine.prepare(s, SampleArticles.of(150).iterator());
        assertEquals(0, again.added());
        assertEquals(150, again.alreadyKnown());
        assertEquals(2, ledger.jobs("run4").size());
    }

    @Test
    void articlesOverTheInputLimitAreRefusedNotSent() {
        RunSettings s = settings(RunConfig.ofDefaults(dir.resolve("batch")).withName("run6").withMaxInputTokens(2_000));
        java.util.List<dev.newsbatch.Article> articles = new java.util.ArrayList<>(SampleArticles.of(3));
        articles.add(dev.newsbatch.Article.of("huge", "Huge", "word ".repeat(5_000)));
        PrepareReport r = engine.prepare(s, articles.iterator());
        assertEquals(3, r.added());
        assertEquals(1, r.tooLarge());
        ItemRecord refused = ledger.items("run6", ItemState.FAILED).get(0);
        assertEquals("huge", refused.articleId());
        assertEquals(ErrorKind.INPUT_TOO_LARGE.name(), refused.errorKind());
        assertTrue(refused.error().contains("over the model's limit of 2000"), refused.error());
        assertEquals(3, ledger.jobs("run6").get(0).items());
    }

    @Test
    void createAfterCrashAdoptsTheJobFoundByDisplayName() {
        RunSettings s = settings("run5", 100);
        engine.prepare(s, SampleArticles.of(10).iterator());
        JobRecord job = engine.upload(ledger.jobs("run5").get(0));
        JobRecord created = engine.create(job, s);
        // Simulate a crash between the create call and recording its answer.
        JobRecord lost = created.step(JobRecord.Step.CREATING);
        ledger.saveJob(new JobRecord(lost.runId(), lost.chunk(), lost.attempt(), lost.requestFile(), lost.fileId(),
                lost.fileName(), lost.displayName(), null, JobRecord.Step.CREATING, null, lost.items(),
                lost.estTokens(), -1, null, null, lost.createdAt(), lost.updatedAt()));
        JobRecord adopted = engine.create(ledger.jobs("run5").get(0), s);
        assertEquals(created.jobName(), adopted.jobName());
        assertEquals(1, emulator.stats().batchesCreated());
        assertNotNull(adopted.jobName());
    }
}
