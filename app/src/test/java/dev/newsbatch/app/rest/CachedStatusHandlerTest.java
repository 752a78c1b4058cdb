package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status of a known job, answered ahead of the route table over real HTTP: the same answer as
 * the route's, and only when the route would give it; every other request goes on to the route.
 */
class CachedStatusHandlerTest {
    private static final String TOKEN = "status-token-41c9";
    private static final long LIMIT = 2_048;

    @TempDir
    static Path tmp;
    static NewsbatchApi api;
    static HttpCalls authorised;
    static String job;

    @BeforeAll
    static void start() {
        api = NewsbatchApi.start(ApiSettings.ofDefaults().port(0).directory(tmp.resolve("batch_jobs")).token(TOKEN)
                .maxBodyBytes(LIMIT).pollInterval(Duration.ofMillis(50)));
        authorised = new HttpCalls(api.baseUrl(), TOKEN);
        job = authorised.post("/batch/submit-contents", HttpCalls.articles(2, "ahead", true)).json()
                .get("job_id").asText();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** The status once asked through the route, so that the job's answer is in memory. */
    private static HttpCalls.Answer known() {
        HttpCalls.Answer first = authorised.get("/batch/status/" + job);
        assertEquals(200, first.status(), first.toString());
        return first;
    }

    @Test
    void aKnownJobIsAnsweredAheadWithTheRoutesAnswer() {
        HttpCalls.Answer first = known();
        long before = api.statusAnswersAhead();
        HttpCalls.Answer again = authorised.get("/batch/status/" + job);
        HttpCalls.Answer withQuery = authorised.get("/batch/status/" + job + "?fields=all");
        assertEquals(before + 2, api.statusAnswersAhead(), "answered ahead of the route");
        for (HttpCalls.Answer a : new HttpCalls.Answer[] {again, withQuery}) {
            assertEquals(200, a.status());
            assertEquals(first.body(), a.body());
            assertEquals(first.headers().firstValue("Content-Type"), a.headers().firstValue("Content-Type"));
            assertEquals(first.headers().firstValue("Content-Length"), a.headers().firstValue("Content-Length"));
            assertEquals("SUCCEEDED", a.json().get("state").asText());
            assertEquals("ahead", a.json().get("batch_name").asText());
        }
    }

    @Test
    void withoutTheTokenTheRouteRefusesAsBefore() {
        known();
        long before = api.statusAnswersAhead();
        for (HttpCalls calls : new HttpCalls[] {new HttpCalls(api.baseUrl(), null), authorised.withToken("other")}) {
            HttpCalls.Answer a = calls.get("/batch/status/" + job);
            assertEquals(401, a.status(), a.toString());
            assertEquals("unauthorized", a.json().get("error").asText());
            assertFalse(a.body().contains(job), "the job's status is not given away: " + a.body());
        }
        assertEquals(before, api.statusAnswersAhead());
    }

    @Test
    void everyOtherRequestGoesOnToTheRoute() {
        HttpCalls.Answer first = known();
        long before = api.statusAnswersAhead();
        assertEquals(404, authorised.get("/batch/status/batches/nosuchjob").status());
        HttpCalls.Answer bad = authorised.get("/batch/status/jobs/123");
        assertEquals(400, bad.status(), bad.toString());
        assertEquals("job_id", bad.json().get("field").asText());
        // an id that needs decoding is the route's to read (it decodes the slash)
        HttpCalls.Answer encoded = authorised.get("/batch/status/" + job.replace("/", "%2F"));
        assertEquals(200, encoded.status(), encoded.toString());
        assertEquals(first.body(), encoded.body());
        HttpCalls.Answer posted = authorised.post("/batch/status/" + job, "{}");
        assertEquals(404, posted.status(), posted.toString());
        // a declared body over the limit is refused by the guard on a GET too
        HttpCalls.Answer large = authorised.send(authorised.request("/batch/status/" + job)
                .method("GET", HttpRequest.BodyPublishers.ofString("x".repeat((int) LIMIT + 1))));
        assertEquals(413, large.status(), large.toString());
        assertEquals(before, api.statusAnswersAhead(), "none of these was answered ahead of the route");
    }

    @Test
    void theFirstRequestAboutAJobIsTheRoutes() {
        String other = authorised.post("/batch/submit-contents", HttpCalls.articles(1, "ahead-2", true)).json()
                .get("job_id").asText();
        long before = api.statusAnswersAhead();
        HttpCalls.Answer first = authorised.get("/batch/status/" + other);
        assertEquals(200, first.status(), first.toString());
        assertEquals(before, api.statusAnswersAhead(), "the first answer comes from the route");
        assertEquals(first.body(), authorised.get("/batch/status/" + other).body());
        assertEquals(before + 1, api.statusAnswersAhead());
    }
}
