package dev.newsbatch.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A news site on a loopback port for tests: {@code /news/<slug>} is an article page whose headline
 * is {@link #title(String)}, {@code /held/<slug>} the same page answered only after {@link #release()};
 * every other path answers 404.
 *
 * <pre>{@code
 * try (NewsPages site = NewsPages.start()) { fetch(site.url("/news/bank")); }
 * }</pre>
 */
public final class NewsPages implements AutoCloseable {
    private static final String PARAGRAPH = "<p>Bosphorus Bank reported record quarterly profit, lifted by lending "
            + "growth, lower funding costs and strong fee income across its retail and corporate divisions.</p>";

    private final HttpServer server;
    private final CountDownLatch heldAsked;
    private final CountDownLatch released;

    private NewsPages(HttpServer server, CountDownLatch heldAsked, CountDownLatch released) {
        this.server = server;
        this.heldAsked = heldAsked;
        this.released = released;
    }

    public static NewsPages start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "news-pages");
                t.setDaemon(true);
                return t;
            }));
            CountDownLatch heldAsked = new CountDownLatch(1);
            CountDownLatch released = new CountDownLatch(1);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/held/")) {
                    heldAsked.countDown();
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    path = "/news/" + path.substring("/held/".length());
                }
                boolean article = path.startsWith("/news/") && path.length() > "/news/".length();
                byte[] body = (article ? page(path.substring("/news/".length())) : "<html>not here</html>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(article ? 200 : 404, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new NewsPages(server, heldAsked, released);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a page under {@code /held/} is asked for; such pages are answered after {@link #release()}. */
    public void awaitHeld() throws InterruptedException {
        heldAsked.await();
    }

    /** Answers the pages under {@code /held/} (as {@code /news/}), now and from now on. */
    public void release() {
        released.countDown();
    }

    /** The headline of the page {@code /news/<slug>}. */
    public static String title(String slug) {
        return "Bank profit soars " + slug;
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String page(String slug) {
        return "<html><head><title>" + title(slug) + " | Daily Ledger</title>"
                + "<meta property=\"og:site_name\" content=\"Daily Ledger\">"
                + "<meta name=\"author\" content=\"Ayse Demir\"></head><body><nav>Home News Markets</nav>"
                + "<article><h1>" + title(slug) + "</h1>" + PARAGRAPH.repeat(5) + "</article></body></html>";
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    @Override
    public String toString() {
        return "NewsPages[" + url("/") + "]";
    }
}
