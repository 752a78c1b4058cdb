package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.GeminiEmulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --vertex-project}, {@code --vertex-location} and {@code --gcs-prefix} on the submitting commands. */
class VertexFlagsTest {
    /** The system properties that point the Vertex AI and Cloud Storage clients at an emulator (see the README). */
    private static final String VERTEX_URL = "newsbatch.vertex.baseUrl";
    private static final String STORAGE_HOST = "newsbatch.storage.host";
    @TempDir
    Path tmp;

    @Test
    void submitContentsWithVertexFlagsRunsOnBatchPredictionAndWaitsForTheResults() {
        Path input = SampleArticles.jsonArray(tmp.resolve("in.json"), 12);
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0)
                .stateDir(tmp.resolve("emulator")).startDelay(Duration.ZERO))) {
            System.setProperty(VERTEX_URL, emulator.baseUrl());
            System.setProperty(STORAGE_HOST, emulator.baseUrl());
            try {
                CliRun run = CliRun.in(tmp.resolve("batch_jobs"), "submit-contents", input.toString(), "--name", "vx",
                        "--wait", "--poll-ms", "20", "--vertex-project", "cli-project", "--vertex-location",
                        "us-central1", "--gcs-prefix", "gs://cli-bucket/nb");
                assertEquals(0, run.exitCode(), run.toString());
                assertEquals(1, emulator.vertexCreateRequests().size(), run.toString());
                assertTrue(emulator.vertexCreateRequests().get(0).contains("gs://cli-bucket/nb/requests/"));
            } finally {
                System.clearProperty(VERTEX_URL);
                System.clearProperty(STORAGE_HOST);
            }
        }
    }

    @Test
    void aPrefixThatIsNotCloudStorageExitsWithTwoAndNamesTheField() {
        Path input = SampleArticles.jsonArray(tmp.resolve("in.json"), 3);
        CliRun run = CliRun.in(tmp.resolve("batch_jobs"), "submit-contents", input.toString(), "--name", "bad",
                "--vertex-project", "p", "--vertex-location", "us-central1", "--gcs-prefix", "s3://bucket/x");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("gcsPrefix must be gs://bucket"), run.toString());
        assertTrue(run.err().contains("s3://bucket/x"), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
    }
}
