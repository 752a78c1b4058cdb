package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbatch.Article;
import dev.newsbatch.Batches;
import dev.newsbatch.JobStatus;
import dev.newsbatch.Jobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route over real HTTP against a server on a free port and the embedded emulator. */
class RestApiTest {
    @TempDir
    static Path tmp;
    static Path dir;
    static NewsbatchApi api;
    static HttpCalls http;
    /** Routes the Swagger plugin adds for the UI at /docs; they serve the UI, not the API. */
    static final Set<String> SWAGGER_UI = Set.of("GET /docs", "GET /webjars/swagger-ui/*");
    /** The keys of an OpenAPI path item that name an operation. */
    static final Set<String> OPENAPI_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    /** A job submitted and finished before the tests: {@code batches/...} of run "ready". */
    static String readyJob;

    @BeforeAll
    static void start() {
        dir = tmp.resolve("batch_jobs");
        api = NewsbatchApi.start(ApiSettings.ofDefaults().port(0).directory(dir).pollInterval(Duration.ofMillis(50)));
        http = new HttpCalls(api.baseUrl(), null);
        readyJob = http.post("/batch/submit-contents", HttpCalls.articles(3, "ready", true)).json().get("job_id")
                .asText();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void healthAnswers() {
        JsonNode n = http.get("/health").json();
        assertEquals("healthy", n.get("status").asText());
        assertEquals("embedded_emulator", n.get("gemini").asText());
    }

    @Test
    void submitContentsAnswersWithTheOriginalFields() {
        HttpCalls.Answer a = http.post("/batch/submit-contents", HttpCalls.articles(2, "async", false));
        assertEquals(200, a.status(), a.toString());
        JsonNode n = a.json();
        assertTrue(n.get("job_id").asText().startsWith("batches/"), a.body());
        assertEquals("async", n.get("batch_name").asText());
        assertEquals(2, n.get("url_count").asInt());
        assertEquals("SUBMITTED", n.get("status").asText());
        assertTrue(n.get("message").asText().contains("/batch/status/" + n.get("job_id").asText()), a.body());
        assertEquals(1, n.get("job_ids").size());
    }

    @Test
    void submitContentsWithoutNameIsNamedByItsContentSoARepeatIsTheSameRun() {
        JsonNode first = http.post("/batch/submit-contents", HttpCalls.articles(1, null, false)).json();
        JsonNode again = http.post("/batch/submit-contents", HttpCalls.articles(1, null, false)).json();
        JsonNode other = http.post("/batch/submit-contents", HttpCalls.articles(2, null, false)).json();
        String name = first.get("batch_name").asText();
        assertTrue(name.matches("run-[0-9a-f]{12}"), "the default run name: " + name);
        assertEquals(name, again.get("batch_name").asText());
        assertEquals(first.get("job_ids"), again.get("job_ids"), "a repeated submission answers with the same jobs");
        assertNotEquals(name, other.get("batch_name").asText());
    }

    @Test
    void twentyParallelPostsOfOneNameAnswerWithOneRunAndOneJob() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        List<java.util.concurrent.Future<HttpCalls.Answer>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> http.post("/batch/submit-contents", HttpCalls.articles(1, "twenty", false))));
            }
            Set<String> jobs = new TreeSet<>();
            for (var f : answers) {
                HttpCalls.Answer a = f.get();
                assertEquals(200, a.status(), a.toString());
                a.json().get("job_ids").forEach(j -> jobs.add(j.asText()));
            }
            assertEquals(1, jobs.size(), jobs.toString());
            assertEquals(1, Jobs.list(dir).stream().filter(j -> "twenty".equals(j.runId())).count());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twentyParallelPostsOfOneNameWithDifferentArticlesSendEachOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        List<java.util.concurrent.Future<HttpCalls.Answer>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String body = "{\"contents\":[{\"id\":\"p" + i + "\",\"title\":\"Story " + i
                        + "\",\"contents\":\"Bosphorus Bank shares rose " + i + " percent.\"}],\"batch_name\":\"mixed\"}";
                answers.add(pool.submit(() -> http.post("/batch/submit-contents", body)));
            }
            for (var f : answers) {
                HttpCalls.Answer a = f.get();
                assertEquals(200, a.status(), a.toString());
            }
        } finally {
            pool.shutdown();
        }
        List<JobStatus> jobs = Jobs.list(dir).stream().filter(j -> "mixed".equals(j.runId())).toList();
        assertEquals(20, jobs.stream().mapToLong(JobStatus::requests).sum(), "each article in exactly one job: " + jobs);
        assertEquals(20, Batches.resume("mixed", dir, dev.newsbatch.schema.NewsClassification.class)
                .await(Duration.ofMinutes(2)).collect().size());
    }

    @Test
    void submitContentsWithWaitCompletesAndSavesResults() {
        HttpCalls.Answer a = http.post("/batch/submit-contents", HttpCalls.articles(4, "waited", true));
        assertEquals(200, a.status(), a.toString());
        JsonNode n = a.json();
        assertEquals("COMPLETED", n.get("status").asText(), a.body());
        assertEquals(4, n.get("summary").get("classified").asInt());
        assertTrue(Files.exists(dir.resolve("results_waited.json")));
        String cost = a.body().replaceAll("(?s).*\"cost_usd\"\\s*:\\s*([^,}\\s]+).*", "$1");
        assertTrue(cost.matches("0|0\\.\\d{1,10}|[1-9]\\d*(\\.\\d{1,10})?"),
                "cost_usd is a plain decimal without binary noise: " + cost);
        assertTrue(n.get("summary").get("usage").get("cost_usd").decimalValue().signum() > 0, a.body());
    }

    @Test
    void statusTakesAJobIdWithItsSlash() {
        HttpCalls.Answer a = http.get("/batch/status/" + readyJob);
        assertEquals(200, a.status(), a.toString());
        assertEquals("application/json", a.headers().firstValue("Content-Type").orElse(null));
        assertEquals(a.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                a.headers().firstValueAsLong("Content-Length").orElse(-1), "the body's length, sent up front");
        JsonNode n = a.json();
        assertEquals(readyJob, n.get("job_id").asText());
        assertEquals("SUCCEEDED", n.get("state").asText());
        assertEquals(3, n.get("completed_count").asInt());
        assertEquals(3, n.get("total_count").asInt());
        assertEquals(100.0, n.get("progress_percent").asDouble());
    }

    @Test
    void resultsReturnClassificationsAndSaveTheNamedFile() {
        HttpCalls.Answer a = http.get("/batch/results/" + readyJob + "/ready-copy");
        assertEquals(200, a.status(), a.toString());
        JsonNode n = a.json();
        assertEquals(3, n.get("total_count").asInt());
        assertEquals(3, n.get("results").size());
        assertTrue(n.get("results").get(0).has("sentiment"), a.body());
        assertTrue(Files.exists(dir.resolve("results_ready-copy.json")));
    }

    @Test
    void jobsListsWhatTheCommandLineSubmittedAndTheReverse() {
        String cliJob = Batches.from(List.of(Article.of("c1", "t", "Atlas Motors buys a battery maker.")))
                .name("from-cli").directory(dir).submit().id();
        JsonNode jobs = http.get("/batch/jobs").json();
        assertTrue(jobs.get("total").asInt() >= 2, jobs.toString());
        assertTrue(jobs.get("jobs").findValuesAsText("batch_name").contains(cliJob), jobs.toString());
        List<String> ledger = Jobs.list(dir).stream().map(JobStatus::jobId).toList();
        assertTrue(ledger.contains(readyJob), ledger.toString());
    }

    @Test
    void unknownJobIsNotFound() {
        HttpCalls.Answer a = http.get("/batch/status/batches/nosuchjob");
        assertEquals(404, a.status(), a.toString());
        assertEquals("job_id", a.json().get("field").asText());
        assertEquals(404, http.get("/batch/results/batches/nosuchjob/x").status());
    }

    @Test
    void malformedJobIdIsBadRequestNamingTheField() {
        HttpCalls.Answer a = http.get("/batch/status/jobs/123");
        assertEquals(400, a.status(), a.toString());
        assertEquals("job_id", a.json().get("field").asText());
    }

    @Test
    void unsafeBatchNameInResultsPathIsRejected() {
        HttpCalls.Answer a = http.get("/batch/results/" + readyJob + "/.hidden");
        assertEquals(400, a.status(), a.toString());
        assertEquals("batch_name", a.json().get("field").asText());
    }

    @Test
    void wrongTypesAreBadRequestsNamingTheField() {
        assertField("{\"contents\":\"text\"}", "contents");
        assertField("{\"contents\":[{\"id\":5.5,\"title\":\"t\",\"contents\":\"c\"}]}", "contents[0].id");
        assertField("{\"contents\":[{\"id\":true,\"title\":\"t\",\"contents\":\"c\"}]}", "contents[0].id");
        assertField("{\"contents\":[\"just text\"]}", "contents[0]");
        String one = "{\"contents\":[{\"id\":\"a\",\"title\":\"t\",\"contents\":\"c\"}]";
        assertField(one + ",\"wait_for_completion\":\"yes\"}", "wait_for_completion");
        assertField(one + ",\"batch_name\":42}", "batch_name");
    }

    @Test
    void missingFieldsAreBadRequestsNamingTheField() {
        assertField("{}", "contents");
        assertField("{\"contents\":[{\"id\":\"a\",\"title\":\"t\"}]}", "contents[0].contents");
        assertField("{\"contents\":[{\"id\":\"a\",\"title\":\"t\",\"contents\":\"   \"}]}", "contents[0].contents");
    }

    @Test
    void emptyAndOversizedListsAreBadRequests() {
        assertField("{\"contents\":[]}", "contents");
        assertField("{\"urls\":[]}", "urls", "/batch/submit");
        String many = HttpCalls.articles(1001, "many", false);
        assertField(many, "contents");
    }

    @Test
    void duplicateIdsAreBadRequests() {
        assertField("{\"contents\":[{\"id\":\"a\",\"title\":\"t\",\"contents\":\"c\"},"
                + "{\"id\":\"a\",\"title\":\"t\",\"contents\":\"d\"}]}", "contents[1].id");
    }

    @Test
    void unsafeBatchNamesAreRejected() {
        for (String name : List.of("../../etc/passwd", "a/b", ".hidden", "x".repeat(65), "semi;colon", "")) {
            assertField("{\"contents\":[{\"id\":\"a\",\"title\":\"t\",\"contents\":\"c\"}],\"batch_name\":\"" + name
                    + "\"}", "batch_name");
        }
    }

    @Test
    void malformedJsonIsBadRequest() {
        assertField("{\"contents\": [", "body");
        assertField("[1,2]", "body");
        assertField("", "body");
    }

    @Test
    void urlsMustBeHttpOrHttps() {
        assertField("{\"urls\":[\"ftp://example.com/a\"]}", "urls[0]", "/batch/submit");
        assertField("{\"urls\":[\"file:///etc/passwd\"]}", "urls[0]", "/batch/submit");
        assertField("{\"urls\":[\"http://93.184.216.34/a\", 7]}", "urls[1]", "/batch/submit");
        assertField("{\"urls\":[\"not a url\"]}", "urls[0]", "/batch/submit");
    }

    @Test
    void privateLoopbackAndLinkLocalUrlsAreRefused() {
        for (String url : List.of("http://127.0.0.1/a", "http://localhost:8080/a", "http://10.1.2.3/a",
                "http://192.168.0.10/a", "http://172.16.5.4/a", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/a", "http://[fd00::1]/a", "http://0.0.0.0/a", "http://100.64.0.1/a")) {
            assertField("{\"urls\":[\"http://93.184.216.34/ok\", \"" + url + "\"]}", "urls[1]", "/batch/submit");
        }
    }

    @Test
    void unknownRouteIsJsonNotFound() {
        HttpCalls.Answer a = http.get("/nope");
        assertEquals(404, a.status());
        assertEquals("not_found", a.json().get("error").asText());
    }

    @Test
    void swaggerUiIsServedAtDocs() {
        HttpCalls.Answer a = http.get("/docs");
        assertEquals(200, a.status());
        assertTrue(a.body().contains("swagger-ui"), a.body());
        assertTrue(a.body().contains("/openapi.json"), "the UI reads our document: " + a.body());
    }

    @Test
    void everyServedRouteIsDocumented() {
        Set<String> undocumented = new TreeSet<>(servedOperations());
        undocumented.removeAll(documentedOperations());
        assertEquals(Set.of(), undocumented, "served but missing from /openapi.json");
    }

    @Test
    void everyDocumentedOperationIsServed() {
        Set<String> unserved = new TreeSet<>(documentedOperations());
        unserved.removeAll(servedOperations());
        assertEquals(Set.of(), unserved, "in /openapi.json but not served");
    }

    @Test
    void routesComeFromTheServerAndOnlyTheSwaggerUiIsLeftOut() {
        assertTrue(api.routes().containsAll(SWAGGER_UI), "the UI routes left out are served: " + api.routes());
        assertTrue(servedOperations().contains("POST /batch/submit-contents"), servedOperations().toString());
    }

    /** Served method and path, in OpenAPI's spelling: {@code <job_id>} becomes {@code {job_id}}. */
    private static Set<String> servedOperations() {
        Set<String> served = new TreeSet<>();
        for (String route : api.routes()) {
            if (!SWAGGER_UI.contains(route)) {
                served.add(route.replace('<', '{').replace('>', '}'));
            }
        }
        return served;
    }

    /** Every operation of /openapi.json as method and path, e.g. {@code GET /batch/jobs}. */
    private static Set<String> documentedOperations() {
        HttpCalls.Answer a = http.get("/openapi.json");
        assertEquals(200, a.status(), a.toString());
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : a.json().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (OPENAPI_METHODS.contains(entry.getKey())) {
                    documented.add(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return documented;
    }

    @Test
    void invisibleOnlyAndInvalidUnicodeTextsAreBadRequestsNamingTheField() {
        String at = "{\"contents\":[{\"id\":\"a\",\"title\":\"t\",\"contents\":";
        assertField(at + "\"\\u200b\\u00a0\\ufeff \"}]}", "contents[0].contents");
        assertField(at + "\"\\ud800x\"}]}", "contents[0].contents");
        assertField(at + "\"a\\u0000b\"}]}", "contents[0].contents");
        assertField("{\"contents\":[{\"id\":\"a\\u0000\",\"title\":\"t\",\"contents\":\"c\"}]}", "contents[0].id");
        assertField("{\"contents\":[{\"id\":\"\\u2060\",\"title\":\"t\",\"contents\":\"c\"}]}", "contents[0].id");
        assertField("{\"contents\":[{\"id\":\"a\",\"title\":\"\\udfff\",\"contents\":\"c\"}]}", "contents[0].title");
        assertField("{\"urls\":[\"http://93.184.216.34/a\\u0000\"]}", "urls[0]", "/batch/submit");
        assertField("{\"urls\":[\"http://93.184.216.34/\\ud800\"]}", "urls[0]", "/batch/submit");
        HttpCalls.Answer a = http.post("/batch/submit-contents", at + "\"\\ud800x\"}]}");
        assertTrue(a.json().get("detail").asText().contains("lone surrogate (U+D800) at character 0"), a.body());
    }

    @Test
    void overlongJobIdsAreBadRequestsNamingTheField() {
        String id = "batches/" + "a".repeat(300);
        for (String path : List.of("/batch/status/" + id, "/batch/results/" + id + "/x")) {
            HttpCalls.Answer a = http.get(path);
            assertEquals(400, a.status(), a.toString());
            assertEquals("job_id", a.json().get("field").asText(), a.body());
            assertTrue(a.json().get("detail").asText().contains("(308 characters)"), a.body());
        }
    }

    @Test
    void aNulInThePathIsAJsonBadRequest() {
        for (String path : List.of("/batch/status/batches/ab%00cd", "/batch/results/batches/abc/x%00y", "/nope%00")) {
            HttpCalls.Answer a = http.get(path);
            assertEquals(400, a.status(), path + " -> " + a);
            JsonNode n = a.json();
            assertEquals("invalid_request", n.get("error").asText(), a.body());
            assertTrue(n.has("field") && n.has("detail"), a.body());
        }
    }

    @Test
    void credentialsInRefusedUrlsAreRedacted() {
        HttpCalls.Answer a = http.post("/batch/submit", "{\"urls\":[\"http://admin:hunter2x@127.0.0.1/a\"]}");
        assertEquals(400, a.status(), a.toString());
        assertFalse(a.body().contains("hunter2x"), a.body());
        assertTrue(a.body().contains("http://***@127.0.0.1/a"), a.body());
    }

    private static void assertField(String body, String field) {
        assertField(body, field, "/batch/submit-contents");
    }

    private static void assertField(String body, String field, String path) {
        HttpCalls.Answer a = http.post(path, body);
        assertEquals(400, a.status(), body + " -> " + a);
        JsonNode n = a.json();
        assertEquals("invalid_request", n.get("error").asText(), a.body());
        assertEquals(field, n.get("field").asText(), a.body());
        assertTrue(n.get("detail").asText().startsWith(field), a.body());
    }
}
