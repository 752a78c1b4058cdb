package dev.newsbatch.app.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP calls to a server under test, with an optional bearer token. */
final class HttpCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    HttpCalls(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** A status code, a body and the response's headers. */
    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("body is not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST without Content-Length (chunked), so the server cannot refuse it up front. */
    Answer postChunked(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new AssertionError("call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    HttpCalls withToken(String other) {
        return new HttpCalls(baseUrl, other);
    }

    static String articles(int n, String batchName, boolean wait) {
        StringBuilder s = new StringBuilder("{\"contents\":[");
        for (int i = 1; i <= n; i++) {
            s.append(i > 1 ? "," : "").append("{\"id\":\"r").append(i).append("\",\"title\":\"Bank story ").append(i)
                    .append("\",\"contents\":\"Bosphorus Bank shares rose after record profit and a higher ")
                    .append("dividend.\"}");
        }
        s.append("]");
        if (batchName != null) {
            s.append(",\"batch_name\":\"").append(batchName).append('"');
        }
        return s.append(",\"wait_for_completion\":").append(wait).append('}').toString();
    }
}
