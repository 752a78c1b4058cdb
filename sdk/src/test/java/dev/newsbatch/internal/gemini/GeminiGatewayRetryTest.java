package dev.newsbatch.internal.gemini;

import dev.newsbatch.GeminiException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.Endpoint;
import dev.newsbatch.emulator.Faults;
import dev.newsbatch.emulator.GeminiEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeminiGatewayRetryTest {
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    GeminiEmulator emulator;
    GeminiConnection connection;

    @BeforeEach
    void start() {
        emulator = GeminiEmulator.start(EmulatorConfig.defaults());
        connection = GeminiConnection.to(emulator.baseUrl(), "k", GeminiGateway.READS.sleeper(waits::add));
    }

    @AfterEach
    void stop() {
        connection.close();
        emulator.close();
    }

    /** Lists batches while the emulator answers every list with {@code status}, which fails the call. */
    void listingFailsWith(int status) {
        emulator.faults(Faults.none().errorRate(Endpoint.BATCH_LIST, 1.0, status));
        GeminiException e = assertThrows(GeminiException.class, () -> connection.gateway().listBatches(5));
        assertEquals(status, e.status());
    }

    @Test
    void aReadFailingWith503IsTriedFiveTimesWithGrowingBackoff() {
        listingFailsWith(503);

        assertEquals(5, emulator.stats().requests(Endpoint.BATCH_LIST));
        assertEquals(4, waits.size(), waits.toString());
        for (int k = 0; k < 4; k++) {
            long base = 200L << k;
            long ms = waits.get(k).toMillis();
            assertTrue(ms >= base / 2 && ms <= base * 3 / 2, "wait " + k + " was " + ms + " ms");
        }
    }

    @Test
    void aReadFailingWith400IsNotRetried() {
        listingFailsWith(400);

        assertEquals(1, emulator.stats().requests(Endpoint.BATCH_LIST));
        assertTrue(waits.isEmpty(), waits.toString());
    }

    /** A small request file uploaded through the gateway; returns its resource name. */
    String uploaded(Path dir, String id) throws Exception {
        Path f = dir.resolve(id + ".jsonl");
        Files.writeString(f, "{\"key\":\"k1\",\"request\":{\"contents\":[{\"parts\":[{\"text\":\"Markets fell.\"}]}]}}\n");
        return connection.gateway().upload(f, id, id);
    }

    @Test
    void aCreateFailingWith503IsSentAgainOnlyAfterTheJobListShowsNoSuchJob(@TempDir Path dir) throws Exception {
        String file = uploaded(dir, "in-1");
        emulator.faults(Faults.none().errorRate(Endpoint.BATCH_CREATE, 1.0, 503));

        GeminiException e = assertThrows(GeminiException.class,
                () -> connection.gateway().createBatch("gemini-3.1-flash-lite", file, "run1-b0-a1"));

        assertEquals(503, e.status());
        assertEquals("batches.create", e.operation());
        assertEquals(5, emulator.stats().requests(Endpoint.BATCH_CREATE));
        assertEquals(5, emulator.stats().requests(Endpoint.BATCH_LIST), "one lookup after every unanswered create");
        assertEquals(4, waits.size(), waits.toString());
    }

    @Test
    void aCreateRefusedWith400IsNeitherLookedUpNorRetried() {
        GeminiException e = assertThrows(GeminiException.class,
                () -> connection.gateway().createBatch("gemini-3.1-flash-lite", "files/none", "run1-b0-a1"));

        assertEquals(400, e.status());
        assertEquals(1, emulator.stats().requests(Endpoint.BATCH_CREATE));
        assertEquals(0, emulator.stats().requests(Endpoint.BATCH_LIST));
        assertTrue(waits.isEmpty(), waits.toString());
    }

    @Test
    void anUnansweredCreateWhoseJobExistsOnALaterPageIsAdoptedNotCreatedAgain(@TempDir Path dir) throws Exception {
        try (GeminiConnection paged = GeminiConnection.to(emulator.baseUrl(), "k",
                GeminiGateway.READS.sleeper(waits::add), 2)) {
            GeminiGateway g = paged.gateway();
            String file = uploaded(dir, "in-2");
            BatchJobInfo oldest = g.createBatch("gemini-3.1-flash-lite", file, "run1-c0-a1");
            for (int i = 1; i <= 6; i++) {
                g.createBatch("gemini-3.1-flash-lite", file, "other-" + i);
            }
            emulator.faults(Faults.none().failNext(Endpoint.BATCH_CREATE, 1, 503));

            BatchJobInfo adopted = g.createBatch("gemini-3.1-flash-lite", file, "run1-c0-a1");

            assertEquals(oldest.name(), adopted.name());
            assertEquals(7, emulator.stats().batchesCreated(), "no second job under the same display name");
            assertEquals(4, emulator.stats().requests(Endpoint.BATCH_LIST), "7 jobs, 2 a page: the pager read 4 pages");
            assertEquals(Optional.empty(), g.findByDisplayName("never-created"));
            assertEquals(7, g.listBatches(1000).size());
        }
    }

    @Test
    void anUploadMeetingA503IsRetriedAndStoredOnce(@TempDir Path dir) throws Exception {
        emulator.faults(Faults.none().failNext(Endpoint.UPLOAD_START, 1, 503));

        assertEquals("files/in-3", uploaded(dir, "in-3"));

        assertEquals(1, emulator.stats().filesUploaded());
        assertEquals(1, waits.size(), waits.toString());
    }

    @Test
    void aFileMatchesItsUploadByHashAndNotAnotherWithTheSameSize(@TempDir Path dir) throws Exception {
        String name = uploaded(dir, "in-4");
        GeminiGateway.RemoteFile remote = connection.gateway().file(name).orElseThrow();
        Path same = dir.resolve("in-4.jsonl");
        Path other = dir.resolve("other.jsonl");
        Files.writeString(other, Files.readString(same).replace("fell", "rose"));

        assertEquals(Files.size(same), remote.sizeBytes());
        assertEquals(Files.size(same), Files.size(other));
        assertTrue(remote.sameContentAs(same));
        assertFalse(remote.sameContentAs(other));
        assertEquals(Optional.empty(), connection.gateway().file("files/missing"));
    }

    @Test
    void readsWaitTheRetryDelayGeminiAsksFor() {
        AtomicInteger calls = new AtomicInteger();
        String answer = GeminiGateway.READS.sleeper(waits::add).<String>decorate(() -> {
            if (calls.incrementAndGet() <= 2) {
                throw GeminiException.of(429, "files.get", null, Duration.ofSeconds(7), "RESOURCE_EXHAUSTED", null);
            }
            return "ok";
        }, GeminiGateway.RETRYABLE).get();

        assertEquals("ok", answer);
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(7)), waits);
    }

    @Test
    void readsTheRetryDelayFromGooglesErrorBody() {
        assertEquals(Duration.ofMillis(1500), GeminiGateway.retryDelay(
                "{\"@type\": \"type.googleapis.com/google.rpc.RetryInfo\", \"retryDelay\": \"1.5s\"}"));
    }
}
