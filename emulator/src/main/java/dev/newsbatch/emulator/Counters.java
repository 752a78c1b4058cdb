package dev.newsbatch.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** The live counters behind {@link EmulatorStats}. */
final class Counters {
    private final AtomicLongArray requests = new AtomicLongArray(Endpoint.values().length);
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong faultsInjected = new AtomicLong();
    final AtomicLong batchesCreated = new AtomicLong();
    final AtomicLong filesUploaded = new AtomicLong();
    final AtomicLong generateContentCalls = new AtomicLong();
    final AtomicLong countTokensCalls = new AtomicLong();
    final AtomicLong bytesUploaded = new AtomicLong();
    final AtomicLong bytesDownloaded = new AtomicLong();

    void request(Endpoint e) {
        requests.incrementAndGet(e.ordinal());
    }

    EmulatorStats snapshot() {
        Map<String, Long> byName = new HashMap<>();
        for (Endpoint e : Endpoint.values()) {
            long n = requests.get(e.ordinal());
            if (n > 0) {
                byName.put(e.wireName(), n);
            }
        }
        return new EmulatorStats(byName, rateLimited.get(), faultsInjected.get(), batchesCreated.get(),
                filesUploaded.get(), generateContentCalls.get(), countTokensCalls.get(), bytesUploaded.get(),
                bytesDownloaded.get());
    }
}
