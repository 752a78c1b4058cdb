package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP front: one JDK {@link HttpServer} on 127.0.0.1 with a thread pool. Every request is counted, then
 * authenticated, then exposed to fault injection, and only then handled, so injected faults never leave a
 * side effect behind.
 */
final class ApiServer {
    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
    private static final String UNREGISTERED = "Method doesn't allow unregistered callers (callers without "
            + "established identity). Please use API Key or other form of API consumer identity to call this API.";
    private static final String BAD_KEY = "API key not valid. Please pass a valid API key.";

    static {
        // without TCP_NODELAY the JDK server's header and body segments meet delayed ACKs: ~40 ms per request
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final GeminiEmulator emu;
    private final HttpServer server;
    private final ExecutorService pool;

    ApiServer(GeminiEmulator emu, int port) {
        this.emu = emu;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "gemini-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        pool = Executors.newFixedThreadPool(16, threads);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /**
     * Starts accepting connections. Every thread of the server is a daemon, so an emulator embedded in a program
     * never keeps that program's JVM alive after its {@code main} returns; the standalone commands block on their
     * own until they are stopped. The pool's threads are made daemons by its factory; the JDK server's dispatcher
     * thread takes the daemon flag of the thread that calls {@link HttpServer#start()}, so that call is made
     * from a daemon thread of ours.
     */
    void start() {
        RuntimeException[] failure = new RuntimeException[1];
        Thread starter = new Thread(() -> {
            try {
                server.start();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "gemini-emulator-start");
        starter.setDaemon(true);
        starter.start();
        boolean interrupted = false;
        while (true) {
            try {
                starter.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) {
        HttpCall call = new HttpCall(exchange);
        Route route = Route.of(call.method(), call.path(), call.rawPath(), call.query("upload_id") != null);
        boolean upload = route.endpoint() == Endpoint.UPLOAD_START || route.endpoint() == Endpoint.UPLOAD_CHUNK;
        try {
            emu.counters().request(route.endpoint());
            authenticate(call, route);
            if (route.endpoint() == Endpoint.UNKNOWN) {
                throw ApiError.notFound("Method not found: " + call.method() + " " + call.path());
            }
            emu.faultInjector().beforeRequest(route.endpoint(), emu.counters());
            dispatch(call, route);
        } catch (FaultInjector.DroppedConnection e) {
            call.drop();
        } catch (ApiError e) {
            replyError(call, e, upload);
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "request " + call.method() + " " + call.path() + " failed", e);
            replyError(call, new ApiError(500, "INTERNAL", "Internal error encountered.", null), upload);
        } finally {
            call.close();
        }
    }

    private void dispatch(HttpCall call, Route route) throws IOException {
        switch (route.endpoint()) {
            case UPLOAD_START: emu.filesApi().startUpload(call, route); break;
            case UPLOAD_CHUNK: emu.filesApi().uploadChunk(call, route); break;
            case FILE_GET: emu.filesApi().get(call, route); break;
            case FILE_LIST: emu.filesApi().list(call, route); break;
            case FILE_DELETE: emu.filesApi().delete(call, route); break;
            case FILE_DOWNLOAD: emu.filesApi().download(call, route); break;
            case BATCH_CREATE: emu.batchesApi().create(call, route); break;
            case BATCH_GET: emu.batchesApi().get(call, route); break;
            case BATCH_LIST: emu.batchesApi().list(call, route); break;
            case BATCH_CANCEL: emu.batchesApi().cancel(call, route); break;
            case BATCH_DELETE: emu.batchesApi().delete(call, route); break;
            case GENERATE_CONTENT: emu.modelsApi().generateContent(call, route); break;
            case COUNT_TOKENS: emu.modelsApi().countTokens(call, route); break;
            case MODEL_LIST: emu.modelsApi().list(call, route); break;
            case MODEL_GET: emu.modelsApi().get(call, route); break;
            case VERTEX_CREATE: emu.vertexApi().create(call, route); break;
            case VERTEX_GET: emu.vertexApi().get(call, route); break;
            case VERTEX_LIST: emu.vertexApi().list(call, route); break;
            case VERTEX_CANCEL: emu.vertexApi().cancel(call, route); break;
            case VERTEX_DELETE: emu.vertexApi().delete(call, route); break;
            case GCS_UPLOAD: emu.storageApi().upload(call, route); break;
            case GCS_UPLOAD_CHUNK: emu.storageApi().chunk(call, route); break;
            case GCS_GET: emu.storageApi().get(call, route); break;
            case GCS_LIST: emu.storageApi().list(call, route); break;
            case GCS_DELETE: emu.storageApi().delete(call, route); break;
            case BQ_DATASET: emu.bigQueryApi().dataset(call, route); break;
            case BQ_TABLE_INSERT: emu.bigQueryApi().createTable(call, route); break;
            case BQ_TABLE_GET: emu.bigQueryApi().getTable(call, route); break;
            case BQ_TABLE_LIST: emu.bigQueryApi().listTables(call, route); break;
            case BQ_TABLE_DELETE: emu.bigQueryApi().deleteTable(call, route); break;
            case BQ_ROWS: emu.bigQueryApi().listRows(call, route); break;
            case BQ_INSERT_ALL: emu.bigQueryApi().insertAll(call, route); break;
            case BQ_LOAD_START: emu.bigQueryApi().startLoad(call, route); break;
            case BQ_LOAD_CHUNK: emu.bigQueryApi().loadChunk(call, route); break;
            case BQ_JOB_GET: emu.bigQueryApi().getJob(call, route); break;
            case BQ_JOB_INSERT: emu.bigQueryApi().insertJob(call, route); break;
            default: throw ApiError.notFound("Method not found.");
        }
    }

    /**
     * Gemini API: no key, 403 as Google sends it; a key other than the configured one, 400 API_KEY_INVALID.
     * Vertex AI: an OAuth bearer token is required (any token: the emulator trusts Application Default
     * Credentials), else 401 UNAUTHENTICATED. Cloud Storage: the client points at the emulator without
     * credentials, as with Google's own storage emulators.
     */
    private void authenticate(HttpCall call, Route route) {
        if (route.storage() || route.bigQuery()) {
            return;
        }
        if (route.vertex()) {
            String auth = call.header("Authorization");
            if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.substring(7).isBlank()) {
                throw new ApiError(401, "UNAUTHENTICATED", "Request is missing required authentication credential. "
                        + "Expected OAuth 2 access token, login cookie or other valid authentication credential.", null);
            }
            return;
        }
        String key = call.header("x-goog-api-key");
        if (key == null || key.isBlank()) {
            key = call.query("key");
        }
        if (key == null || key.isBlank()) {
            throw new ApiError(403, "PERMISSION_DENIED", UNREGISTERED, null);
        }
        String expected = emu.config().apiKey();
        if (expected != null && !expected.equals(key.trim())) {
            ArrayNode details = Json.array();
            ObjectNode info = details.addObject();
            info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
            info.put("reason", "API_KEY_INVALID");
            info.put("domain", "googleapis.com");
            info.putObject("metadata").put("service", "generativelanguage.googleapis.com");
            details.addObject().put("@type", "type.googleapis.com/google.rpc.LocalizedMessage")
                    .put("locale", "en-US").put("message", BAD_KEY);
            throw new ApiError(400, "INVALID_ARGUMENT", BAD_KEY, details);
        }
    }

    private void replyError(HttpCall call, ApiError e, boolean upload) {
        if (call.replied()) {
            return;
        }
        if (upload) {
            call.setHeader("X-Goog-Upload-Status", "final");
        }
        call.drainBody(64L * 1024 * 1024);
        try {
            call.replyJson(e.httpStatus(), e.body());
        } catch (UncheckedIOException io) {
            LOG.log(Level.FINE, "could not send error reply", io);
        }
    }
}
