package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbatch.RunConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /models} and the run settings of submission bodies, over real HTTP. */
class ModelsAndRunSettingsTest {
    @TempDir
    static Path tmp;
    static Path dir;
    static NewsbatchApi api;
    static HttpCalls http;

    @BeforeAll
    static void start() {
        dir = tmp.resolve("batch_jobs");
        api = NewsbatchApi.start(ApiSettings.ofDefaults().port(0).directory(dir).pollInterval(Duration.ofMillis(50)));
        http = new HttpCalls(api.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** {@code articles(...)} with {@code extra} fields added to the body. */
    private static String body(int n, String name, boolean wait, String extra) {
        String b = HttpCalls.articles(n, name, wait);
        return b.substring(0, b.length() - 1) + "," + extra + "}";
    }

    private static void assertBadField(HttpCalls.Answer a, String field) {
        assertEquals(400, a.status(), a.toString());
        JsonNode n = a.json();
        assertEquals("invalid_request", n.get("error").asText(), a.body());
        assertEquals(field, n.get("field").asText(), a.body());
        assertTrue(n.get("detail").asText().contains(field), a.body());
    }

    @Test
    void modelsListsTheCatalogue() {
        HttpCalls.Answer a = http.get("/models");
        assertEquals(200, a.status(), a.toString());
        JsonNode n = a.json();
        assertEquals(RunConfig.DEFAULT_MODEL, n.get("default_model").asText());
        assertTrue(n.get("models").isArray() && n.get("models").size() > 1, a.body());
        assertEquals(n.get("models").size(), n.get("total").asInt());
        boolean sawDefault = false;
        for (JsonNode m : n.get("models")) {
            if (m.get("id").asText().equals(RunConfig.DEFAULT_MODEL)) {
                sawDefault = m.get("default").asBoolean();
            }
            if (m.get("id").asText().equals("gemini-2.5-flash")) {
                assertEquals("shut_down", m.get("status").asText(), m.toString());
                assertTrue(m.get("replacement").isTextual(), m.toString());
            }
        }
        assertTrue(sawDefault, a.body());
    }

    @Test
    void modelsLiveMergesTheEndpointsList() {
        HttpCalls.Answer a = http.get("/models?live=true");
        assertEquals(200, a.status(), a.toString());
        assertTrue(a.json().get("live").asBoolean(), a.body());
        assertBadField(http.get("/models?live=maybe"), "live");
    }

    @Test
    void thinkingThatIsNoSettingIsABadField() {
        assertBadField(http.post("/batch/submit-contents", body(1, "banana", false, "\"thinking\":\"banana\"")),
                "thinking");
        assertBadField(http.post("/batch/submit", "{\"urls\":[\"https://news.example/a\"],\"thinking\":\"banana\"}"),
                "thinking");
    }

    @Test
    void thinkingTheModelRefusesIsABadField() {
        assertBadField(http.post("/batch/submit-contents", body(1, "off", false, "\"thinking\":\"off\"")), "thinking");
    }

    @Test
    void thinkingMinimalIsSentAsALevel() {
        HttpCalls.Answer a = http.post("/batch/submit-contents", body(2, "minimal", true, "\"thinking\":\"minimal\""));
        assertEquals(200, a.status(), a.toString());
        assertEquals("COMPLETED", a.json().get("status").asText(), a.body());
        assertTrue(a.json().get("summary").get("usage").has("thinking_tokens"), a.body());
        assertTrue(batchFiles().contains("thinkingLevel"), "a request file says thinkingLevel");
    }

    @Test
    void limitsAreAccepted() {
        HttpCalls.Answer a = http.post("/batch/submit-contents", body(1, "limits", false, "\"enqueuedTokens\":5000000,"
                + "\"rpm\":100,\"rpd\":1000,\"spendPer10MinUsd\":5,\"spendPerMonthUsd\":100,\"costDriftFactor\":2"));
        assertEquals(200, a.status(), a.toString());
        HttpCalls.Answer snake = http.post("/batch/submit-contents", body(1, "snake", false,
                "\"enqueued_tokens\":5000000,\"spend_per_month_usd\":100,\"cost_drift_factor\":0"));
        assertEquals(200, snake.status(), snake.toString());
    }

    @Test
    void badLimitsAreBadFields() {
        String[][] cases = {
                {"enqueuedTokens", "0"}, {"rpm", "\"fast\""}, {"rpm", "1.5"}, {"rpd", "-1"},
                {"spendPer10MinUsd", "0"}, {"spendPerMonthUsd", "\"50\""}, {"costDriftFactor", "0.5"},
                {"flex", "\"yes\""}};
        for (String[] c : cases) {
            assertBadField(http.post("/batch/submit-contents",
                    body(1, "bad", false, "\"" + c[0] + "\":" + c[1])), c[0]);
        }
    }

    @Test
    void aVertexTargetIsCheckedAsAFieldBeforeAnythingRuns() {
        assertBadField(http.post("/batch/submit-contents", body(1, "vx", false,
                "\"vertex\":{\"project\":\"p\",\"location\":\"us-central1\",\"gcsPrefix\":\"s3://b/x\"}")), "vertex");
        assertBadField(http.post("/batch/submit-contents", body(1, "vx", false,
                "\"vertex\":{\"location\":\"us-central1\",\"gcs_prefix\":\"gs://bucket/x\"}")), "vertex");
        assertBadField(http.post("/batch/submit-contents", body(1, "vx", false, "\"vertex\":\"gs://bucket\"")),
                "vertex");
    }

    @Test
    void flexNeedsWaitForCompletion() {
        assertBadField(http.post("/batch/submit-contents", body(1, "flex", false, "\"flex\":true")), "flex");
    }

    @Test
    void openApiDocumentsTheNewFields() {
        JsonNode doc = http.get("/openapi.json").json();
        JsonNode props = doc.get("components").get("schemas").get("BatchContentRequest").get("properties");
        for (String f : new String[] {"thinking", "flex", "enqueuedTokens", "rpm", "rpd", "spendPer10MinUsd",
                "spendPerMonthUsd", "costDriftFactor", "vertex"}) {
            assertTrue(props.has(f), f + " in " + props);
        }
        assertTrue(doc.get("paths").has("/models"), "GET /models is documented");
    }

    private static String batchFiles() {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
