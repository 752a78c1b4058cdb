package dev.newsbatch.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A news site on a loopback port for tests: {@code /news/<slug>} is an article page whose headline
 * is {@link #title(String)}; every other path answers 404.
 *
 * <pre>{@code
 * try (NewsPages site = NewsPages.start()) { fetch(site.url("/news/bank")); }
 * }</pre>
 */
public final class NewsPages implements AutoCloseable {
    private static final String PARAGRAPH = "<p>Bosphorus Bank reported record quarterly profit, lifted by lending "
            + "growth, lower funding costs and strong fee income across its retail and corporate divisions.</p>";

    private final HttpServer server;

    private NewsPages(HttpServer server) {
        this.server = server;
    }

    public static NewsPages start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
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
            return new NewsPages(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        server.stop(0);
    }

    @Override
    public String toString() {
        return "NewsPages[" + url("/") + "]";
    }
}
