package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.genai.Client;
import com.google.genai.types.BatchJob;
import com.google.genai.types.BatchJobSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State kept on disk: survives a restart, and is shared by emulators in one process or in two. */
class SharedStateTest {
    static final String MODEL = Sdk.defaultModel();

    @TempDir
    Path dir;

    EmulatorConfig config(TestClock clock) {
        return EmulatorConfig.defaults().stateDir(dir).clock(clock).startDelay(Duration.ofSeconds(1));
    }

    @Test
    void restartKeepsFilesJobsAndResults() throws Exception {
        TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
        String file;
        String job;
        try (GeminiEmulator first = GeminiEmulator.start(config(clock))) {
            Client client = Sdk.client(first);
            file = ContractTest.upload(client, Articles.jsonl(3), "in").name().orElseThrow();
            job = client.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null)
                    .name().orElseThrow();
        }
        clock.advance(Duration.ofMinutes(1));
        try (GeminiEmulator second = GeminiEmulator.start(config(clock))) {
            Client client = Sdk.client(second);
            assertNotNull(client.files.get(file, null));
            BatchJob done = client.batches.get(job, null);
            assertEquals("JOB_STATE_SUCCEEDED", done.state().orElseThrow().toString());
            Path local = dir.resolveSibling(dir.getFileName() + "-out.jsonl");
            client.files.download(done.dest().orElseThrow().fileName().orElseThrow(), local.toString(), null);
            assertEquals(3, Files.readAllLines(local).size());
            Files.delete(local);
        }
    }

    @Test
    void twoEmulatorsOnOneDirectorySeeEachOthersFilesAndJobs() {
        TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
        try (GeminiEmulator a = GeminiEmulator.start(config(clock));
             GeminiEmulator b = GeminiEmulator.start(config(clock))) {
            Client ca = Sdk.client(a);
            Client cb = Sdk.client(b);
            String file = ContractTest.upload(ca, Articles.jsonl(2), "in").name().orElseThrow();
            String job = cb.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null)
                    .name().orElseThrow();
            ca.batches.cancel(job, null);
            assertEquals("JOB_STATE_CANCELLED", cb.batches.get(job, null).state().orElseThrow().toString());
            Set<String> fromA = new HashSet<>();
            ca.batches.list(null).forEach(j -> fromA.add(j.name().orElseThrow()));
            assertEquals(Set.of(job), fromA);
        }
    }

    @Test
    void emulatorInAnotherProcessSharesTheStateDirectory() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName(), "--port", "0", "--state", dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertNotNull(line, "the child emulator printed nothing");
            Matcher m = Pattern.compile("Gemini emulator listening on (http://127\\.0\\.0\\.1:(\\d+)) \\(state: (.+)\\)")
                    .matcher(line);
            assertTrue(m.matches(), line);
            assertEquals(dir.toAbsolutePath().normalize().toString(), m.group(3));

            Client remote = com.google.genai.Client.builder().apiKey("k").vertexAI(false)
                    .httpOptions(com.google.genai.types.HttpOptions.builder().baseUrl(m.group(1)).build()).build();
            String file = ContractTest.upload(remote, Articles.jsonl(2), "in").name().orElseThrow();
            String job = remote.batches.create(MODEL, BatchJobSource.builder().fileName(file).build(), null)
                    .name().orElseThrow();

            // this process looks an hour later, so the child's job is finished without waiting
            TestClock later = new TestClock(Clock.systemUTC().instant().plus(Duration.ofHours(1)));
            try (GeminiEmulator local = GeminiEmulator.start(EmulatorConfig.defaults().stateDir(dir).clock(later))) {
                Client client = Sdk.client(local);
                BatchJob done = client.batches.get(job, null);
                assertEquals("JOB_STATE_SUCCEEDED", done.state().orElseThrow().toString());
                String results = done.dest().orElseThrow().fileName().orElseThrow();
                Path copy = dir.resolveSibling(dir.getFileName() + "-child.jsonl");
                client.files.download(results, copy.toString(), null);
                List<String> lines = Files.readAllLines(copy);
                assertEquals(2, lines.size());
                assertTrue(lines.get(0).startsWith("{\"key\":\"k0\""), lines.get(0));
                Files.delete(copy);
            }
            assertNotNull(remote.files.get(file, null));
        } finally {
            child.destroy();
            child.waitFor();
        }
    }
}
