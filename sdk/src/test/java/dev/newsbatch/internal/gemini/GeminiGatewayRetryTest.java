package dev.newsbatch.internal.gemini;

import dev.newsbatch.GeminiException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.Endpoint;
import dev.newsbatch.emulator.Faults;
import dev.newsbatch.emulator.GeminiEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    @Test
    void creatingABatchIsNotRetriedEvenAfterA503() {
        emulator.faults(Faults.none().errorRate(Endpoint.BATCH_CREATE, 1.0, 503));

        GeminiException e = assertThrows(GeminiException.class,
                () -> connection.gateway().createBatch("gemini-2.5-flash", "files/none", "run1-b0-a1"));

        assertEquals(503, e.status());
        assertEquals(1, emulator.stats().requests(Endpoint.BATCH_CREATE));
        assertTrue(waits.isEmpty(), waits.toString());
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
