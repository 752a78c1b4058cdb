package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.errors.ServerException;
import com.google.genai.types.BatchJob;
import com.google.genai.types.BatchJobSource;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.InlinedRequest;
import com.google.genai.types.InlinedResponse;
import com.google.genai.types.Part;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault kind, through the real client; request faults fire before any side effect. */
class FaultTest {
    static final String MODEL = Sdk.defaultModel();

    @TempDir
    Path dir;
    TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
    GeminiEmulator emu;
    Client client;

    @BeforeEach
    void start() {
        emu = GeminiEmulator.start(EmulatorConfig.defaults().stateDir(dir.resolve("state")).clock(clock)
                .startDelay(Duration.ZERO));
        client = Sdk.client(emu);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private String uploadArticles(int n) {
        return ContractTest.upload(client, Articles.jsonl(n), "in").name().orElseThrow();
    }

    private BatchJob finished(String name) {
        clock.advance(Duration.ofMinutes(10));
        return client.batches.get(name, null);
    }

    @Test
    void injectedServerErrorReachesTheClientWithItsStatus() {
        emu.faults(Faults.none().errorRate(Endpoint.GENERATE_CONTENT, 1.0, 503));
        ServerException e = assertThrows(ServerException.class, () -> client.models.generateContent(MODEL, "x", null));
        assertEquals(503, e.code());
        assertEquals("UNAVAILABLE", e.status());
        emu.faults(Faults.none().errorRate(Endpoint.GENERATE_CONTENT, 1.0, 500));
        assertEquals(500, assertThrows(ServerException.class,
                () -> client.models.generateContent(MODEL, "x", null)).code());
        emu.faults(Faults.none().errorRate(Endpoint.COUNT_TOKENS, 1.0, 429));
        assertEquals(429, assertThrows(ClientException.class,
                () -> client.models.countTokens(MODEL, "x", null)).code());
        assertEquals(0, emu.stats().generateContentCalls());
        assertEquals(3, emu.stats().faultsInjected());
    }

    @Test
    void failNextAnswersExactlyTheNextRequestsWithTheStatusThenServesAgain() {
        emu.faults(Faults.none().failNext(Endpoint.UPLOAD_START, 2, 503));
        for (int i = 0; i < 2; i++) {
            assertEquals(503, assertThrows(ServerException.class, () -> uploadArticles(1)).code());
        }
        String file = uploadArticles(1);
        assertTrue(file.startsWith("files/"), file);
        assertEquals(1, emu.stats().filesUploaded());
        assertEquals(2, emu.stats().faultsInjected());
        assertEquals("Faults[seed=42, failNext={files.upload=2x503}]", Faults.none()
                .failNext(Endpoint.UPLOAD_START, 2, 503).toString());
    }

    @Test
    void failedBatchCreateLeavesNoJobBehind() {
        String file = uploadArticles(1);
        emu.faults(Faults.none().errorRate(Endpoint.BATCH_CREATE, 1.0, 503));
        assertThrows(ServerException.class,
                () -> client.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null));
        emu.faults(Faults.none());
        assertFalse(client.batches.list(null).iterator().hasNext());
        assertEquals(0, emu.stats().batchesCreated());
    }

    @Test
    void errorRateIsReproducibleForTheSameSeed() {
        Faults faults = Faults.none().seed(7).errorRate(Endpoint.COUNT_TOKENS, 0.5, 503);
        List<Boolean> first = outcomes(faults);
        List<Boolean> second = outcomes(faults);
        assertEquals(first, second);
        long failures = first.stream().filter(b -> b).count();
        assertTrue(failures > 0 && failures < first.size(), "failures: " + failures);
    }

    private List<Boolean> outcomes(Faults faults) {
        emu.faults(faults);
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            try {
                client.models.countTokens(MODEL, "x", null);
                out.add(false);
            } catch (ServerException e) {
                out.add(true);
            }
        }
        return out;
    }

    @Test
    void droppedConnectionSurfacesAsAnIoError() {
        String file = uploadArticles(1);
        emu.faults(Faults.none().dropRate(Endpoint.FILE_GET, 1.0));
        assertThrows(GenAiIOException.class, () -> client.files.get(file, null));
        assertTrue(emu.stats().faultsInjected() >= 1);
        assertEquals(emu.stats().requests(Endpoint.FILE_GET), emu.stats().faultsInjected());
    }

    @Test
    void latencyBeyondTheClientTimeoutMakesTheCallFail() {
        emu.faults(Faults.none().latency(Duration.ofSeconds(3)));
        GenerateContentConfig config = GenerateContentConfig.builder()
                .httpOptions(HttpOptions.builder().timeout(200).build()).build();
        assertThrows(GenAiIOException.class, () -> client.models.generateContent(MODEL, "x", config));
    }

    @Test
    void itemErrorsAppearAsErrorLinesAndInBatchStats() throws Exception {
        emu.faults(Faults.none().itemErrorRate(0.5));
        String file = uploadArticles(20);
        String name = client.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null)
                .name().orElseThrow();
        BatchJob job = finished(name);
        assertEquals("JOB_STATE_SUCCEEDED", job.state().orElseThrow().toString());
        Path local = dir.resolve("out.jsonl");
        client.files.download(job.dest().orElseThrow().fileName().orElseThrow(), local.toString(), null);
        int errors = 0;
        for (String line : Files.readAllLines(local)) {
            JsonNode node = Json.parse(line);
            if (node.has("error")) {
                errors++;
                assertEquals(13, node.path("error").path("code").asInt());
                assertEquals("INTERNAL", node.path("error").path("status").asText());
            }
        }
        assertTrue(errors > 0 && errors < 20, "errors: " + errors);
        JsonNode stats = Json.parse(Sdk.get(emu, "/v1beta/" + name, "k").body()).path("metadata").path("batchStats");
        assertEquals(String.valueOf(errors), stats.path("failedRequestCount").asText());
        assertEquals(String.valueOf(20 - errors), stats.path("successfulRequestCount").asText());
    }

    @Test
    void inlinedItemErrorsCarryNoDetailsSoTheSdkCanReadThem() {
        emu.faults(Faults.none().itemErrorRate(1.0));
        BatchJob job = client.batches.create(MODEL, BatchJobSource.builder().inlinedRequests(InlinedRequest.builder()
                .contents(Content.fromParts(Part.fromText("x"))).metadata(Map.of("key", "a")).build()).build(), null);
        List<InlinedResponse> responses = finished(job.name().orElseThrow()).dest().orElseThrow()
                .inlinedResponses().orElseThrow();
        assertEquals(13, responses.get(0).error().orElseThrow().code().orElseThrow());
        assertTrue(responses.get(0).response().isEmpty());
    }

    @Test
    void malformedResultLinesAreNotJson() throws Exception {
        emu.faults(Faults.none().malformedLineRate(0.5));
        String file = uploadArticles(20);
        BatchJob job = finished(client.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null)
                .name().orElseThrow());
        Path local = dir.resolve("out.jsonl");
        client.files.download(job.dest().orElseThrow().fileName().orElseThrow(), local.toString(), null);
        int broken = 0;
        List<String> lines = Files.readAllLines(local);
        for (String line : lines) {
            try {
                Json.MAPPER.readTree(line);
            } catch (Exception e) {
                broken++;
            }
        }
        assertEquals(20, lines.size());
        assertTrue(broken > 0 && broken < 20, "broken: " + broken);
    }

    @Test
    void nextJobFailsThenJobsSucceedAgain() {
        String file = uploadArticles(2);
        emu.faults(Faults.none().failNextJobs(1));
        BatchJobSource source = BatchJobSource.builder().fileName(file).build();
        String failed = client.batches.create(MODEL, source, null).name().orElseThrow();
        String ok = client.batches.create(MODEL, source, null).name().orElseThrow();
        assertEquals("JOB_STATE_FAILED", finished(failed).state().orElseThrow().toString());
        assertEquals("JOB_STATE_SUCCEEDED", client.batches.get(ok, null).state().orElseThrow().toString());
        JsonNode op = Json.parse(Sdk.get(emu, "/v1beta/" + failed, "k").body());
        assertEquals(13, op.path("error").path("code").asInt());
    }

    @Test
    void jobFailureRateOfOneFailsEveryJob() {
        emu.faults(Faults.none().jobFailureRate(1.0));
        String file = uploadArticles(1);
        String name = client.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null)
                .name().orElseThrow();
        assertEquals("JOB_STATE_FAILED", finished(name).state().orElseThrow().toString());
    }

    @Test
    void expiredJobsEndExpiredWithoutResults() {
        String file = uploadArticles(1);
        emu.faults(Faults.none().expireNextJobs(1));
        BatchJobSource source = BatchJobSource.builder().fileName(file).build();
        BatchJob expired = finished(client.batches.create(MODEL, source, null).name().orElseThrow());
        assertEquals("JOB_STATE_EXPIRED", expired.state().orElseThrow().toString());
        assertTrue(expired.dest().isEmpty());
        emu.faults(Faults.none().jobExpiryRate(1.0));
        assertEquals("JOB_STATE_EXPIRED", finished(client.batches.create(MODEL, source, null).name().orElseThrow())
                .state().orElseThrow().toString());
    }

    @Test
    void truncatedDownloadFailsTheClientsDownload() {
        byte[] bytes = Articles.jsonl(50);
        String file = ContractTest.upload(client, bytes, "in").name().orElseThrow();
        emu.faults(Faults.none().truncatedDownloadRate(1.0));
        Path local = dir.resolve("cut.jsonl");
        assertThrows(GenAiIOException.class, () -> client.files.download(file, local.toString(), null));
        assertEquals(1, emu.stats().faultsInjected());
    }
}
