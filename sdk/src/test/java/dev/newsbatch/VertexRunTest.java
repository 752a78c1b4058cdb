package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public API on Vertex AI batch prediction, against the emulator through the real clients. */
class VertexRunTest {
    @TempDir
    Path dir;

    @Test
    void aSpecOnVertexClassifiesEveryArticleThroughCloudStorageAndBatchPrediction() {
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0)
                .stateDir(dir.resolve("emulator")).startDelay(Duration.ZERO))) {
            System.setProperty(GeminiConnection.VERTEX_BASE_URL_PROPERTY, emulator.baseUrl());
            System.setProperty(GeminiConnection.STORAGE_HOST_PROPERTY, emulator.baseUrl());
            try {
                BatchRun<NewsClassification> run = Batches.from(SampleArticles.of(30)).name("vx")
                        .directory(dir.resolve("batch")).batchSize(10).pollInterval(Duration.ofMillis(20))
                        .vertex("test-project", "europe-west4", "gs://news-archive/runs").submit();
                Results<NewsClassification> r = run.await().collect();
                assertEquals(30, r.size());
                assertTrue(r.errors().isEmpty(), r.errors().toString());
                assertEquals(3, emulator.vertexCreateRequests().size());
                List<JobStatus> jobs = Jobs.list(dir.resolve("batch"));
                assertEquals(3, jobs.size());
                assertTrue(jobs.stream().allMatch(j -> j.jobId()
                        .startsWith("projects/test-project/locations/europe-west4/batchPredictionJobs/")), jobs.toString());
                // a later process that knows only the batch directory reads the job where it ran
                String jobId = jobs.get(0).jobId();
                assertEquals(JobState.SUCCEEDED, Jobs.status(jobId, dir.resolve("batch")).state());
                assertEquals(10, Jobs.results(jobId, dir.resolve("batch")).size());
            } finally {
                System.clearProperty(GeminiConnection.VERTEX_BASE_URL_PROPERTY);
                System.clearProperty(GeminiConnection.STORAGE_HOST_PROPERTY);
            }
        }
    }

    @Test
    void vertexIsCheckedWhereItIsGivenAndReturnsANewSpec() {
        BatchSpec<NewsClassification> s0 = Batches.from(SampleArticles.of(2));
        BatchSpec<NewsClassification> s1 = s0.vertex("p", "us-central1", "gs://bucket/path/");
        assertNotSame(s0, s1);
        assertNull(s0.vertex());
        assertEquals("gs://bucket/path", s1.vertex().gcsPrefix());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> s0.vertex("p", "us-central1", "s3://bucket/path"));
        assertTrue(bad.getMessage().startsWith("gcsPrefix must be gs://bucket"), bad.getMessage());
        assertTrue(bad.getMessage().contains("s3://bucket/path"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s0.vertex(" ", "us-central1", "gs://bucket"));
        assertThrows(IllegalArgumentException.class, () -> s0.vertex("p", "", "gs://bucket"));
    }
}
