package dev.newsbatch.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * A local stand-in for the Gemini Developer API that the official {@code google-genai} SDK talks to unchanged
 * (only its base URL changes): Files (resumable upload, get, list, delete, download), Batches (create from a
 * file or inlined requests, get, list, cancel, delete), {@code generateContent} and {@code countTokens}, under
 * both {@code /v1} and {@code /v1beta}. State lives on disk, so jobs survive a restart and several emulators
 * (in one process or several) can share one state directory. Quotas follow Google's published tier tables,
 * faults can be injected, and the offline "model" answers any response schema.
 *
 * <pre>{@code
 * try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults().stateDir(Path.of("state")))) {
 *     Client client = Client.builder().apiKey("any-key").vertexAI(false)
 *         .httpOptions(HttpOptions.builder().baseUrl(emu.baseUrl()).build()).build();
 *     String text = client.models.generateContent("gemini-2.5-flash", "Title: ...", null).text();
 * }
 * }</pre>
 */
public final class GeminiEmulator implements AutoCloseable {
    private final EmulatorConfig config;
    private final boolean temporaryState;
    private final StateStore store;
    private final Counters counters = new Counters();
    private final FaultInjector faults;
    private final QuotaGuard quotaGuard;
    private final FilesApi filesApi;
    private final BatchesApi batchesApi;
    private final BatchOutput batchOutput;
    private final ModelsApi modelsApi;
    private final StorageApi storageApi;
    private final VertexApi vertexApi;
    private final BigQueryApi bigQueryApi;
    private final ModelCatalog catalog;
    private final ApiServer server;
    private final String baseUrl;

    private GeminiEmulator(EmulatorConfig config) {
        Path dir = config.stateDir();
        this.temporaryState = dir == null;
        try {
            dir = dir == null ? Files.createTempDirectory("gemini-emulator-") : dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary state directory", e);
        }
        this.config = config.stateDir(dir);
        this.store = new StateStore(dir);
        this.catalog = ModelCatalog.load(config.catalog());
        this.faults = new FaultInjector(config.faults());
        this.quotaGuard = new QuotaGuard(this.config, counters);
        this.filesApi = new FilesApi(this);
        this.batchesApi = new BatchesApi(this);
        this.batchOutput = new BatchOutput(this);
        this.modelsApi = new ModelsApi(this);
        this.storageApi = new StorageApi(this);
        this.vertexApi = new VertexApi(this);
        this.bigQueryApi = new BigQueryApi(this);
        this.server = new ApiServer(this, config.port());
        this.baseUrl = "http://127.0.0.1:" + server.port();
    }

    /** Starts an emulator on 127.0.0.1; returns once it accepts connections. */
    public static GeminiEmulator start(EmulatorConfig config) {
        GeminiEmulator emu = new GeminiEmulator(Arguments.notNull(config, "config"));
        emu.server.start();
        return emu;
    }

    /** The base URL to give the SDK, e.g. {@code http://127.0.0.1:43567} (no trailing slash). */
    public String baseUrl() {
        return baseUrl;
    }

    /** The TCP port it listens on. */
    public int port() {
        return server.port();
    }

    /** The configuration it runs with ({@link EmulatorConfig#stateDir()} is the actual directory). */
    public EmulatorConfig config() {
        return config;
    }

    /** The state directory. */
    public Path stateDir() {
        return store.root();
    }

    /** Replaces the injected faults from now on (their random sequences and "next N jobs" counts restart). */
    public void faults(Faults faults) {
        this.faults.set(faults);
    }

    /** The faults currently injected. */
    public Faults faults() {
        return faults.faults();
    }

    /** Counters since start. */
    public EmulatorStats stats() {
        return counters.snapshot();
    }

    /** Stops listening; a temporary state directory is deleted, a given one is kept. */
    @Override
    public void close() {
        server.stop();
        if (temporaryState) {
            deleteTree(store.root());
        }
    }

    @Override
    public String toString() {
        return "GeminiEmulator[" + baseUrl + ", state=" + store.root() + ", tier=" + config.tier() + "]";
    }

    Instant now() {
        return config.clock().instant();
    }

    StateStore store() {
        return store;
    }

    Counters counters() {
        return counters;
    }

    FaultInjector faultInjector() {
        return faults;
    }

    QuotaGuard quotaGuard() {
        return quotaGuard;
    }

    FilesApi filesApi() {
        return filesApi;
    }

    BatchesApi batchesApi() {
        return batchesApi;
    }

    BatchOutput batchOutput() {
        return batchOutput;
    }

    ModelCatalog catalog() {
        return catalog;
    }

    ModelsApi modelsApi() {
        return modelsApi;
    }

    StorageApi storageApi() {
        return storageApi;
    }

    VertexApi vertexApi() {
        return vertexApi;
    }

    BigQueryApi bigQueryApi() {
        return bigQueryApi;
    }

    /**
     * The bodies of the last Vertex AI batch-prediction create requests this emulator received, oldest
     * first (at most 100), as JSON text, so tests can check what was asked field by field.
     */
    public java.util.List<String> vertexCreateRequests() {
        return vertexApi.captured();
    }

    /**
     * Vertex AI batch prediction jobs of one project and region that may be pending or running at once; a
     * create beyond it is refused with 429 RESOURCE_EXHAUSTED (Vertex queues such a job instead; the
     * emulator refuses, so that a client sending more than the limit is seen). Default: the catalogue's
     * limit (8).
     */
    public void vertexConcurrentJobs(int jobs) {
        vertexApi.concurrentJobs(jobs);
    }

    /** The most Vertex AI batch prediction jobs of one project and region that were pending or running at once. */
    public int vertexPeakJobs() {
        return vertexApi.peakJobs();
    }

    /** Vertex AI batch prediction creates refused because the concurrent-job limit was reached. */
    public int vertexJobsRefused() {
        return vertexApi.refused();
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a temporary directory left behind is harmless
        }
    }
}
