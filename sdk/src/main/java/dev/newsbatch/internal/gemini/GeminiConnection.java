package dev.newsbatch.internal.gemini;

import dev.newsbatch.VertexTarget;
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

    /** The system property that names a Vertex AI endpoint (an emulator) like {@code GOOGLE_VERTEX_BASE_URL} does. */
    public static final String VERTEX_BASE_URL_PROPERTY = "newsbatch.vertex.baseUrl";
    /** The system property that names a Cloud Storage endpoint (an emulator) like {@code STORAGE_EMULATOR_HOST} does. */
    public static final String STORAGE_HOST_PROPERTY = "newsbatch.storage.host";

    private final GeminiEndpoint kind;
    private final String baseUrl;
    private final Client client;
    private final GeminiGateway gateway;
    private final BatchBackend backend;
    private final AutoCloseable storage;

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
        this.backend = gateway;
        this.storage = null;
    }

    private GeminiConnection(GeminiEndpoint kind, String baseUrl, Client client, VertexTarget target,
                             com.google.cloud.storage.Storage storage, Map<String, String> env) {
        this.kind = kind;
        this.baseUrl = baseUrl;
        this.client = client;
        this.gateway = new GeminiGateway(client, GeminiGateway.READS, GeminiGateway.LIST_PAGE_SIZE);
        this.backend = new VertexBackend(gateway, storage, target, target.bigQueryDataset() == null ? null
                : BigQueryTables.open(target.project(), env));
        this.storage = storage;
    }

    /**
     * A connection to Vertex AI batch prediction for {@code target}: the google-genai client in Vertex mode and
     * the Cloud Storage client, both with Application Default Credentials. An endpoint named by the system
     * property {@value #VERTEX_BASE_URL_PROPERTY} or {@code GOOGLE_VERTEX_BASE_URL} (and, for storage,
     * {@value #STORAGE_HOST_PROPERTY} or {@code STORAGE_EMULATOR_HOST}) is used instead; a Vertex endpoint on
     * this machine (an emulator) gets a fixed access token, any other one Application Default Credentials, and
     * a storage emulator host no credentials.
     */
    public static GeminiConnection vertex(VertexTarget target, Map<String, String> env) {
        Checks.notNull(target, "target");
        String url = firstNonBlank(System.getProperty(VERTEX_BASE_URL_PROPERTY), env.get("GOOGLE_VERTEX_BASE_URL"));
        String storageHost = firstNonBlank(System.getProperty(STORAGE_HOST_PROPERTY), env.get("STORAGE_EMULATOR_HOST"));
        HttpOptions.Builder http = HttpOptions.builder()
                .retryOptions(HttpRetryOptions.builder().attempts(1).httpStatusCodes(List.of()).build());
        Client.Builder genai = Client.builder().vertexAI(true).project(target.project()).location(target.location());
        if (url != null) {
            http.baseUrl(url);
        }
        if (url != null && loopback(url)) {
            genai.credentials(com.google.auth.oauth2.GoogleCredentials.create(new com.google.auth.oauth2.AccessToken(
                    EMULATOR_KEY, java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(3650))))));
        }
        Client client = genai.httpOptions(http.build()).build();
        var options = com.google.cloud.storage.StorageOptions.newBuilder().setProjectId(target.project());
        if (storageHost != null) {
            options.setHost(storageHost.startsWith("http") ? storageHost : "http://" + storageHost)
                    .setCredentials(com.google.cloud.NoCredentials.getInstance());
        }
        return new GeminiConnection(url != null ? GeminiEndpoint.CUSTOM_ENDPOINT : GeminiEndpoint.VERTEX_AI, url,
                client, target, options.build().getService(), env);
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
        java.util.Optional<VertexTarget> vertex = VertexTarget.fromEnvironment(env);
        if (vertex.isPresent()) {
            return vertex(vertex.get(), env);
        }
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
        if ("true".equalsIgnoreCase(String.valueOf(env.get("GOOGLE_GENAI_USE_VERTEXAI")).trim())) {
            return GeminiEndpoint.VERTEX_AI;
        }
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

    /** Where batch jobs run: the gateway for the Gemini API, Cloud Storage and batch prediction for Vertex AI. */
    public BatchBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (storage != null) {
                try {
                    storage.close();
                } catch (Exception ignored) {
                    // nothing of ours is left open
                }
            }
        }
    }

    @Override
    public String toString() {
        return "GeminiConnection[" + kind + (baseUrl == null ? "" : ", " + baseUrl) + "]";
    }

    /** True when {@code url} names this machine (an emulator), not a service. */
    private static boolean loopback(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                    || host.equals("::1"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b != null && !b.isBlank() ? b.trim() : null;
    }
}
