package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP: article ids as JSON numbers, JSON syntax errors in plain words, and the routes of a
 * run by name (its results, a retry of its failed articles).
 */
class RunRoutesTest {
    @TempDir
    static Path tmp;
    static NewsbatchApi api;
    static HttpCalls http;

    @BeforeAll
    static void start() {
        api = NewsbatchApi.start(ApiSettings.ofDefaults().port(0).directory(tmp.resolve("batch_jobs"))
                .pollInterval(Duration.ofMillis(50)));
        http = new HttpCalls(api.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void wholeNumberIdsAreTakenAsInputFilesTakeThem() {
        HttpCalls.Answer a = http.post("/batch/submit-contents", "{\"contents\":[{\"id\":17,\"title\":\"t\","
                + "\"contents\":\"Bosphorus Bank profit rose.\"},{\"id\":\"18\",\"title\":\"u\",\"contents\":"
                + "\"Atlas Motors sales fell.\"}],\"batch_name\":\"numbers\",\"wait_for_completion\":true}");
        assertEquals(200, a.status(), a.toString());
        JsonNode results = http.get("/batch/runs/numbers/results").json();
        List<String> ids = new java.util.ArrayList<>();
        results.get("results").forEach(r -> ids.add(r.get("id").asText()));
        assertEquals(List.of("17", "18"), ids.stream().sorted().toList());

        HttpCalls.Answer duplicate = http.post("/batch/submit-contents", "{\"contents\":[{\"id\":7,\"title\":\"t\","
                + "\"contents\":\"c\"},{\"id\":\"7\",\"title\":\"t\",\"contents\":\"d\"}]}");
        assertEquals(400, duplicate.status(), duplicate.toString());
        assertEquals("contents[1].id", duplicate.json().get("field").asText());
    }

    @Test
    void badJsonIsExplainedInPlainWords() {
        assertPlain("{\"contents\":[{\"id\":\"1\",\"title\":\"t\",contents:\"x\"}]}",
                "line 1, column 36: expected a field name in double quotes, found 'c'");
        assertPlain("{\"contents\": [", "the body ends inside an array");
        assertPlain("{\"batch_name\": nope}", "expected a value");
        assertPlain("{\"a\": 1,\n \"b\" 2}", "line 2, column 6: expected ':' after a field name");
    }

    private static void assertPlain(String body, String expected) {
        HttpCalls.Answer a = http.post("/batch/submit-contents", body);
        assertEquals(400, a.status(), a.toString());
        String detail = a.json().get("detail").asText();
        assertEquals("body", a.json().get("field").asText());
        assertTrue(detail.contains(expected), detail);
        for (String internal : List.of("Source", "Unrecognized token", "code ", "jackson", "Exception", "REDACTED",
                "marker")) {
            assertFalse(detail.contains(internal), "parser internals in: " + detail);
        }
    }

    @Test
    void aRunsResultsAndRetryByName() {
        http.post("/batch/submit-contents", HttpCalls.articles(3, "byname", true));
        HttpCalls.Answer results = http.get("/batch/runs/byname/results");
        assertEquals(200, results.status(), results.toString());
        assertEquals("DONE", results.json().get("state").asText());
        assertEquals(3, results.json().get("total_count").asInt());
        assertEquals(0, results.json().get("pending").asInt());

        HttpCalls.Answer retry = http.post("/batch/runs/byname/retry", "");
        assertEquals(200, retry.status(), retry.toString());
        assertEquals(0, retry.json().get("queued").asInt());

        HttpCalls.Answer unknown = http.get("/batch/runs/nosuch/results");
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals("batch_name", unknown.json().get("field").asText());
        assertEquals(400, http.post("/batch/runs/..hidden/retry", "").status());
    }
}
