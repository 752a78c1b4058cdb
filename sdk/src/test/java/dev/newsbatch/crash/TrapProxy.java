package dev.newsbatch.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;

/**
 * A loopback HTTP proxy in front of the emulator that stops a client at an exact point of the wire
 * conversation: it forwards every request unchanged until the armed {@link Trap} matches, then holds
 * the client there (request not forwarded, answer withheld, or a download cut half way) and completes
 * {@link #sprung()}, so a test can kill the client process at that point without guessing with sleeps.
 *
 * <pre>{@code
 * try (TrapProxy proxy = TrapProxy.start(emulator.baseUrl())) {
 *     proxy.arm(Trap.holdAnswer("create", TrapProxy.BATCH_CREATE, 1));
 *     Process child = ...;                        // GOOGLE_GEMINI_BASE_URL = proxy.baseUrl()
 *     proxy.sprung().get(60, SECONDS);
 *     child.destroyForcibly().waitFor();
 * }
 * }</pre>
 */
final class TrapProxy implements AutoCloseable {
    /** {@code POST models/{m}:batchGenerateContent}. */
    static final BiPredicate<String, String> BATCH_CREATE = (m, p) -> "POST".equals(m)
            && p.endsWith(":batchGenerateContent");
    /** {@code GET batches/{id}} (status polling). */
    static final BiPredicate<String, String> BATCH_GET = (m, p) -> "GET".equals(m)
            && p.matches("/v\\w+/batches/[^/:]+");
    /** {@code GET files/{id}:download}. */
    static final BiPredicate<String, String> DOWNLOAD = (m, p) -> "GET".equals(m) && p.contains(":download");
    /** The finalizing upload request (carries the file bytes). */
    static final BiPredicate<String, String> UPLOAD_FINALIZE = (m, p) -> "POST".equals(m)
            && p.startsWith("/upload/") && p.contains("upload_id=");

    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

    /** What the proxy does when the trap's request arrives. */
    enum Action {
        /** The request is not forwarded: the remote side never sees it. */
        HOLD_REQUEST,
        /** The request is forwarded and answered, but the answer is withheld from the client. */
        HOLD_ANSWER,
        /** The request is forwarded; half of the answer's body is sent, then the client is held. */
        HALF_BODY
    }

    /** Fires on the {@code occurrence}-th request (1-based) that {@code matcher} accepts. */
    record Trap(String name, BiPredicate<String, String> matcher, int occurrence, Action action) {
        static Trap holdRequest(String name, BiPredicate<String, String> matcher, int occurrence) {
            return new Trap(name, matcher, occurrence, Action.HOLD_REQUEST);
        }

        static Trap holdAnswer(String name, BiPredicate<String, String> matcher, int occurrence) {
            return new Trap(name, matcher, occurrence, Action.HOLD_ANSWER);
        }

        static Trap halfBody(String name, BiPredicate<String, String> matcher, int occurrence) {
            return new Trap(name, matcher, occurrence, Action.HALF_BODY);
        }

        @Override
        public String toString() {
            return "Trap[" + name + ", #" + occurrence + ", " + action + "]";
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "trap-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final String baseUrl;
    private final AtomicReference<Trap> armed = new AtomicReference<>();
    private final AtomicInteger seen = new AtomicInteger();
    private volatile CompletableFuture<String> sprung = new CompletableFuture<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private TrapProxy(String target) throws IOException {
        this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        this.server.setExecutor(threads);
        this.server.createContext("/", this::handle);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static TrapProxy start(String target) {
        try {
            TrapProxy p = new TrapProxy(target);
            p.server.start();
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the proxy: " + e.getMessage(), e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Arms {@code trap} (replacing any other); the count of matching requests starts at zero. */
    void arm(Trap trap) {
        seen.set(0);
        sprung = new CompletableFuture<>();
        armed.set(trap);
    }

    /** Completes with the trap's name once a client is held at it. */
    CompletableFuture<String> sprung() {
        return sprung;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            String pathAndQuery = ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            byte[] body = ex.getRequestBody().readAllBytes();
            Trap trap = armed.get();
            boolean fire = trap != null && trap.matcher().test(method, pathAndQuery)
                    && seen.incrementAndGet() == trap.occurrence();
            if (fire) {
                armed.set(null);
            }
            if (fire && trap.action() == Action.HOLD_REQUEST) {
                hold(trap);
                return;
            }
            HttpResponse<byte[]> answer = forward(ex, method, pathAndQuery, body);
            answer.headers().map().forEach((k, values) -> {
                if (!HOP_HEADERS.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                    for (String v : values) {
                        ex.getResponseHeaders().add(k, v.replace(target, baseUrl));
                    }
                }
            });
            if (fire && trap.action() == Action.HOLD_ANSWER) {
                hold(trap);
                return;
            }
            byte[] out = answer.body();
            ex.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    if (fire && trap.action() == Action.HALF_BODY) {
                        os.write(out, 0, out.length / 2);
                        os.flush();
                        hold(trap);
                        return;
                    }
                    os.write(out);
                }
            }
        } catch (IOException e) {
            // the client went away (it was killed): nothing to answer
        } finally {
            ex.close();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange ex, String method, String pathAndQuery, byte[] body)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((k, values) -> {
            if (!HOP_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
                for (String v : values) {
                    b.header(k, v);
                }
            }
        });
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void hold(Trap trap) {
        sprung.complete(trap.name());
        try {
            released.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        Trap t = armed.get();
        return "TrapProxy[" + baseUrl + " -> " + target + (t == null ? "" : ", " + t) + "]";
    }
}
