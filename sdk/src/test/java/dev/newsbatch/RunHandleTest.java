package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.LocalEmulator;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run handle against an emulator whose batch jobs stay pending: future, cancel, toString, resume. */
class RunHandleTest {
    @TempDir
    Path tmp;
    LocalEmulator local;
    GeminiEmulator emulator;
    Path dir;

    @BeforeEach
    void start() throws Exception {
        local = LocalEmulator.start(tmp.resolve("emulator"), Duration.ofDays(1));
        emulator = local.emulator();
        dir = Files.createDirectories(tmp.resolve("batch"));
    }

    @AfterEach
    void stop() {
        local.close();
    }

    BatchRun<NewsClassification> pendingRun(String name) {
        return Batches.from(SampleArticles.of(20)).name(name).directory(dir).batchSize(10)
                .pollInterval(Duration.ofMillis(20)).submit();
    }

    @Test
    void cancellingTheFutureCancelsTheRunAndStopsItsThread() throws Exception {
        BatchRun<NewsClassification> run = pendingRun("future");
        CompletableFuture<Results<NewsClassification>> f = run.future();
        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("newsbatch-future")).findFirst().orElseThrow();
        assertTrue(worker.isDaemon(), "the run's own thread does not keep the JVM alive");

        assertTrue(f.cancel(true));
        worker.join();

        assertThrows(CancellationException.class, f::join);
        assertEquals(RunState.CANCELLED, run.state().state());
        assertEquals(2, emulator.stats().batchesCreated());
        for (JobStatus j : Jobs.list(dir)) {
            JobStatus atGemini = Jobs.status(j.jobId(), dir);
            assertEquals(JobState.CANCELLED, atGemini.state(),
                    atGemini.toString());
        }
    }

    @Test
    void toStringReadsNothing() throws Exception {
        BatchRun<NewsClassification> run = pendingRun("quiet");
        assertEquals("BatchRun[quiet, batch, gemini-3.1-flash-lite]", run.toString());
        run.state();
        String seen = run.toString();
        assertTrue(seen.startsWith("BatchRun[quiet, batch, RUNNING, 0% of 20 articles"), seen);

        emulator.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertEquals(seen, run.toString());
        assertFalse(Files.exists(dir), "toString must not reopen the ledger");
    }

    @Test
    void resumeOfAnUnknownRunSaysWhichRunsTheLedgerKnows() {
        pendingRun("known");
        RunNotFoundException e = assertThrows(RunNotFoundException.class,
                () -> Batches.resume("unknown", dir, NewsClassification.class));
        assertEquals("unknown", e.runId());
        assertEquals(dir, e.directory());
        assertTrue(e.getMessage().contains("known runs: [known]"), e.getMessage());
        assertInstanceOf(NewsbatchException.class, e);
    }

    @Test
    void resumeReadsBackEveryRecordedSetting() {
        Batches.from(SampleArticles.of(4)).name("typed").directory(dir).model("gemini-3.5-flash-lite").tier3()
                .continuous().batchSize(7).estimator(Estimator.calibrated(3.5)).deadline(Duration.ofMinutes(9))
                .pollInterval(Duration.ofMillis(300)).systemInstruction("Be brief.").submit();

        RunConfig back = Batches.resume("typed", dir, NewsClassification.class).spec().config();

        assertEquals(RunConfig.ofDefaults(dir).withName("typed").withModel("gemini-3.5-flash-lite")
                .withTier(Tier.TIER_3).withMode(RunMode.CONTINUOUS).withBatchSize(7)
                .withEstimator(Estimator.calibrated(3.5)).withDeadline(Duration.ofMinutes(9))
                .withPollInterval(Duration.ofMillis(300))
                .withPrompts(RunConfig.ofDefaults(dir).prompts().systemInstruction("Be brief.")), back);
    }
}
