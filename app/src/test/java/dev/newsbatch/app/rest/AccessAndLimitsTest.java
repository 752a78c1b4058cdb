package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bearer token, the body limit, the loopback rule and the private-URL switch. */
class AccessAndLimitsTest {
    private static final String TOKEN = "test-token-7f3a";
    private static final long LIMIT = 2_048;

    @TempDir
    static Path tmp;
    static NewsbatchApi api;
    static HttpCalls anonymous;
    static HttpCalls authorised;

    @BeforeAll
    static void start() {
        api = NewsbatchApi.start(ApiSettings.ofDefaults().port(0).directory(tmp.resolve("batch_jobs")).token(TOKEN)
                .maxBodyBytes(LIMIT));
        anonymous = new HttpCalls(api.baseUrl(), null);
        authorised = anonymous.withToken(TOKEN);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void everyRouteButHealthNeedsTheToken() {
        for (String path : List.of("/batch/jobs", "/batch/status/batches/abc", "/batch/results/batches/abc/x",
                "/openapi.json", "/docs")) {
            HttpCalls.Answer a = anonymous.get(path);
            assertEquals(401, a.status(), path + " -> " + a);
            assertEquals("unauthorized", a.json().get("error").asText());
            assertEquals("Authorization", a.json().get("field").asText());
        }
        assertEquals(401, anonymous.post("/batch/submit-contents", HttpCalls.articles(1, "x", false)).status());
        assertEquals(401, anonymous.post("/batch/submit", "{\"urls\":[\"http://93.184.216.34/\"]}").status());
    }

    @Test
    void healthNeedsNoToken() {
        assertEquals(200, anonymous.get("/health").status());
    }

    @Test
    void aWrongTokenIsRefused() {
        HttpCalls.Answer a = anonymous.withToken("test-token-7f3b").get("/batch/jobs");
        assertEquals(401, a.status());
        assertTrue(!a.body().contains(TOKEN), "the token is not echoed: " + a.body());
    }

    @Test
    void theRightTokenIsAccepted() {
        assertEquals(200, authorised.get("/batch/jobs").status());
        assertEquals(200, authorised.get("/openapi.json").status());
    }

    @Test
    void bodiesOverTheLimitAre413() {
        String big = HttpCalls.articles(40, "big", false);
        assertTrue(big.length() > LIMIT);
        HttpCalls.Answer a = authorised.post("/batch/submit-contents", big);
        assertEquals(413, a.status(), a.toString());
        assertEquals("body", a.json().get("field").asText());
        assertEquals("payload_too_large", a.json().get("error").asText());
    }

    @Test
    void chunkedBodiesOverTheLimitAre413Too() {
        HttpCalls.Answer a = authorised.postChunked("/batch/submit-contents", HttpCalls.articles(40, "big", false));
        assertEquals(413, a.status(), a.toString());
        assertEquals("body", a.json().get("field").asText());
    }

    @Test
    void bodiesUnderTheLimitPass() {
        HttpCalls.Answer a = authorised.postChunked("/batch/submit-contents", HttpCalls.articles(2, "small", false));
        assertEquals(200, a.status(), a.toString());
    }

    @Test
    void refusesToListenBeyondLoopbackWithoutAToken() {
        ApiSettings open = ApiSettings.ofDefaults().host("0.0.0.0").port(0).directory(tmp.resolve("other"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NewsbatchApi.start(open));
        assertTrue(e.getMessage().contains("NEWSBATCH_API_TOKEN"), e.getMessage());
    }

    @Test
    void privateUrlsPassWhenExplicitlyAllowed() {
        try (NewsbatchApi lax = NewsbatchApi.start(ApiSettings.ofDefaults().port(0).directory(tmp.resolve("lax"))
                .allowPrivateUrls(true))) {
            HttpCalls.Answer a = new HttpCalls(lax.baseUrl(), null).post("/batch/submit",
                    "{\"urls\":[\"http://127.0.0.1:9/a\"],\"batch_name\":\"lax\"}");
            assertNotEquals("urls[0]", a.json().path("field").asText(), a.toString());
            assertTrue(a.status() != 500, a.toString());
        }
    }

    @Test
    void settingsRejectBadValuesNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiSettings.ofDefaults().port(70_000))
                .getMessage().startsWith("port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiSettings.ofDefaults().maxBodyBytes(0))
                .getMessage().startsWith("maxBodyBytes"));
        assertTrue(!ApiSettings.ofDefaults().token("secret-value").toString().contains("secret-value"));
    }

    @Test
    void aBodyThatStopsArrivingIsAnsweredWith408() throws Exception {
        try (NewsbatchApi quick = NewsbatchApi.start(ApiSettings.ofDefaults().port(0)
                .directory(tmp.resolve("stalled")).idleTimeout(java.time.Duration.ofMillis(300)));
             java.net.Socket socket = new java.net.Socket("127.0.0.1", quick.port())) {
            socket.setSoTimeout(60_000);
            String head = "POST /batch/submit-contents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 200\r\n\r\n{\"contents\":[";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String status = in.readLine();
            assertTrue(status != null && status.startsWith("HTTP/1.1 408"), "status line: " + status);
            StringBuilder answer = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                answer.append(line).append('\n');
                if (line.contains("\"detail\"")) {
                    break;
                }
            }
            String text = answer.toString();
            assertTrue(text.contains("\"error\":\"request_timeout\""), text);
            assertTrue(text.contains("\"field\":\"body\""), text);
        }
    }
}
