package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** One HTTP request and its reply, over the JDK server's exchange. */
final class HttpCall {
    private final HttpExchange exchange;
    private final Map<String, String> query;
    private byte[] body;
    private boolean replied;

    HttpCall(HttpExchange exchange) {
        this.exchange = exchange;
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    /** The path as sent, percent-encoding kept. */
    String rawPath() {
        return exchange.getRequestURI().getRawPath();
    }

    String query(String name) {
        return query.get(name);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The request body, read once; at most {@code limit} bytes, else 400 like Google's payload limit. */
    byte[] body(long limit) {
        if (body == null) {
            // the Google HTTP client gzips request bodies (Cloud Storage uploads) and says so
            try (InputStream in = "gzip".equalsIgnoreCase(header("Content-Encoding"))
                    ? new java.util.zip.GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
                if (bytes.length > limit) {
                    throw ApiError.invalidArgument("Request payload size exceeds the limit: " + limit + " bytes.");
                }
                body = bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    /** The JSON body with snake_case keys turned into camelCase; an empty body reads as {@code {}}. */
    JsonNode json(long limit) {
        byte[] bytes = body(limit);
        if (bytes.length == 0) {
            return Json.object();
        }
        return Json.camelCase(Json.parse(bytes));
    }

    /** Reads and discards what is left of the request body (up to {@code max} bytes), so a reply is seen. */
    void drainBody(long max) {
        try {
            InputStream in = exchange.getRequestBody();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < max && (n = in.read(buf)) > 0) {
                total += n;
            }
        } catch (IOException e) {
            // the client went away; nothing to reply to
        }
    }

    InputStream bodyStream() {
        return exchange.getRequestBody();
    }

    void setHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    boolean replied() {
        return replied;
    }

    void replyJson(int status, JsonNode json) {
        byte[] bytes = Json.bytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        send(status, bytes);
    }

    void replyEmpty(int status) {
        send(status, new byte[0]);
    }

    private void send(int status, byte[] bytes) {
        replied = true;
        try {
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a reply of {@code length} bytes and returns the stream to write them to. */
    java.io.OutputStream startBody(int status, long length, String contentType) throws IOException {
        replied = true;
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        return exchange.getResponseBody();
    }

    /** Closes the connection without a reply. */
    void drop() {
        replied = true;
        exchange.close();
    }

    void close() {
        exchange.close();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }
}
