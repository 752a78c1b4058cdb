package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.ClientException;
import com.google.genai.types.BatchJobSource;
import com.google.genai.types.Content;
import com.google.genai.types.InlinedRequest;
import com.google.genai.types.Part;
import com.google.genai.types.UploadFileConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each quota kind refuses as Google does: 429 RESOURCE_EXHAUSTED with QuotaFailure and RetryInfo. */
class QuotaTest {
    static final String MODEL = Sdk.defaultModel();

    @TempDir
    Path dir;
    TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
    GeminiEmulator emu;

    @AfterEach
    void stop() {
        if (emu != null) {
            emu.close();
        }
    }

    Client start(Quota quota) {
        emu = GeminiEmulator.start(EmulatorConfig.defaults().stateDir(dir).clock(clock).quota(quota)
                .tokensPerSecond(10).startDelay(Duration.ZERO));
        return Sdk.client(emu);
    }

    static Quota generous() {
        return Quota.of("tier3", MODEL);
    }

    @Test
    void publishedTablesGiveTierLimitsPerModel() {
        assertEquals(3_000_000, Quota.of("tier1", "models/gemini-2.5-flash").enqueuedBatchTokens());
        assertEquals(10_000_000, Quota.of("tier1", "gemini-2.5-flash-lite").enqueuedBatchTokens());
        assertEquals(10, Quota.of("free", "gemini-2.5-flash").requestsPerMinute());
        assertEquals(Long.MAX_VALUE, Quota.of("tier3", "gemini-2.5-flash").requestsPerDay());
        assertEquals(100, Quota.of("tier2", "gemini-9-unknown").concurrentBatchJobs());
        assertEquals(2_000_000_000L, Quota.of("tier1", MODEL).maxFileBytes());
        assertEquals(20L * 1024 * 1024, Quota.of("tier1", MODEL).maxInlineRequestBytes());
    }

    @Test
    void requestsPerMinuteRefuseWithGoogleBodyAndRecoverAfterAMinute() {
        Client client = start(generous().requestsPerMinute(2));
        client.models.generateContent(MODEL, "one", null);
        client.models.generateContent(MODEL, "two", null);
        ClientException e = assertThrows(ClientException.class, () -> client.models.generateContent(MODEL, "3", null));
        assertEquals(429, e.code());
        assertEquals("RESOURCE_EXHAUSTED", e.status());
        assertTrue(e.getMessage().contains("GenerateRequestsPerMinutePerProjectPerModel"), e.getMessage());
        assertTrue(e.getMessage().contains("type.googleapis.com/google.rpc.RetryInfo"), e.getMessage());
        assertEquals(1, emu.stats().rateLimited());
        clock.advance(Duration.ofSeconds(61));
        client.models.generateContent(MODEL, "four", null);
    }

    @Test
    void tokensPerMinuteCountPromptTokens() {
        Client client = start(generous().tokensPerMinute(30));
        client.models.generateContent(MODEL, "x".repeat(100), null);   // 25 tokens
        ClientException e = assertThrows(ClientException.class,
                () -> client.models.generateContent(MODEL, "x".repeat(40), null));   // +10 > 30
        assertEquals(429, e.code());
        assertTrue(e.getMessage().contains("InputTokensPerModelPerMinute"), e.getMessage());
    }

    @Test
    void requestsPerDayResetAtPacificMidnight() {
        Client client = start(generous().requestsPerDay(1));
        client.models.generateContent(MODEL, "one", null);
        ClientException e = assertThrows(ClientException.class, () -> client.models.generateContent(MODEL, "2", null));
        assertTrue(e.getMessage().contains("GenerateRequestsPerDayPerProjectPerModel"), e.getMessage());
        clock.advance(Duration.ofHours(24));
        client.models.generateContent(MODEL, "three", null);
    }

    @Test
    void enqueuedBatchTokensCountJobsStillPendingOrRunning() {
        Client client = start(generous().enqueuedBatchTokens(100));
        BatchJobSource sixty = inline("y".repeat(240));   // 60 tokens
        client.batches.create(MODEL, sixty, null);
        ClientException e = assertThrows(ClientException.class, () -> client.batches.create(MODEL, sixty, null));
        assertEquals(429, e.code());
        assertTrue(e.getMessage().contains("batch_enqueued_tokens"), e.getMessage());
        assertEquals(1, emu.stats().batchesCreated());
        clock.advance(Duration.ofSeconds(7));   // 60 tokens at 10 tokens/s: done after 6 s
        client.batches.create(MODEL, sixty, null);
        assertEquals(2, emu.stats().batchesCreated());
    }

    @Test
    void concurrentBatchJobsAreLimited() {
        Client client = start(generous().concurrentBatchJobs(1));
        client.batches.create(MODEL, inline("short"), null);
        ClientException e = assertThrows(ClientException.class,
                () -> client.batches.create(Sdk.otherBatchModel(clock.instant()), inline("other model"), null));
        assertEquals(429, e.code());
        assertTrue(e.getMessage().contains("BatchConcurrentRequestsPerProject"), e.getMessage());
    }

    @Test
    void inlineRequestSizeAboveTheLimitIsRefusedBeforeAnythingIsCreated() {
        Client client = start(generous().maxInlineRequestBytes(2_000));
        ApiException e = assertThrows(ApiException.class,
                () -> client.batches.create(MODEL, inline("z".repeat(5_000)), null));
        assertEquals(400, e.code());
        assertTrue(e.getMessage().contains("Request payload size exceeds the limit: 2000 bytes"), e.getMessage());
        assertEquals(0, emu.stats().batchesCreated());
    }

    @Test
    void fileAboveTheSizeLimitIsRefused() {
        Client client = start(generous().maxFileBytes(1_000));
        ApiException e = assertThrows(ApiException.class, () -> client.files.upload(new byte[2_000],
                UploadFileConfig.builder().mimeType("application/jsonl").build()));
        assertEquals(400, e.code());
        assertEquals(0, emu.stats().filesUploaded());
    }

    @Test
    void rateLimitBodyCarriesQuotaFailureRetryInfoAndHelp() throws Exception {
        start(generous().requestsPerMinute(1));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest post = HttpRequest.newBuilder(URI.create(emu.baseUrl() + "/v1beta/models/" + MODEL
                        + ":generateContent")).header("x-goog-api-key", "k")
                .POST(HttpRequest.BodyPublishers.ofString("{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}")).build();
        assertEquals(200, http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> refused = http.send(post, HttpResponse.BodyHandlers.ofString());
        assertEquals(429, refused.statusCode());
        JsonNode error = Json.parse(refused.body()).path("error");
        assertEquals(429, error.path("code").asInt());
        assertEquals("RESOURCE_EXHAUSTED", error.path("status").asText());
        JsonNode details = error.path("details");
        assertEquals("type.googleapis.com/google.rpc.QuotaFailure", details.path(0).path("@type").asText());
        assertEquals(MODEL, details.path(0).path("violations").path(0).path("quotaDimensions").path("model").asText());
        assertEquals("1", details.path(0).path("violations").path(0).path("quotaValue").asText());
        assertEquals("type.googleapis.com/google.rpc.Help", details.path(1).path("@type").asText());
        assertTrue(details.path(2).path("retryDelay").asText().matches("\\d+s"));
    }

    private static BatchJobSource inline(String text) {
        return BatchJobSource.builder().inlinedRequests(InlinedRequest.builder()
                .contents(Content.fromParts(Part.fromText(text))).metadata(Map.of("key", "a")).build()).build();
    }
}
