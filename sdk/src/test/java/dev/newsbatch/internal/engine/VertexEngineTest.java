package dev.newsbatch.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.newsbatch.Article;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.GeminiException;
import dev.newsbatch.RunConfig;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.internal.gemini.VertexBackend;
import dev.newsbatch.internal.gemini.VertexLabels;
import dev.newsbatch.VertexTarget;
import dev.newsbatch.internal.plan.AdmissionPolicy;
import dev.newsbatch.internal.plan.RequestKeys;
import dev.newsbatch.internal.store.ItemRecord;
import dev.newsbatch.internal.store.ItemState;
import dev.newsbatch.internal.store.JobRecord;
import dev.newsbatch.internal.store.Ledger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch workflow on Vertex AI batch prediction, against the emulator through the real google-genai client
 * (Vertex mode) and the real google-cloud-storage client.
 */
class VertexEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final VertexTarget TARGET = VertexTarget.of("test-project", "us-central1", "gs://news-bucket/nb");

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    GeminiEmulator emulator;
    GeminiConnection connection;
    Storage storage;
    Ledger ledger;
    BatchEngine engine;

    @BeforeEach
    void start() {
        emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(dir.resolve("emulator"))
                .clock(clock));
        connection = GeminiConnection.vertex(TARGET, Map.of("GOOGLE_VERTEX_BASE_URL", emulator.baseUrl(),
                "STORAGE_EMULATOR_HOST", emulator.baseUrl()));
        storage = StorageOptions.newBuilder().setProjectId("test-project").setHost(emulator.baseUrl())
                .setCredentials(NoCredentials.getInstance()).build().getService();
        ledger = Ledger.open(dir.resolve("batch"));
        engine = new BatchEngine(connection.backend(), ledger, dir.resolve("batch"));
    }

    @AfterEach
    void stop() throws Exception {
        ledger.close();
        connection.close();
        storage.close();
        emulator.close();
    }

    RunSettings settings(String runId, int batchSize) {
        return SampleArticles.settings(RunConfig.ofDefaults(dir.resolve("batch")).withName(runId)
                .withBatchSize(batchSize));
    }

    /** Sample articles, a few with ids whose keys do not fit a label (upper case, dots) and travel hashed. */
    static List<Article> articles(int n) {
        List<Article> out = new ArrayList<>();
        for (Article a : SampleArticles.of(n)) {
            int i = out.size();
            out.add(i % 4 == 0 ? Article.of("Story.No." + i, a.title(), a.contents()) : a);
        }
        return out;
    }

    @Test
    void aRunOnVertexUploadsToCloudStorageCreatesPredictionJobsAndMapsEveryResultByItsLabel() {
        RunSettings s = settings("vx1", 40);
        engine.prepare(s, articles(100).iterator());
        engine.submitAll(s);
        clock.advance(Duration.ofHours(1));
        RunProgress p = engine.awaitRun(s, AdmissionPolicy.all(), WaitOptions.ofDefaults()
                .initialInterval(Duration.ofMillis(10)).maxInterval(Duration.ofMillis(50))
                .maxWait(Duration.ofMinutes(2)), x -> { });
        assertTrue(p.isFinished(), p.toString());
        assertEquals(100, p.items().done(), p.toString());
        List<ItemRecord> done = ledger.items("vx1", ItemState.DONE);
        assertEquals(100, done.size());
        assertTrue(done.stream().allMatch(i -> i.result().contains("is_financial")));
        assertTrue(done.stream().allMatch(i -> i.inputTokens() > 0 && i.outputTokens() > 0));
        List<JobRecord> jobs = ledger.jobs("vx1");
        assertEquals(3, jobs.size());
        for (JobRecord j : jobs) {
            assertTrue(j.jobName().startsWith("projects/test-project/locations/us-central1/batchPredictionJobs/"),
                    j.jobName());
            assertTrue(j.fileName().startsWith("gs://news-bucket/nb/requests/"), j.fileName());
        }
        // the uploaded request file is in Vertex's line format, each request carrying its key as a label
        JobRecord first = jobs.get(0);
        String uploaded = new String(storage.readAllBytes(BlobId.fromGsUtilUri(first.fileName())),
                StandardCharsets.UTF_8);
        JsonNode line = read(uploaded.lines().findFirst().orElseThrow());
        assertFalse(line.has("key"));
        String label = line.path("request").path("labels").path(VertexLabels.KEY).asText();
        assertTrue(label.matches("[a-z0-9_-]{1,63}"), label);
        assertEquals(VertexLabels.of(RequestKeys.of("Story.No.0")), label);
        // the create the emulator received is the Vertex AI one the SDK builds
        JsonNode create = read(emulator.vertexCreateRequests().get(0));
        assertEquals("publishers/google/models/" + s.template().model(), create.path("model").asText());
        assertEquals("jsonl", create.path("inputConfig").path("instancesFormat").asText());
        assertTrue(create.path("inputConfig").path("gcsSource").path("uris").get(0).asText()
                .startsWith("gs://news-bucket/nb/requests/"));
        assertEquals("jsonl", create.path("outputConfig").path("predictionsFormat").asText());
        assertTrue(create.path("outputConfig").path("gcsDestination").path("outputUriPrefix").asText()
                .startsWith("gs://news-bucket/nb/results/"));
        assertEquals(3, emulator.stats().batchesCreated());
    }

    @Test
    void shuffledPredictionsMapByLabelAndAMissingOrUnknownLineIsAnErrorNotAGuess() throws Exception {
        RunSettings s = settings("vx2", 20);
        engine.prepare(s, articles(20).iterator());
        JobRecord job = ledger.jobs("vx2").get(0);
        job = engine.step(job, s);   // upload
        job = engine.step(job, s);   // create
        assertEquals(JobRecord.Step.CREATED, job.step());
        clock.advance(Duration.ofHours(2));
        job = engine.step(job, s);   // refresh
        assertEquals(JobRecord.Step.FINISHED, job.step());

        Blob predictions = predictionsOf(job);
        List<String> lines = new ArrayList<>(new String(predictions.getContent(), StandardCharsets.UTF_8).lines().toList());
        assertEquals(20, lines.size());
        List<String> inputOrder = new ArrayList<>();
        articles(20).forEach(a -> inputOrder.add(VertexLabels.of(RequestKeys.of(a.id()))));
        List<String> outputOrder = lines.stream()
                .map(l -> read(l).path("request").path("labels").path(VertexLabels.KEY).asText()).toList();
        assertNotEquals(inputOrder, outputOrder, "Vertex writes predictions in no particular order");
        assertEquals(new java.util.HashSet<>(inputOrder), new java.util.HashSet<>(outputOrder));

        // drop one line, and add one whose label no request of the job has
        String dropped = outputOrder.get(3);
        lines.remove(3);
        lines.add(lines.get(0).replace("\"" + outputOrder.get(0) + "\"", "\"a-not-in-this-job\""));
        storage.create(BlobInfo.newBuilder(predictions.getBlobId()).setContentType("application/jsonl").build(),
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8));

        job = engine.step(job, s);   // retrieve
        assertEquals(JobRecord.Step.RETRIEVED, job.step());
        assertEquals(19, ledger.items("vx2", ItemState.DONE).size());
        List<ItemRecord> failed = ledger.items("vx2", ItemState.FAILED);
        assertEquals(1, failed.size());
        ItemRecord missing = failed.get(0);
        assertEquals(dropped, VertexLabels.of(missing.key()));
        assertEquals(ErrorKind.MISSING_LINE.name(), missing.errorKind());
        assertTrue(missing.error().contains("1 lines with an unknown key"), missing.error());
    }

    @Test
    void aBigQueryJobIsRequestedExactlyAsVertexDocumentsIt() {
        VertexBackend backend = (VertexBackend) connection.backend();
        // no such request table: the emulator refuses the job as Vertex would, after recording the request
        GeminiException e = assertThrows(GeminiException.class, () -> backend.createBigQueryBatch(
                "gemini-3.1-flash-lite", "bq://test-project.news.requests", "bq://test-project.news.results",
                "bq-run-c0-a1"));
        assertEquals(400, e.status(), e.getMessage());
        assertTrue(e.getMessage().contains("Failed to read the input table bq://test-project.news.requests"),
                e.getMessage());
        List<String> captured = emulator.vertexCreateRequests();
        JsonNode body = read(captured.get(captured.size() - 1));
        assertEquals("bq-run-c0-a1", body.path("displayName").asText());
        assertEquals("publishers/google/models/gemini-3.1-flash-lite", body.path("model").asText());
        assertEquals("bigquery", body.path("inputConfig").path("instancesFormat").asText());
        assertEquals("bq://test-project.news.requests",
                body.path("inputConfig").path("bigquerySource").path("inputUri").asText());
        assertFalse(body.path("inputConfig").has("gcsSource"));
        assertEquals("bigquery", body.path("outputConfig").path("predictionsFormat").asText());
        assertEquals("bq://test-project.news.results",
                body.path("outputConfig").path("bigqueryDestination").path("outputUri").asText());
        assertFalse(body.path("outputConfig").has("gcsDestination"));
        assertEquals(java.util.Set.of("displayName", "model", "inputConfig", "outputConfig"), fields(body));
    }

    @Test
    void aCrashBetweenCreateAndRecordingIsResolvedByTheDisplayNameWithoutASecondJob() {
        RunSettings s = settings("vx4", 10);
        engine.prepare(s, articles(10).iterator());
        JobRecord job = engine.upload(ledger.jobs("vx4").get(0));
        JobRecord created = engine.create(job, s);
        // the create reached Vertex AI, its answer was never recorded
        ledger.saveJob(new JobRecord(created.runId(), created.chunk(), created.attempt(), created.requestFile(),
                created.fileId(), created.fileName(), created.displayName(), null, JobRecord.Step.CREATING, null,
                created.items(), created.estTokens(), -1, null, null, created.createdAt(), created.updatedAt()));
        JobRecord adopted = engine.create(ledger.jobs("vx4").get(0), s);
        assertEquals(created.jobName(), adopted.jobName());
        assertEquals(1, emulator.stats().batchesCreated());
        // an upload repeated after a crash finds the object it already wrote and sends nothing again
        long before = emulator.stats().requests().getOrDefault("objects.insert", 0L);
        JobRecord again = engine.upload(job.step(JobRecord.Step.PREPARED));
        assertEquals(job.fileName(), again.fileName());
        assertEquals(before, emulator.stats().requests().getOrDefault("objects.insert", 0L));
    }

    @Test
    void aJobCanBeReadListedAndCancelledByItsVertexName() {
        RunSettings s = settings("vx3", 10);
        engine.prepare(s, articles(10).iterator());
        JobRecord job = ledger.jobs("vx3").get(0);
        job = engine.step(engine.step(job, s), s);
        var backend = connection.backend();
        assertEquals(dev.newsbatch.JobState.PENDING, backend.batch(job.jobName()).state());
        assertEquals(job.jobName(), backend.findByDisplayName(job.displayName()).orElseThrow().name());
        backend.cancel(job.jobName());
        assertEquals(dev.newsbatch.JobState.CANCELLED, backend.batch(job.jobName()).state());
        GeminiException gone = assertThrows(GeminiException.class,
                () -> backend.batch("projects/test-project/locations/us-central1/batchPredictionJobs/123"));
        assertEquals(404, gone.status());
    }

    private Blob predictionsOf(JobRecord job) {
        for (Blob b : storage.list("news-bucket", Storage.BlobListOption.prefix("nb/results/" + job.displayName() + "/"))
                .iterateAll()) {
            if (b.getName().endsWith("/predictions.jsonl")) {
                return b;
            }
        }
        throw new AssertionError("no predictions for " + job.displayName());
    }

    private static java.util.Set<String> fields(JsonNode node) {
        java.util.Set<String> out = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** A clock the test moves. */
    static final class ManualClock extends Clock {
        private final AtomicReference<Instant> now;

        ManualClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
