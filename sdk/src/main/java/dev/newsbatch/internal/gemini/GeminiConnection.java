package dev.newsbatch.internal.gemini;

import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import dev.newsbatch.GeminiEndpoint;
import dev.newsbatch.internal.Checks;
import dev.newsbatch.internal.retry.RetryPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where Gemini calls go, decided once from the environment: {@code GOOGLE_API_KEY} or
 * {@code GEMINI_API_KEY} set → the real Gemini API; {@code GOOGLE_GEMINI_BASE_URL} set → that
 * endpoint; neither → the embedded emulator, keeping its state in {@code <batchDir>/emulator}.
 * Where environment variables cannot be set (JShell, a notebook kernel, a test), the system property
 * {@value #BASE_URL_PROPERTY} names the endpoint instead, and wins over the variable.
 *
 * <pre>{@code
 * try (GeminiConnection c = GeminiConnection.open(Path.of("batch_jobs"))) {
 *     c.gateway().listBatches(10);
 * }
 * }</pre>
 */
public final class GeminiConnection implements AutoCloseable {

    /** The kinds of endpoint. */
    /** The API version used for every call; Google documents batches and files on v1beta. */
    public static final String API_VERSION = "v1beta";
    private static final String EMULATOR_KEY = "newsbatch-emulator";
    /** The system property that names an endpoint like {@code GOOGLE_GEMINI_BASE_URL} does. */
    public static final String BASE_URL_PROPERTY = "newsbatch.gemini.baseUrl";

    private final GeminiEndpoint kind;
    private final String baseUrl;
    private final Client client;
    private final GeminiGateway gateway;

    private GeminiConnection(GeminiEndpoint kind, String baseUrl, String apiKey) {
        this(kind, baseUrl, apiKey, GeminiGateway.READS, GeminiGateway.LIST_PAGE_SIZE);
    }

    private GeminiConnection(GeminiEndpoint kind, String baseUrl, String apiKey, RetryPolicy reads,
                             int listPageSize) {
        this.kind = kind;
        this.baseUrl = baseUrl;
        HttpOptions.Builder http = HttpOptions.builder()
                .apiVersion(API_VERSION)
                // One retry policy is in charge: ours. The SDK's own status retries are switched off.
                .retryOptions(HttpRetryOptions.builder().attempts(1).httpStatusCodes(List.of()).build());
        if (baseUrl != null) {
            http.baseUrl(baseUrl);
        }
        this.client = Client.builder().apiKey(apiKey).vertexAI(false).httpOptions(http.build()).build();
        this.gateway = new GeminiGateway(client, reads, listPageSize);
    }

    /** Resolves the connection from the process environment; notices go to standard error. */
    public static GeminiConnection open(Path batchDir) {
        return open(batchDir, System.getenv(), message -> System.err.println(message));
    }

    /**
     * Resolves the connection from {@code env} (and the system property {@value #BASE_URL_PROPERTY}).
     *
     * @param batchDir the batch directory (the embedded emulator keeps its state under it)
     * @param env      environment variables to read
     * @param notices  receives the one-line notice when the embedded emulator is used
     */
    public static GeminiConnection open(Path batchDir, Map<String, String> env, Consumer<String> notices) {
        Checks.notNull(batchDir, "batchDir");
        String key = key(env);
        String url = url(env);
        if (url != null) {
            return new GeminiConnection(GeminiEndpoint.CUSTOM_ENDPOINT, url, key == null ? EMULATOR_KEY : key);
        }
        if (key != null) {
            return new GeminiConnection(GeminiEndpoint.GEMINI_API, null, key);
        }
        Path state = batchDir.resolve("emulator");
        String emulatorUrl = EmbeddedEmulator.baseUrlFor(state);
        notices.accept("newsbatch: no GOOGLE_API_KEY set; using the embedded Gemini emulator at "
                + emulatorUrl + " (state in " + state + ")");
        return new GeminiConnection(GeminiEndpoint.EMBEDDED_EMULATOR, emulatorUrl, EMULATOR_KEY);
    }

    /** Where {@link #open(Path, Map, Consumer)} would connect, without connecting. */
    public static GeminiEndpoint endpoint(Map<String, String> env) {
        return url(env) != null ? GeminiEndpoint.CUSTOM_ENDPOINT
                : key(env) != null ? GeminiEndpoint.GEMINI_API : GeminiEndpoint.EMBEDDED_EMULATOR;
    }

    private static String key(Map<String, String> env) {
        return firstNonBlank(env.get("GOOGLE_API_KEY"), env.get("GEMINI_API_KEY"));
    }

    private static String url(Map<String, String> env) {
        return firstNonBlank(System.getProperty(BASE_URL_PROPERTY), env.get("GOOGLE_GEMINI_BASE_URL"));
    }

    /** A connection to an explicit endpoint, e.g. an emulator started by a test. */
    public static GeminiConnection to(String baseUrl, String apiKey) {
        Checks.notBlank(baseUrl, "baseUrl");
        Checks.notBlank(apiKey, "apiKey");
        return new GeminiConnection(GeminiEndpoint.CUSTOM_ENDPOINT, baseUrl, apiKey);
    }

    /** A connection to an explicit endpoint whose gateway retries reads by {@code reads} (tests). */
    static GeminiConnection to(String baseUrl, String apiKey, RetryPolicy reads) {
        return to(baseUrl, apiKey, reads, GeminiGateway.LIST_PAGE_SIZE);
    }

    /** As {@link #to(String, String, RetryPolicy)}, reading the job list {@code listPageSize} jobs a page (tests). */
    static GeminiConnection to(String baseUrl, String apiKey, RetryPolicy reads, int listPageSize) {
        return new GeminiConnection(GeminiEndpoint.CUSTOM_ENDPOINT, baseUrl, apiKey, reads, listPageSize);
    }

    /** What kind of endpoint this is. */
    public GeminiEndpoint kind() {
        return kind;
    }

    /** The base URL, or {@code null} for Google's default endpoint. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The gateway for all Gemini calls. */
    public GeminiGateway gateway() {
        return gateway;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "GeminiConnection[" + kind + (baseUrl == null ? "" : ", " + baseUrl) + "]";
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b != null && !b.isBlank() ? b.trim() : null;
    }
}
