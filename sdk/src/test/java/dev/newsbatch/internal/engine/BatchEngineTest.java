package dev.newsbatch.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.internal.plan.AdmissionPolicy;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.Endpoint;
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
import java.nio.file.Files;
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
    void aBatchDirectoryMovedBetweenPrepareAndSubmitStillWorks() throws Exception {
        Path first = dir.resolve("first");
        try (Ledger before = Ledger.open(first)) {
            new BatchEngine(connection.gateway(), before, first).prepare(
                    settings(RunConfig.ofDefaults(first).withName("moved").withBatchSize(10)), SampleArticles.of(20).iterator());
            assertTrue(before.jobs("moved").stream().noneMatch(j -> Path.of(j.requestFile()).isAbsolute()),
                    "request files are recorded relative to the batch directory");
        }
        Path moved = java.nio.file.Files.move(first, dir.resolve("elsewhere"));
        try (Ledger after = Ledger.open(moved)) {
            BatchEngine there = new BatchEngine(connection.gateway(), after, moved);
            RunProgress p = there.awaitRun(settings(RunConfig.ofDefaults(moved).withName("moved").withBatchSize(10)),
                    AdmissionPolicy.all(), fast(), x -> { });
            assertEquals(20, p.items().done(), p.toString());
        }
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
    void aRefreshFromAnOldCopyOfAJobNeverMovesItBack() {
        RunSettings s = settings("back", 10);
        engine.prepare(s, SampleArticles.of(10).iterator());
        engine.submitAll(s);
        JobRecord seenWhileRunning = ledger.jobs("back").get(0);
        assertEquals(JobRecord.Step.CREATED, seenWhileRunning.step());
        engine.awaitRun(s, AdmissionPolicy.all(), fast(), x -> { });
        long downloads = emulator.stats().requests(Endpoint.FILE_DOWNLOAD);

        JobRecord after = engine.refresh(seenWhileRunning);   // a status request that read the job earlier

        assertEquals(JobRecord.Step.RETRIEVED, after.step(), "the ledger's step, not the old copy's");
        assertEquals(JobRecord.Step.RETRIEVED, ledger.jobs("back").get(0).step());
        engine.poll(s);
        assertEquals(downloads, emulator.stats().requests(Endpoint.FILE_DOWNLOAD),
                "the results are not fetched again");
        assertEquals(10, ledger.itemCounts("back").done());
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
        assertEquals(2, p.jobs(), "the run's jobs do not grow with the retry: " + p);
        assertEquals(2, p.jobsDone(), p.toString());
        assertTrue(p.retries() >= 1, "the retry job is counted apart: " + p);
        assertEquals(100.0, p.percent(), 1e-9);
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
    void anIdRepeatedInTheSameFileOrALaterOneIsSentOnce() {
        RunSettings s = settings("run4b", 100);
        List<dev.newsbatch.Article> articles = new java.util.ArrayList<>(SampleArticles.of(250));
        articles.add(30, articles.get(10));     // the same file
        articles.add(articles.get(120));        // a file already recorded
        articles.add(articles.get(249));        // the file still being written
        PrepareReport r = engine.prepare(s, articles.iterator());
        assertEquals(250, r.added());
        assertEquals(3, r.alreadyKnown());
        assertEquals(250, ledger.items("run4b", null).size());
        assertEquals(250, ledger.jobs("run4b").stream().mapToInt(JobRecord::items).sum());
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

    @Test
    void leftoverTempFilesAndAnUnrecordedRequestFileAreRewrittenNotFatal() throws Exception {
        RunSettings s = settings("run7", 50);
        Path requests = dir.resolve("batch").resolve("requests").resolve("run7");
        Files.createDirectories(requests);
        // A prepare killed before its rename, and one killed between the rename and the ledger transaction.
        Files.writeString(requests.resolve("chunk-0-a1.jsonl.tmp"), "{\"key\":\"half");
        Files.writeString(requests.resolve("chunk-0-a1.jsonl.123.tmp"), "{\"key\":\"half");
        Files.writeString(requests.resolve("chunk-1-a1.jsonl"), "{\"key\":\"someone-else\"}\n");

        PrepareReport r = engine.prepare(s, SampleArticles.of(80).iterator());

        assertEquals(80, r.added());
        try (var listing = Files.list(requests)) {
            assertEquals(List.of("chunk-0-a1.jsonl", "chunk-1-a1.jsonl"),
                    listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(30, Files.readAllLines(requests.resolve("chunk-1-a1.jsonl")).size());
        RunProgress p = engine.awaitRun(s, AdmissionPolicy.all(), fast(), x -> { });
        assertEquals(80, p.items().done(), p.toString());
    }

    @Test
    void aRequestFileThatCannotBeMovedIntoPlaceFailsThePrepareAndIsNeverRecorded() throws Exception {
        RunSettings s = settings("run7b", 50);
        Path requests = dir.resolve("batch").resolve("requests").resolve("run7b");
        // the second file's name is taken by a directory that is not empty: moving the file there fails
        Files.createDirectories(requests.resolve("chunk-1-a1.jsonl"));
        Files.writeString(requests.resolve("chunk-1-a1.jsonl").resolve("keep"), "x");

        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.io.UncheckedIOException.class, () -> engine.prepare(s, SampleArticles.of(180).iterator()));

        assertTrue(e.getMessage().contains("chunk-1-a1.jsonl"), e.getMessage());
        // what is recorded is in place; the file that failed, and those after it, are not recorded
        List<JobRecord> jobs = ledger.jobs("run7b");
        assertEquals(List.of(0), jobs.stream().map(JobRecord::chunk).toList());
        assertEquals(50, Files.readAllLines(requests.resolve("chunk-0-a1.jsonl")).size());
        try (var listing = Files.list(requests)) {
            assertEquals(List.of(), listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))
                    .toList(), "no temporary file is left");
        }
        // the same prepare, once the name is free, sends every article once
        Files.delete(requests.resolve("chunk-1-a1.jsonl").resolve("keep"));
        Files.delete(requests.resolve("chunk-1-a1.jsonl"));
        PrepareReport r = engine.prepare(s, SampleArticles.of(180).iterator());
        assertEquals(130, r.added());
        assertEquals(50, r.alreadyKnown());
        assertEquals(180, ledger.jobs("run7b").stream().mapToInt(JobRecord::items).sum());
    }

    @Test
    void anUploadMeeting409ReusesTheSameFileAndReplacesADifferentOne() throws Exception {
        RunSettings s = settings("run8", 50);
        engine.prepare(s, SampleArticles.of(100).iterator());
        List<JobRecord> jobs = ledger.jobs("run8");
        JobRecord same = jobs.get(0);
        JobRecord other = jobs.get(1);
        // Earlier attempts stored these names: one with the same bytes, one with other bytes of equal size.
        connection.gateway().upload(dir.resolve("batch").resolve(same.requestFile()), same.fileId(), "earlier");
        Path changed = dir.resolve("changed.jsonl");
        Files.writeString(changed, "x".repeat((int) Files.size(dir.resolve("batch").resolve(other.requestFile()))));
        connection.gateway().upload(changed, other.fileId(), "earlier");
        // The existence check misses them (as after a lost answer), so the uploads meet 409 ALREADY_EXISTS.
        emulator.faults(Faults.none().failNext(Endpoint.FILE_GET, 1, 404));
        engine.upload(same);
        emulator.faults(Faults.none().failNext(Endpoint.FILE_GET, 1, 404));
        engine.upload(other);

        assertEquals(3, emulator.stats().filesUploaded(), "the same file reused, the different one uploaded again");
        for (JobRecord j : List.of(same, other)) {
            assertTrue(connection.gateway().file("files/" + j.fileId()).orElseThrow()
                    .sameContentAs(dir.resolve("batch").resolve(j.requestFile())), j.toString());
        }
        RunProgress p = engine.awaitRun(s, AdmissionPolicy.all(), fast(), x -> { });
        assertEquals(100, p.items().done(), p.toString());
    }

    @Test
    void aTransient503OnUploadDoesNotEndTheRun() {
        emulator.faults(Faults.none().failNext(Endpoint.UPLOAD_START, 1, 503));
        RunSettings s = settings("run9", 50);
        engine.prepare(s, SampleArticles.of(100).iterator());

        RunProgress p = engine.awaitRun(s, AdmissionPolicy.all(), fast(), x -> { });

        assertEquals(100, p.items().done(), p.toString());
        assertEquals(2, emulator.stats().filesUploaded());
    }

    @Test
    void aJobWhoseUploadFailsPastTheRetriesFailsItsArticlesAndTheRunGoesOn() {
        emulator.faults(Faults.none().failNext(Endpoint.UPLOAD_START, 5, 503));
        RunSettings s = settings("run10", 50);
        engine.prepare(s, SampleArticles.of(100).iterator());

        RunProgress p = engine.awaitRun(s, AdmissionPolicy.all(), fast(), x -> { });

        assertTrue(p.isFinished(), p.toString());
        assertEquals(50, p.items().done(), p.toString());
        List<ItemRecord> failed = ledger.items("run10", ItemState.FAILED);
        assertEquals(50, failed.size());
        assertTrue(failed.stream().allMatch(i -> i.errorKind().equals(ErrorKind.API_ERROR.name())
                && i.error().contains("files.upload") && i.error().contains("503")), failed.get(0).error());
        assertEquals(1, emulator.stats().batchesCreated());
        assertEquals(50, engine.resubmitFailed(s, 3), "API_ERROR items may be sent again");
    }

    @Test
    void anUnansweredCreateIsLookedUpAndEachChunkIsSentInOneJob() {
        emulator.faults(Faults.none().failNext(Endpoint.BATCH_CREATE, 2, 503));
        RunSettings s = settings("run11", 50);
        engine.prepare(s, SampleArticles.of(150).iterator());

        RunProgress p = engine.awaitRun(s, AdmissionPolicy.all(), fast(), x -> { });

        assertEquals(150, p.items().done(), p.toString());
        List<dev.newsbatch.internal.gemini.BatchJobInfo> remote = connection.gateway().listBatches(1000);
        assertEquals(3, remote.size(), remote.toString());
        assertEquals(3, remote.stream().map(j -> j.displayName()).distinct().count());
        assertEquals(3, emulator.stats().batchesCreated());
        assertTrue(emulator.stats().requests(Endpoint.BATCH_LIST) >= 2, "a lookup after each unanswered create");
    }

    @Test
    void aJobLeftCreatingIsNotCreatedAgainWhileTheLookupFails() {
        RunSettings s = settings("run12", 50);
        engine.prepare(s, SampleArticles.of(50).iterator());
        JobRecord job = engine.upload(ledger.jobs("run12").get(0));
        ledger.saveJob(job.step(JobRecord.Step.CREATING));
        emulator.faults(Faults.none().failNext(Endpoint.BATCH_LIST, 5, 503));

        engine.poll(s);

        assertEquals(JobRecord.Step.CREATING, ledger.jobs("run12").get(0).step());
        assertEquals(0, emulator.stats().batchesCreated(), "nothing created while the lookup cannot answer");
        RunProgress p = engine.awaitRun(s, AdmissionPolicy.all(), fast(), x -> { });
        assertEquals(50, p.items().done(), p.toString());
        assertEquals(1, emulator.stats().batchesCreated());
    }
}
