package dev.newsbatch.emulator;

import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Real google-genai clients pointed at an emulator, with the SDK's own retries off (no status retried, one
 * attempt, so an I/O fault is not retried either), and raw HTTP for checks.
 */
final class Sdk {
    private static final HttpClient RAW = HttpClient.newHttpClient();

    private Sdk() {}

    /** The built-in catalogue's {@code default_model}: a live model whatever the catalogue's numbers are. */
    static String defaultModel() {
        return ModelCatalog.builtIn().defaultModel();
    }

    /** A live batch model of the built-in catalogue at {@code now} other than the default one. */
    static String otherBatchModel(java.time.Instant now) {
        return ModelCatalog.builtIn().liveModels(now).stream()
                .filter(m -> m.batch() && !m.id().equals(defaultModel())).findFirst().orElseThrow().id();
    }

    static Client client(GeminiEmulator emu) {
        return client(emu, null, "test-key");
    }

    static Client client(GeminiEmulator emu, String apiVersion, String apiKey) {
        HttpOptions.Builder http = HttpOptions.builder().baseUrl(emu.baseUrl())
                .retryOptions(HttpRetryOptions.builder().httpStatusCodes(List.of()).attempts(1).initialDelay(0.001)
                        .maxDelay(0.001).jitter(0.0).build());
        if (apiVersion != null) {
            http.apiVersion(apiVersion);
        }
        return Client.builder().apiKey(apiKey).vertexAI(false).httpOptions(http.build()).build();
    }

    /** A raw GET, for fields the SDK does not expose (batchStats) and for requests it cannot make. */
    static HttpResponse<String> get(GeminiEmulator emu, String path, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.baseUrl() + path)).GET();
        if (apiKey != null) {
            b.header("x-goog-api-key", apiKey);
        }
        try {
            return RAW.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
