package dev.newsbatch.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A web site on a random loopback port for fetcher tests and benchmarks. */
final class TestSite implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    TestSite() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");   // no 40 ms delayed-ACK stalls on small responses
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(threads);
        server.start();
    }

    TestSite on(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    static void send(HttpExchange x, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            x.getResponseHeaders().set("Content-Type", contentType);
        }
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    static void html(HttpExchange x, String html) throws IOException {
        send(x, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static void redirect(HttpExchange x, String location) throws IOException {
        x.getResponseHeaders().set("Location", location);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    static byte[] bytes(String s, Charset cs) {
        return s.getBytes(cs);
    }

    /** A news page with a nav bar, an article of a few paragraphs and a footer. */
    static String article(String title, String marker) {
        StringBuilder s = new StringBuilder("<!doctype html><html><head><title>").append(title)
                .append(" | Daily Example</title><meta property=\"og:site_name\" content=\"Daily Example\"></head><body>")
                .append("<nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>")
                .append("<article><h1>").append(title).append("</h1>");
        for (int i = 0; i < 5; i++) {
            s.append("<p>").append(marker).append(" paragraph ").append(i)
                    .append(": the central bank raised its policy rate by a quarter point on Tuesday, citing inflation,")
                    .append(" wage growth and a tight labour market, and said further moves would depend on the data.</p>");
        }
        return s.append("</article><footer class=\"footer\">Copyright Daily Example. All rights reserved.</footer></body></html>")
                .toString();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
