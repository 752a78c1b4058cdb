package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbatch.app.NewsPages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /batch/submit} fetching pages from a loopback site, on a server that allows it explicitly. */
class UrlSubmissionTest {
    @TempDir
    static Path tmp;
    static NewsPages site;
    static NewsbatchApi api;
    static HttpCalls http;

    @BeforeAll
    static void start() {
        site = NewsPages.start();
        api = NewsbatchApi.start(ApiSettings.ofDefaults().port(0).directory(tmp.resolve("batch_jobs"))
                .allowPrivateUrls(true).pollInterval(Duration.ofMillis(50)));
        http = new HttpCalls(api.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        api.close();
        site.close();
    }

    private static String body(String name, boolean wait, String... paths) {
        StringBuilder urls = new StringBuilder();
        for (String p : paths) {
            urls.append(urls.length() == 0 ? "" : ",").append('"').append(site.url(p)).append('"');
        }
        return "{\"urls\":[" + urls + "],\"batch_name\":\"" + name + "\",\"wait_for_completion\":" + wait + "}";
    }

    @Test
    void submitFetchesThePagesAndNamesTheOnesThatFailed() {
        HttpCalls.Answer a = http.post("/batch/submit", body("web", true, "/news/a", "/news/b", "/gone"));
        assertEquals(200, a.status(), a.toString());
        JsonNode n = a.json();
        assertEquals("COMPLETED", n.get("status").asText(), a.body());
        assertEquals(3, n.get("url_count").asInt(), a.body());
        assertEquals(2, n.get("summary").get("classified").asInt(), a.body());
        assertEquals(1, n.get("errors").size(), a.body());
        assertEquals("FETCH_FAILED", n.get("errors").get(0).get("kind").asText(), a.body());
        assertEquals(site.url("/gone"), n.get("errors").get(0).get("url").asText(), a.body());
        assertTrue(Files.exists(tmp.resolve("batch_jobs/results_web.json")));
    }

    @Test
    void resultsOfAFetchedJobCarryThePageTitles() {
        String jobId = http.post("/batch/submit", body("titles", true, "/news/c")).json().get("job_id").asText();
        HttpCalls.Answer a = http.get("/batch/results/" + jobId + "/titles");
        assertEquals(200, a.status(), a.toString());
        assertEquals(NewsPages.title("c"), a.json().get("results").get(0).get("title").asText(), a.body());
    }

    /**
     * A submission whose page is held: while it waits, the code of the submission runs on the submission
     * pool only (no request thread of the server is in it) and a status request is answered.
     */
    @Test
    void aSubmissionInProgressHoldsNoRequestThreadAndStatusIsAnsweredBesideIt() throws Exception {
        String known = http.post("/batch/submit", body("known", true, "/news/k")).json().get("job_id").asText();
        CompletableFuture<HttpCalls.Answer> held = CompletableFuture.supplyAsync(
                () -> http.post("/batch/submit", body("held", false, "/held/h")));
        try {
            site.awaitHeld();
            List<String> inSubmission = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> Arrays.stream(e.getValue())
                            .anyMatch(f -> f.getClassName().equals(BatchEndpoints.class.getName())))
                    .map(e -> e.getKey().getName()).toList();
            assertEquals(1, inSubmission.size(), "threads in a submission: " + inSubmission);
            assertTrue(inSubmission.get(0).startsWith("newsbatch-submit-"), "threads in a submission: " + inSubmission);
            HttpCalls.Answer status = http.get("/batch/status/" + known);
            assertEquals(200, status.status(), status.toString());
            assertEquals("SUCCEEDED", status.json().get("state").asText(), status.body());
            assertFalse(held.isDone(), "the held submission is still waiting for its page");
        } finally {
            site.release();
        }
        HttpCalls.Answer a = held.get();
        assertEquals(200, a.status(), a.toString());
        assertEquals("SUBMITTED", a.json().get("status").asText(), a.body());
    }

    @Test
    void submitWithoutWaitAnswersWithTheJob() {
        HttpCalls.Answer a = http.post("/batch/submit", body("quick", false, "/news/d"));
        assertEquals(200, a.status(), a.toString());
        assertTrue(a.json().get("job_id").asText().startsWith("batches/"), a.body());
        assertEquals("SUBMITTED", a.json().get("status").asText(), a.body());
    }

    @Test
    void userInformationOfUrlsIsNotEchoed() {
        String url = site.url("/gone").replace("://", "://reader:pw-7731@");
        HttpCalls.Answer a = http.post("/batch/submit", "{\"urls\":[\"" + site.url("/news/a") + "\",\"" + url
                + "\"],\"batch_name\":\"creds\",\"wait_for_completion\":true}");
        assertEquals(200, a.status(), a.toString());
        assertFalse(a.body().contains("pw-7731") || a.body().contains("reader:"), a.body());
        assertEquals(site.url("/gone").replace("://", "://***@"), a.json().get("errors").get(0).get("url").asText(),
                a.body());
    }
}
