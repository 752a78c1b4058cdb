package dev.newsbatch.emulator;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of one running {@link GeminiEmulator} since it started (this process only).
 *
 * <pre>{@code
 * EmulatorStats s = emu.stats();
 * long calls = s.requests(Endpoint.GENERATE_CONTENT);
 * long refused = s.rateLimited();
 * }</pre>
 *
 * @param requests             requests received per endpoint wire name (see {@link Endpoint#wireName()})
 * @param rateLimited          429 RESOURCE_EXHAUSTED replies sent because a quota was exceeded
 * @param faultsInjected       requests answered with an injected error or dropped connection
 * @param batchesCreated       batch jobs created
 * @param filesUploaded        uploads finalized
 * @param generateContentCalls generateContent calls answered with a response
 * @param countTokensCalls     countTokens calls answered
 * @param bytesUploaded        bytes received in upload chunks
 * @param bytesDownloaded      bytes sent by downloads
 */
public record EmulatorStats(Map<String, Long> requests, long rateLimited, long faultsInjected, long batchesCreated,
                            long filesUploaded, long generateContentCalls, long countTokensCalls, long bytesUploaded,
                            long bytesDownloaded) {

    /** Copies the map. */
    public EmulatorStats {
        requests = Map.copyOf(requests);
    }

    /** Requests received for {@code endpoint}. */
    public long requests(Endpoint endpoint) {
        return requests.getOrDefault(endpoint.wireName(), 0L);
    }

    /** All requests received. */
    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return "EmulatorStats[requests=" + new TreeMap<>(requests) + ", rateLimited=" + rateLimited
                + ", faultsInjected=" + faultsInjected + ", batchesCreated=" + batchesCreated + ", filesUploaded="
                + filesUploaded + ", generateContentCalls=" + generateContentCalls + ", countTokensCalls="
                + countTokensCalls + ", bytesUploaded=" + bytesUploaded + ", bytesDownloaded=" + bytesDownloaded + "]";
    }
}
