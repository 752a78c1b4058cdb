package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.Pager;
import com.google.genai.errors.ClientException;
import com.google.genai.types.BatchJob;
import com.google.genai.types.BatchJobSource;
import com.google.genai.types.Content;
import com.google.genai.types.CountTokensResponse;
import com.google.genai.types.CreateBatchJobConfig;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.InlinedRequest;
import com.google.genai.types.InlinedResponse;
import com.google.genai.types.ListBatchJobsConfig;
import com.google.genai.types.ListFilesConfig;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.UploadFileConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint, driven through the real google-genai client. */
class ContractTest {
    static final String MODEL = Sdk.defaultModel();

    @TempDir
    Path dir;
    TestClock clock;
    GeminiEmulator emu;
    Client client;

    @BeforeEach
    void start() {
        clock = TestClock.at("2026-03-01T10:00:00Z");
        emu = GeminiEmulator.start(EmulatorConfig.defaults().stateDir(dir.resolve("state")).clock(clock)
                .tokensPerSecond(100).startDelay(Duration.ofSeconds(1)));
        client = Sdk.client(emu);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    static com.google.genai.types.File upload(Client client, byte[] bytes, String displayName) {
        return client.files.upload(bytes, UploadFileConfig.builder().mimeType("application/jsonl")
                .displayName(displayName).build());
    }

    static String state(BatchJob job) {
        return job.state().orElseThrow().toString();
    }

    @Test
    void uploadedFileReadsBackWithItsMetadata() throws Exception {
        byte[] bytes = Articles.jsonl(3);
        com.google.genai.types.File f = upload(client, bytes, "articles");
        assertTrue(f.name().orElseThrow().startsWith("files/"));
        com.google.genai.types.File got = client.files.get(f.name().orElseThrow(), null);
        assertEquals("articles", got.displayName().orElseThrow());
        assertEquals((long) bytes.length, got.sizeBytes().orElseThrow());
        assertEquals("application/jsonl", got.mimeType().orElseThrow());
        assertEquals("ACTIVE", got.state().orElseThrow().toString());
        Path local = dir.resolve("copy.jsonl");
        client.files.download(f.name().orElseThrow(), local.toString(), null);
        assertEquals(new String(bytes, StandardCharsets.UTF_8), Files.readString(local));
    }

    @Test
    void uploadLargerThanOneChunkArrivesWhole() throws Exception {
        byte[] bytes = new byte[9 * 1024 * 1024 + 123];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        com.google.genai.types.File f = upload(client, bytes, "big");
        Path local = dir.resolve("big.bin");
        client.files.download(f.name().orElseThrow(), local.toString(), null);
        assertEquals(bytes.length, Files.size(local));
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(local)));
    }

    @Test
    void fileListPagesThroughEveryFile() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            names.add(upload(client, Articles.jsonl(1), "f" + i).name().orElseThrow());
            clock.advance(Duration.ofMillis(1));
        }
        Pager<com.google.genai.types.File> pager = client.files.list(ListFilesConfig.builder().pageSize(2).build());
        assertEquals(2, pager.page().size());
        Set<String> listed = new HashSet<>();
        pager.forEach(f -> listed.add(f.name().orElseThrow()));
        assertEquals(names, listed);
    }

    @Test
    void deletedFileIsGone() {
        String name = upload(client, Articles.jsonl(1), "x").name().orElseThrow();
        client.files.delete(name, null);
        ClientException e = assertThrows(ClientException.class, () -> client.files.get(name, null));
        assertEquals(403, e.code());
    }

    @Test
    void fileBatchRunsPendingRunningSucceededAndWritesResultsInInputOrder() throws Exception {
        String file = upload(client, Articles.jsonl(4), "in").name().orElseThrow();
        BatchJob job = client.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(),
                CreateBatchJobConfig.builder().displayName("news").build());
        String name = job.name().orElseThrow();
        assertTrue(name.matches("batches/[a-z0-9]{36}"), name);
        assertEquals("JOB_STATE_PENDING", state(job));
        assertEquals("news", job.displayName().orElseThrow());
        assertEquals("models/" + MODEL, job.model().orElseThrow());

        clock.advance(Duration.ofMillis(1500));
        assertEquals("JOB_STATE_RUNNING", state(client.batches.get(name, null)));
        clock.advance(Duration.ofSeconds(30));
        BatchJob done = client.batches.get(name, null);
        assertEquals("JOB_STATE_SUCCEEDED", state(done));
        assertTrue(done.endTime().isPresent());
        String results = done.dest().orElseThrow().fileName().orElseThrow();
        assertEquals("files/batch-" + name.substring("batches/".length()), results);

        Path local = dir.resolve("results.jsonl");
        client.files.download(results, local.toString(), null);
        List<String> lines = Files.readAllLines(local);
        assertEquals(4, lines.size());
        for (int i = 0; i < 4; i++) {
            JsonNode line = Json.parse(lines.get(i));
            assertEquals("k" + i, line.path("key").asText());
            JsonNode response = line.path("response");
            assertTrue(response.path("usageMetadata").path("promptTokenCount").asLong() > 0);
            JsonNode answer = Json.parse(response.path("candidates").path(0).path("content").path("parts").path(0)
                    .path("text").asText());
            assertEquals(i % 2 == 0 ? "Yes" : "No", answer.path("is_financial").asText());
        }
    }

    @Test
    void batchStatsAreInt64StringsWithZeroCountsOmitted() {
        String file = upload(client, Articles.jsonl(3), "in").name().orElseThrow();
        String name = client.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null)
                .name().orElseThrow();
        JsonNode pending = Json.parse(Sdk.get(emu, "/v1beta/" + name, "k").body());
        assertEquals("BATCH_STATE_PENDING", pending.path("metadata").path("state").asText());
        assertEquals("3", pending.path("metadata").path("batchStats").path("requestCount").asText());
        assertEquals("3", pending.path("metadata").path("batchStats").path("pendingRequestCount").asText());
        assertFalse(pending.path("metadata").path("batchStats").has("successfulRequestCount"));
        clock.advance(Duration.ofMinutes(1));
        JsonNode done = Json.parse(Sdk.get(emu, "/v1beta/" + name, "k").body());
        assertEquals("3", done.path("metadata").path("batchStats").path("successfulRequestCount").asText());
        assertFalse(done.path("metadata").path("batchStats").has("pendingRequestCount"));
        assertTrue(done.path("done").asBoolean());
    }

    @Test
    void inlinedBatchReturnsInlinedResponsesWithTheirMetadata() {
        List<InlinedRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(InlinedRequest.builder()
                    .contents(Content.fromParts(Part.fromText(i == 1 ? Articles.NON_FINANCIAL : Articles.FINANCIAL)))
                    .metadata(Map.of("key", "a" + i))
                    .config(GenerateContentConfig.builder().responseMimeType("application/json").build())
                    .build());
        }
        BatchJob job = client.batches.create(MODEL, BatchJobSource.builder().inlinedRequests(requests).build(), null);
        clock.advance(Duration.ofMinutes(1));
        BatchJob done = client.batches.get(job.name().orElseThrow(), null);
        assertEquals("JOB_STATE_SUCCEEDED", state(done));
        List<InlinedResponse> responses = done.dest().orElseThrow().inlinedResponses().orElseThrow();
        assertEquals(3, responses.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("a" + i, responses.get(i).metadata().orElseThrow().get("key"));
            String text = responses.get(i).response().orElseThrow().text();
            assertEquals(i == 1 ? "No" : "Yes", Json.parse(text).path("is_financial").asText());
        }
    }

    @Test
    void batchListPagesThroughEveryJobAsOperations() {
        String file = upload(client, Articles.jsonl(1), "in").name().orElseThrow();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(client.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null)
                    .name().orElseThrow());
            clock.advance(Duration.ofMillis(10));
        }
        Pager<BatchJob> pager = client.batches.list(ListBatchJobsConfig.builder().pageSize(2).build());
        assertEquals(2, pager.page().size());
        Set<String> listed = new HashSet<>();
        pager.forEach(j -> listed.add(j.name().orElseThrow()));
        assertEquals(created, listed);
    }

    @Test
    void cancelledJobEndsCancelled() {
        String file = upload(client, Articles.jsonl(2), "in").name().orElseThrow();
        String name = client.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null)
                .name().orElseThrow();
        client.batches.cancel(name, null);
        clock.advance(Duration.ofMinutes(5));
        BatchJob job = client.batches.get(name, null);
        assertEquals("JOB_STATE_CANCELLED", state(job));
        assertTrue(job.dest().isEmpty());
    }

    @Test
    void deletedJobIsGone() {
        String file = upload(client, Articles.jsonl(1), "in").name().orElseThrow();
        String name = client.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null)
                .name().orElseThrow();
        client.batches.delete(name, null);
        ClientException e = assertThrows(ClientException.class, () -> client.batches.get(name, null));
        assertEquals(404, e.code());
    }

    @Test
    void generateContentAnswersWithTheResponseSchemaAndUsage() {
        Schema schema = Schema.builder().type("OBJECT").properties(Map.of(
                "sentiment", Schema.builder().type("STRING").enum_("Positive", "Negative", "Neutral").build(),
                "companies", Schema.builder().type("ARRAY").items(Schema.builder().type("STRING").build()).build()))
                .required("sentiment", "companies").build();
        GenerateContentResponse r = client.models.generateContent(MODEL, Articles.FINANCIAL,
                GenerateContentConfig.builder().responseMimeType("application/json").responseSchema(schema).build());
        JsonNode answer = Json.parse(r.text());
        assertEquals("Positive", answer.path("sentiment").asText());
        assertTrue(answer.path("companies").toString().contains("Acme Holding A.Ş."), answer.toString());
        assertEquals(MODEL + "-emulator", r.modelVersion().orElseThrow());
        var usage = r.usageMetadata().orElseThrow();
        // the response schema counts toward the prompt, as its compact JSON text
        assertEquals(Tokens.of(Articles.FINANCIAL) + Tokens.of(Json.text(Json.parse(schema.toJson()))),
                (long) usage.promptTokenCount().orElseThrow());
        assertEquals(Tokens.of(r.text()), (long) usage.candidatesTokenCount().orElseThrow());
        assertEquals(1, emu.stats().generateContentCalls());
    }

    @Test
    void countTokensUsesTheSameCountAsUsageMetadata() {
        CountTokensResponse r = client.models.countTokens(MODEL, Articles.FINANCIAL, null);
        GenerateContentResponse g = client.models.generateContent(MODEL, Articles.FINANCIAL, null);
        assertEquals(g.usageMetadata().orElseThrow().promptTokenCount().orElseThrow(), r.totalTokens().orElseThrow());
    }

    @Test
    void v1betaClientIsServedLikeV1() {
        Client beta = Sdk.client(emu, "v1beta", "test-key");
        String name = upload(beta, Articles.jsonl(1), "b").name().orElseThrow();
        assertNotNull(client.files.get(name, null));
        BatchJob job = beta.batches.create(MODEL, BatchJobSource.builder().fileName(name).build(), null);
        assertEquals(job.name(), client.batches.get(job.name().orElseThrow(), null).name());
        assertFalse(beta.models.generateContent(MODEL, "Title: x\nContent: y.", null).text().isBlank());
        assertEquals(1, emu.stats().requests(Endpoint.BATCH_CREATE));
    }

    @Test
    void unknownModelIsNotFound() {
        ClientException e = assertThrows(ClientException.class,
                () -> client.models.generateContent("nonexistent-model", "hi", null));
        assertEquals(404, e.code());
    }
}
