package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vertex AI's own limits and prices, from the model catalogue: the estimate names them and sizes jobs by
 * Vertex's per-job limit, and admission keeps at most Vertex's concurrent jobs in flight, counted at the
 * emulator, which refuses any job beyond its limit. A whole run under the limit, with kills, is
 * {@code SoakTest.vertexRunSurvivesRandomKills}.
 */
class VertexLimitsTest {
    @TempDir
    Path dir;

    BatchSpec<NewsClassification> spec(int articles) {
        return Batches.from(SampleArticles.of(articles)).name("vx").directory(dir.resolve("batch"))
                .vertex("test-project", "us-central1", "gs://news-archive/runs");
    }

    @Test
    void theEstimateOnVertexNamesVertexLimitsAndPricesWithTheirSources() {
        Estimate onGemini = Batches.from(SampleArticles.of(30)).directory(dir.resolve("batch")).batchSize(1000)
                .estimate();
        Estimate e = spec(30).batchSize(1000).estimate();
        assertEquals("vertex", e.tier());
        assertEquals(1, e.batches());
        assertEquals(onGemini.batchUsd(), e.batchUsd(), 1e-12, "the same per-token batch prices (assumed equal)");
        String r = e.report();
        assertTrue(r.contains("Vertex AI: 8 batch prediction jobs at once per project and region"), r);
        assertTrue(r.contains("200,000 requests (assumed) and 1.00 GB (assumed) a job"), r);
        assertTrue(r.contains("Vertex AI batch = 50% of Vertex's online price; per-token prices assumed equal to "
                + "the Gemini API's batch prices"), r);
        assertTrue(r.contains("https://cloud.google.com/vertex-ai/generative-ai/docs/batch-prediction (read 2026-"), r);
        assertFalse(r.contains("AI Studio"), r);
    }

    @Test
    void jobsAreSizedByVertexPerJobLimitGivenInTheDirectorysOverrideFile() throws Exception {
        Files.createDirectories(dir.resolve("batch"));
        Files.writeString(dir.resolve("batch/tiers.json"), "{\"vertex\":{\"requests_per_job\":7}}");
        Estimate e = spec(30).batchSize(1000).estimate();
        assertEquals(5, e.batches());
        assertTrue(e.report().contains("7 requests and 1.00 GB (assumed) a job"), e.report());
        Files.writeString(dir.resolve("batch/tiers.json"), "{\"vertex\":{\"requests_per_job\":\"many\"}}");
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> spec(30).estimate());
        assertTrue(bad.getMessage().contains("tiers.json") && bad.getMessage().contains("requests_per_job"),
                bad.getMessage());
    }

    @Test
    void admissionNeverHasMoreThanVertexConcurrentJobsInFlightAtTheEmulator() throws Exception {
        Files.createDirectories(dir.resolve("batch"));
        Files.writeString(dir.resolve("batch/tiers.json"), "{\"vertex\":{\"concurrent_batch_jobs\":2}}");
        // jobs stay pending for an hour: what submit() creates in its one pass is all that is in flight
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0)
                .stateDir(dir.resolve("emulator")).startDelay(Duration.ofHours(1)))) {
            emulator.vertexConcurrentJobs(2);
            BatchRun<NewsClassification> run = onEmulator(emulator, () -> spec(12).batchSize(3).submit());
            assertEquals(2, emulator.vertexCreateRequests().size(), "creates the emulator received");
            assertEquals(2, emulator.vertexPeakJobs(), "jobs pending or running at once at the emulator");
            assertEquals(0, emulator.vertexJobsRefused(), "creates refused for the concurrent-job limit");
            RunStatus s = onEmulator(emulator, run::status);
            assertEquals(4, s.jobs(), s.toString());
            assertEquals(0, s.failed(), s.toString());
        }
    }

    @Test
    void theEmulatorRefusesAJobBeyondItsLimitWithVertexQuotaErrorAndTheRunWaitsItOut() {
        // the planner assumes Vertex's 8, the emulator allows 1: the second create is refused with 429, and its
        // articles wait for a later pass instead of failing
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0)
                .stateDir(dir.resolve("emulator")).startDelay(Duration.ofHours(1)))) {
            emulator.vertexConcurrentJobs(1);
            BatchRun<NewsClassification> run = onEmulator(emulator, () -> spec(6).batchSize(3).submit());
            assertEquals(2, emulator.vertexCreateRequests().size(), "creates the emulator received");
            assertEquals(1, emulator.vertexJobsRefused(), "creates refused for the concurrent-job limit");
            assertEquals(1, emulator.vertexPeakJobs());
            assertEquals(1, Jobs.list(dir.resolve("batch")).size(), "jobs recorded as created");
            RunStatus s = onEmulator(emulator, run::status);
            assertEquals(0, s.failed(), "the refused job's articles are not failed: " + s);
        }
    }

    static <R> R onEmulator(GeminiEmulator emulator, java.util.function.Supplier<R> call) {
        System.setProperty(GeminiConnection.VERTEX_BASE_URL_PROPERTY, emulator.baseUrl());
        System.setProperty(GeminiConnection.STORAGE_HOST_PROPERTY, emulator.baseUrl());
        try {
            return call.get();
        } finally {
            System.clearProperty(GeminiConnection.VERTEX_BASE_URL_PROPERTY);
            System.clearProperty(GeminiConnection.STORAGE_HOST_PROPERTY);
        }
    }
}
