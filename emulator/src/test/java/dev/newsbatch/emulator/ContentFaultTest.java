package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import com.google.genai.types.BatchJob;
import com.google.genai.types.BatchJobSource;
import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.InlinedRequest;
import com.google.genai.types.InlinedResponse;
import com.google.genai.types.Part;
import com.google.genai.types.UploadFileConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded content faults: blocked prompts, SAFETY and RECITATION finishes, the spend cap's 429. */
class ContentFaultTest {
    static final String MODEL = TestCatalog.BUDGET;

    @TempDir
    Path dir;
    TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
    GeminiEmulator emu;

    Client start(Faults faults) {
        emu = GeminiEmulator.start(EmulatorConfig.defaults().stateDir(dir.resolve("state")).clock(clock)
                .catalog(TestCatalog.write(dir)).faults(faults));
        return Sdk.client(emu);
    }

    @AfterEach
    void stop() {
        if (emu != null) {
            emu.close();
        }
    }

    @Test
    void aBlockedPromptHasNoCandidatesAndBillsThePromptOnly() {
        Client client = start(Faults.none().blockedPromptRate(1));
        GenerateContentResponse r = client.models.generateContent(MODEL, Articles.FINANCIAL, null);
        assertTrue(r.candidates().map(List::isEmpty).orElse(true));
        String reason = r.promptFeedback().orElseThrow().blockReason().orElseThrow().toString();
        assertTrue(reason.equals("SAFETY") || reason.equals("OTHER"), reason);
        var usage = r.usageMetadata().orElseThrow();
        assertEquals(Tokens.of(Articles.FINANCIAL), (long) usage.promptTokenCount().orElseThrow());
        assertEquals(usage.promptTokenCount(), usage.totalTokenCount());
        assertTrue(usage.candidatesTokenCount().isEmpty());
        assertTrue(usage.thoughtsTokenCount().isEmpty());
    }

    @Test
    void aSafetyFinishHasNoTextAndABlockedRating() {
        Client client = start(Faults.none().safetyFinishRate(1));
        Candidate c = client.models.generateContent(MODEL, Articles.FINANCIAL, null).candidates().orElseThrow().get(0);
        assertEquals("SAFETY", c.finishReason().orElseThrow().toString());
        assertTrue(c.content().flatMap(Content::parts).map(List::isEmpty).orElse(true));
        assertTrue(c.safetyRatings().orElseThrow().stream().anyMatch(s -> s.blocked().orElse(false)));
    }

    @Test
    void aRecitationFinishHasNoText() {
        Client client = start(Faults.none().recitationFinishRate(1));
        Candidate c = client.models.generateContent(MODEL, Articles.FINANCIAL, null).candidates().orElseThrow().get(0);
        assertEquals("RECITATION", c.finishReason().orElseThrow().toString());
        assertTrue(c.content().flatMap(Content::parts).map(List::isEmpty).orElse(true));
    }

    @Test
    void theSpendCapAnswers429WithRetryInfoBeforeAnyEffect() {
        Client client = start(Faults.none().spendLimitRate(1));
        ClientException e = assertThrows(ClientException.class,
                () -> client.models.generateContent(MODEL, Articles.FINANCIAL, null));
        assertEquals(429, e.code());
        assertEquals("RESOURCE_EXHAUSTED", e.status());
        assertTrue(e.message().contains("spend cap"), e.message());
        assertTrue(e.getMessage().contains("\"retryDelay\":\"600s\""), e.getMessage());   // 10:00:00: a new window
        assertTrue(e.getMessage().contains("type.googleapis.com/google.rpc.RetryInfo"), e.getMessage());
        assertEquals(0, emu.stats().generateContentCalls());
        assertEquals(0, emu.stats().rateLimited(), "not a rate-limit quota");
    }

    @Test
    void whichRequestsMeetAFaultDependsOnTheRequestAndTheSeedOnly() {
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            prompts.add("Title: Item " + i + "\nContent: Acme Corp results, part " + i + ".");
        }
        Client client = start(Faults.none().blockedPromptRate(0.5));
        List<Boolean> first = blocked(client, prompts);
        List<Boolean> again = blocked(client, prompts);
        assertEquals(first, again, "the same request meets the same fault");
        assertTrue(first.contains(true) && first.contains(false), first.toString());
        emu.faults(Faults.none().blockedPromptRate(0.5).seed(7));
        assertNotEquals(first, blocked(client, prompts), "another seed, other requests");
    }

    private static List<Boolean> blocked(Client client, List<String> prompts) {
        List<Boolean> out = new ArrayList<>();
        for (String p : prompts) {
            out.add(client.models.generateContent(MODEL, p, null).promptFeedback()
                    .flatMap(f -> f.blockReason()).isPresent());
        }
        return out;
    }

    @Test
    void inlinedBatchLinesCarryTheFaultsAsResponsesOrErrors() {
        Client client = start(Faults.none().spendLimitRate(0.5).blockedPromptRate(1));
        List<InlinedRequest> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(InlinedRequest.builder().contents(Content.fromParts(Part.fromText("Article number " + i)))
                    .build());
        }
        BatchJob job = client.batches.create(MODEL, BatchJobSource.builder().inlinedRequests(requests).build(), null);
        clock.advance(Duration.ofMinutes(5));
        List<InlinedResponse> out = client.batches.get(job.name().orElseThrow(), null).dest().orElseThrow()
                .inlinedResponses().orElseThrow();
        int capped = 0;
        for (InlinedResponse r : out) {
            if (r.error().isPresent()) {
                assertEquals(8, (int) r.error().get().code().orElseThrow());
                assertTrue(r.error().get().message().orElseThrow().contains("spend cap"));
                capped++;
            } else {
                GenerateContentResponse g = r.response().orElseThrow();
                assertTrue(g.promptFeedback().orElseThrow().blockReason().isPresent());
                assertTrue(g.candidates().map(List::isEmpty).orElse(true));
            }
        }
        assertTrue(capped > 0 && capped < 20, "capped " + capped);
        JsonNode stats = Json.parse(Sdk.get(emu, "/v1beta/" + job.name().orElseThrow(), "k").body())
                .path("metadata").path("batchStats");
        assertEquals(String.valueOf(capped), stats.path("failedRequestCount").asText());
    }

    @Test
    void fileBatchLinesCarryABlockedPromptAsAResponseAndASafetyFinish() throws Exception {
        Client client = start(Faults.none().safetyFinishRate(1));
        byte[] lines = ("{\"key\":\"a\",\"request\":{\"contents\":[{\"parts\":[{\"text\":\"one\"}]}]}}\n"
                + "{\"key\":\"b\",\"request\":{\"contents\":[{\"parts\":[{\"text\":\"two\"}]}]}}\n")
                .getBytes(StandardCharsets.UTF_8);
        String file = client.files.upload(lines, UploadFileConfig.builder().mimeType("application/jsonl").build())
                .name().orElseThrow();
        BatchJob job = client.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null);
        clock.advance(Duration.ofMinutes(5));
        String results = client.batches.get(job.name().orElseThrow(), null).dest().orElseThrow().fileName()
                .orElseThrow();
        Path local = dir.resolve("out.jsonl");
        client.files.download(results, local.toString(), null);
        List<String> out = Files.readAllLines(local);
        assertEquals(2, out.size());
        for (String line : out) {
            JsonNode n = Json.parse(line);
            assertFalse(n.has("error"), line);
            assertEquals("SAFETY", n.path("response").path("candidates").path(0).path("finishReason").asText(), line);
        }
    }

    @Test
    void theFlagsSetTheContentFaults() {
        Faults f = EmulatorMain.parse(new String[] {"--seed", "5", "--blocked-prompt-rate", "0.1",
                "--safety-finish-rate", "0.2", "--recitation-finish-rate", "0.3", "--spend-limit-rate", "0.4",
                "--catalog", "/tmp/models.json"}).faults();
        assertEquals(0.1, f.blockedPromptRate());
        assertEquals(0.2, f.safetyFinishRate());
        assertEquals(0.3, f.recitationFinishRate());
        assertEquals(0.4, f.spendLimitRate());
        assertEquals(5, f.seed());
        assertFalse(f.isNone());
        assertTrue(f.toString().contains("spendLimitRate=0.4"), f.toString());
        assertEquals(Path.of("/tmp/models.json"), EmulatorMain.parse(new String[] {"--catalog", "/tmp/models.json"})
                .catalog());
        assertThrows(IllegalArgumentException.class, () -> Faults.none().spendLimitRate(1.5));
    }
}
