package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import com.google.genai.types.BatchJobSource;
import com.google.genai.types.Content;
import com.google.genai.types.InlinedRequest;
import com.google.genai.types.Part;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared-capacity time model: one project-wide processor at {@code tokensPerSecond} takes jobs in creation
 * order. Every job here has 4 requests of 15 tokens (60 tokens); at 10 tokens/s with a 1 s start delay a job
 * alone is pending for 1 s and running for 6 s, one request every 1.5 s.
 */
class SharedThroughputTest {
    static final String MODEL = Sdk.defaultModel();

    @TempDir
    Path dir;
    TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
    List<GeminiEmulator> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(GeminiEmulator::close);
    }

    GeminiEmulator start(EmulatorConfig config) {
        GeminiEmulator emu = GeminiEmulator.start(config);
        started.add(emu);
        return emu;
    }

    EmulatorConfig config() {
        return EmulatorConfig.defaults().stateDir(dir).clock(clock).tokensPerSecond(10)
                .startDelay(Duration.ofSeconds(1)).quota(Quota.of("tier3", MODEL));
    }

    @Test
    void twoJobsCreatedTogetherFinishOneAfterTheOther() {
        GeminiEmulator emu = start(config());
        Client client = Sdk.client(emu);
        String a = create(client);
        String b = create(client);
        clock.advance(Duration.ofSeconds(4));   // a: 3 s into its 6 s; b waits
        assertEquals("BATCH_STATE_RUNNING", state(emu, a));
        assertEquals(2, count(emu, a, "successfulRequestCount"));
        assertEquals("BATCH_STATE_PENDING", state(emu, b));
        assertEquals(4, count(emu, b, "pendingRequestCount"));
        clock.advance(Duration.ofSeconds(3));   // 7 s: a ends, b starts
        assertEquals("BATCH_STATE_SUCCEEDED", state(emu, a));
        assertEquals("2026-03-01T10:00:07Z", metadata(emu, a).path("endTime").asText());
        assertEquals("BATCH_STATE_RUNNING", state(emu, b));
        assertEquals(0, count(emu, b, "successfulRequestCount"));
        clock.advance(Duration.ofMillis(5_999));
        assertEquals("BATCH_STATE_RUNNING", state(emu, b));
        assertEquals(3, count(emu, b, "successfulRequestCount"));
        clock.advance(Duration.ofMillis(1));    // 13 s
        assertEquals("BATCH_STATE_SUCCEEDED", state(emu, b));
        assertEquals("2026-03-01T10:00:13Z", metadata(emu, b).path("endTime").asText());
    }

    @Test
    void jobsWithoutSharedThroughputFinishTogether() {
        GeminiEmulator emu = start(config().sharedThroughput(false));
        Client client = Sdk.client(emu);
        String a = create(client);
        String b = create(client);
        clock.advance(Duration.ofSeconds(7));
        assertEquals("BATCH_STATE_SUCCEEDED", state(emu, a));
        assertEquals("BATCH_STATE_SUCCEEDED", state(emu, b));
    }

    @Test
    void jobCreatedAfterAnIdleGapStartsAtItsOwnCreation() {
        GeminiEmulator emu = start(config());
        Client client = Sdk.client(emu);
        String a = create(client);
        clock.advance(Duration.ofSeconds(60));
        String b = create(client);
        assertEquals("BATCH_STATE_SUCCEEDED", state(emu, a));
        assertEquals("BATCH_STATE_PENDING", state(emu, b));
        clock.advance(Duration.ofSeconds(4));   // b: 1 s delay, then 3 s of its 6 s
        assertEquals("BATCH_STATE_RUNNING", state(emu, b));
        assertEquals(2, count(emu, b, "successfulRequestCount"));
        clock.advance(Duration.ofSeconds(3));
        assertEquals("BATCH_STATE_SUCCEEDED", state(emu, b));
        assertEquals("2026-03-01T10:01:07Z", metadata(emu, b).path("endTime").asText());
    }

    @Test
    void cancelFreesTheProcessor() {
        GeminiEmulator emu = start(config());
        Client client = Sdk.client(emu);
        String a = create(client);
        String b = create(client);
        String c = create(client);
        clock.advance(Duration.ofSeconds(3));   // a runs since 1 s; b and c wait
        client.batches.cancel(a, null);         // b starts now, at 3 s, and would end at 9 s
        client.batches.cancel(c, null);         // c never starts, so it holds nothing
        String d = create(client);              // d: after b, 9 s to 15 s
        assertEquals("BATCH_STATE_CANCELLED", state(emu, a));
        assertEquals(1, count(emu, a, "successfulRequestCount"));
        assertEquals("BATCH_STATE_RUNNING", state(emu, b));
        assertEquals("BATCH_STATE_CANCELLED", state(emu, c));
        assertEquals(0, count(emu, c, "successfulRequestCount"));
        clock.advance(Duration.ofSeconds(6));
        assertEquals("BATCH_STATE_SUCCEEDED", state(emu, b));
        assertEquals("2026-03-01T10:00:09Z", metadata(emu, b).path("endTime").asText());
        assertEquals("BATCH_STATE_RUNNING", state(emu, d));
        clock.advance(Duration.ofSeconds(6));
        assertEquals("BATCH_STATE_SUCCEEDED", state(emu, d));
        assertEquals("2026-03-01T10:00:15Z", metadata(emu, d).path("endTime").asText());
    }

    @Test
    void queueSurvivesARestartAndNewJobsJoinItsEnd() {
        String a;
        String b;
        try (GeminiEmulator first = GeminiEmulator.start(config())) {
            Client client = Sdk.client(first);
            a = create(client);
            b = create(client);
        }
        clock.advance(Duration.ofSeconds(8));
        GeminiEmulator second = start(config());
        Client client = Sdk.client(second);
        assertEquals("BATCH_STATE_SUCCEEDED", state(second, a));
        assertEquals("BATCH_STATE_RUNNING", state(second, b));
        String c = create(client);              // after b: 13 s to 19 s
        clock.advance(Duration.ofSeconds(5));
        assertEquals("BATCH_STATE_SUCCEEDED", state(second, b));
        assertEquals("BATCH_STATE_RUNNING", state(second, c));
        clock.advance(Duration.ofSeconds(6));
        assertEquals("2026-03-01T10:00:19Z", metadata(second, c).path("endTime").asText());
    }

    @Test
    void twoEmulatorsOnOneDirectoryShareOneProcessor() {
        GeminiEmulator one = start(config());
        GeminiEmulator two = start(config());
        String a = create(Sdk.client(one));
        String b = create(Sdk.client(two));
        clock.advance(Duration.ofSeconds(7));
        assertEquals("BATCH_STATE_SUCCEEDED", state(two, a));
        assertEquals("BATCH_STATE_RUNNING", state(one, b));
    }

    @Test
    void enqueuedTokensCountJobsWaitingForTheProcessor() {
        GeminiEmulator emu = start(config().quota(Quota.of("tier3", MODEL).enqueuedBatchTokens(130)));
        Client client = Sdk.client(emu);
        create(client);
        create(client);
        clock.advance(Duration.ofSeconds(8));   // a done; b runs until 13 s and still holds 60 tokens
        create(client);
        ClientException e = assertThrows(ClientException.class, () -> create(client));
        assertEquals(429, e.code());
        assertTrue(e.getMessage().contains("batch_enqueued_tokens"), e.getMessage());
        clock.advance(Duration.ofSeconds(5));
        create(client);
        assertEquals(4, emu.stats().batchesCreated());
    }

    @Test
    void deletingAFinishedJobLeavesTheJobsAfterItWhereTheyWere() {
        GeminiEmulator emu = start(config());
        Client client = Sdk.client(emu);
        String a = create(client);
        String b = create(client);
        clock.advance(Duration.ofSeconds(8));
        client.batches.delete(a, null);
        assertEquals(404, Sdk.get(emu, "/v1beta/" + a, "k").statusCode());
        assertEquals("BATCH_STATE_RUNNING", state(emu, b));
        assertEquals(0, Json.parse(Sdk.get(emu, "/v1beta/batches", "k").body()).path("operations").path(1).size());
    }

    private static String create(Client client) {
        List<InlinedRequest> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(InlinedRequest.builder().contents(Content.fromParts(Part.fromText("w".repeat(60))))
                    .metadata(Map.of("key", "r" + i)).build());
        }
        return client.batches.create(MODEL, BatchJobSource.builder().inlinedRequests(requests).build(), null)
                .name().orElseThrow();
    }

    private static JsonNode metadata(GeminiEmulator emu, String name) {
        var response = Sdk.get(emu, "/v1beta/" + name, "k");
        assertEquals(200, response.statusCode(), response.body());
        return Json.parse(response.body()).path("metadata");
    }

    private static String state(GeminiEmulator emu, String name) {
        return metadata(emu, name).path("state").asText();
    }

    private static long count(GeminiEmulator emu, String name, String field) {
        return metadata(emu, name).path("batchStats").path(field).asLong(0);
    }
}
