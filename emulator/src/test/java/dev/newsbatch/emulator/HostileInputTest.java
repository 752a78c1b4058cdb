package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.types.BatchJob;
import com.google.genai.types.BatchJobSource;
import com.google.genai.types.ListBatchJobsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request text no real article should hold (a lone UTF-16 surrogate, a NUL), sent through the real client:
 * the job still finishes, the lines that cannot be answered become error lines, and every call on the
 * emulator keeps working afterwards.
 */
class HostileInputTest {
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

    static String line(String key, String escapedText) {
        return "{\"key\":\"" + key + "\",\"request\":{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\""
                + escapedText + "\"}]}]}}\n";
    }

    List<BatchJob> listAll() {
        List<BatchJob> jobs = new ArrayList<>();
        for (BatchJob j : client.batches.list(ListBatchJobsConfig.builder().pageSize(10).build())) {
            jobs.add(j);
        }
        return jobs;
    }

    @Test
    void loneSurrogatesAndNulsBecomeErrorLinesAndTheJobListStaysReadable() throws Exception {
        String jsonl = line("ok-1", "Markets rallied today after the central bank held rates.")
                + line("surrogate", "Title \\ud800 then text")
                + line("low-surrogate", "text \\udc00")
                + line("nul", "a \\u0000 b")
                + line("ok-2", "The local team won its match.");
        String file = ContractTest.upload(client, jsonl.getBytes(StandardCharsets.UTF_8), "hostile").name()
                .orElseThrow();
        String name = client.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null)
                .name().orElseThrow();
        clock.advance(Duration.ofMinutes(10));

        List<BatchJob> first = listAll();
        List<BatchJob> again = listAll();

        assertEquals(1, first.size());
        assertEquals("JOB_STATE_SUCCEEDED", first.get(0).state().orElseThrow().toString());
        assertEquals(1, again.size());
        BatchJob job = client.batches.get(name, null);
        Path local = dir.resolve("out.jsonl");
        client.files.download(job.dest().orElseThrow().fileName().orElseThrow(), local.toString(), null);
        List<String> lines = Files.readAllLines(local, StandardCharsets.UTF_8);
        assertEquals(5, lines.size(), lines.toString());
        for (String text : lines) {
            JsonNode node = Json.parse(text);
            String key = node.path("key").asText();
            boolean ok = key.startsWith("ok-");
            assertEquals(ok, node.has("response"), text);
            if (!ok) {
                assertEquals(3, node.path("error").path("code").asInt(), text);
                assertEquals("INVALID_ARGUMENT", node.path("error").path("status").asText(), text);
            }
        }
    }
}
