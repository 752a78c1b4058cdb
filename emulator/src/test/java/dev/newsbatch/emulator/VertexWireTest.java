package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Vertex AI and Cloud Storage routes on the wire: states, paging and error bodies (raw HTTP). */
class VertexWireTest {
    private static final String JOBS = "/v1beta1/projects/p/locations/us-central1/batchPredictionJobs";
    private static final String LINE = "{\"request\":{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Rates rose\"}]}],"
            + "\"labels\":{\"newsbatch_key\":\"a-1\"}}}\n";

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-06-01T00:00:00Z"));
    GeminiEmulator emu;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        emu = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(dir).clock(clock));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void aJobWithoutABearerTokenIsUnauthenticatedWithGooglesErrorBody() throws Exception {
        HttpResponse<String> r = send("GET", JOBS, null, false);
        assertEquals(401, r.statusCode(), r.body());
        JsonNode e = Json.parse(r.body()).path("error");
        assertEquals(401, e.path("code").asInt());
        assertEquals("UNAUTHENTICATED", e.path("status").asText());
    }

    @Test
    void aJobBeyondTheConcurrentJobLimitOfItsProjectAndRegionIsRefusedWith429() throws Exception {
        emu.vertexConcurrentJobs(2);
        assertEquals(200, send("POST", "/upload/storage/v1/b/bkt/o?uploadType=media&name=in%2Freq.jsonl", LINE,
                false).statusCode());
        String body = "{\"model\":\"publishers/google/models/" + model() + "\","
                + "\"inputConfig\":{\"instancesFormat\":\"jsonl\",\"gcsSource\":{\"uris\":[\"gs://bkt/in/req.jsonl\"]}},"
                + "\"outputConfig\":{\"predictionsFormat\":\"jsonl\",\"gcsDestination\":{\"outputUriPrefix\":\"gs://bkt/o/\"}}}";
        assertEquals(200, send("POST", JOBS, body, true).statusCode());
        assertEquals(200, send("POST", JOBS, body, true).statusCode());
        // another region is another quota
        assertEquals(200, send("POST", JOBS.replace("us-central1", "europe-west4"), body, true).statusCode());
        HttpResponse<String> third = send("POST", JOBS, body, true);
        assertEquals(429, third.statusCode(), third.body());
        JsonNode e = Json.parse(third.body()).path("error");
        assertEquals(429, e.path("code").asInt());
        assertEquals("RESOURCE_EXHAUSTED", e.path("status").asText());
        assertTrue(e.path("message").asText().contains("2 of 2 batch prediction jobs are running in "
                + "projects/p/locations/us-central1"), e.toString());
        assertEquals(1, emu.vertexJobsRefused());
        assertEquals(2, emu.vertexPeakJobs());
        clock.advance(java.time.Duration.ofHours(1));   // the first two end: room again
        assertEquals(200, send("POST", JOBS, body, true).statusCode());
    }

    @Test
    void aJobRunsPendingToSucceededAndWritesShuffledPredictionsWithTheRequestEchoed() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            lines.append(LINE.replace("a-1", "a-" + i));
        }
        assertEquals(200, send("POST", "/upload/storage/v1/b/bkt/o?uploadType=media&name=in%2Freq.jsonl",
                lines.toString(), false).statusCode());
        String body = "{\"displayName\":\"d1\",\"model\":\"publishers/google/models/" + model() + "\","
                + "\"inputConfig\":{\"instancesFormat\":\"jsonl\",\"gcsSource\":{\"uris\":[\"gs://bkt/in/req.jsonl\"]}},"
                + "\"outputConfig\":{\"predictionsFormat\":\"jsonl\",\"gcsDestination\":{\"outputUriPrefix\":\"gs://bkt/out/\"}}}";
        HttpResponse<String> created = send("POST", JOBS, body, true);
        assertEquals(200, created.statusCode(), created.body());
        JsonNode job = Json.parse(created.body());
        String name = job.path("name").asText();
        assertTrue(name.matches("projects/p/locations/us-central1/batchPredictionJobs/[1-9][0-9]{18}"), name);
        assertEquals("JOB_STATE_PENDING", job.path("state").asText());

        clock.advance(java.time.Duration.ofHours(1));
        JsonNode done = Json.parse(send("GET", "/v1beta1/" + name, null, true).body());
        assertEquals("JOB_STATE_SUCCEEDED", done.path("state").asText(), done.toString());
        assertEquals("12", done.path("completionStats").path("successfulCount").asText());
        String outDir = done.path("outputInfo").path("gcsOutputDirectory").asText();
        assertTrue(outDir.startsWith("gs://bkt/out/prediction-model-"), outDir);

        JsonNode listed = Json.parse(send("GET", "/storage/v1/b/bkt/o?prefix=out%2F&maxResults=1", null, false).body());
        assertEquals(1, listed.path("items").size());
        String object = listed.path("items").get(0).path("name").asText();
        assertTrue(object.endsWith("/predictions.jsonl"), object);
        String predictions = send("GET", "/storage/v1/b/bkt/o/" + java.net.URLEncoder.encode(object,
                StandardCharsets.UTF_8) + "?alt=media", null, false).body();
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (String l : predictions.split("\n")) {
            JsonNode p = Json.parse(l);
            assertEquals("", p.path("status").asText());
            assertTrue(p.path("response").path("candidates").isArray(), l);
            keys.add(p.path("request").path("labels").path("newsbatch_key").asText());
        }
        assertEquals(12, keys.size());
        assertFalse(keys.equals(java.util.stream.IntStream.range(0, 12).mapToObj(i -> "a-" + i).toList()),
                "predictions come in an order of their own: " + keys);

        HttpResponse<String> cancel = send("POST", "/v1beta1/" + name + ":cancel", "{}", true);
        assertEquals(400, cancel.statusCode(), cancel.body());
        assertEquals("FAILED_PRECONDITION", Json.parse(cancel.body()).path("error").path("status").asText());
        assertEquals(200, send("DELETE", "/v1beta1/" + name, null, true).statusCode());
        HttpResponse<String> gone = send("GET", "/v1beta1/" + name, null, true);
        assertEquals(404, gone.statusCode(), gone.body());
        assertEquals("NOT_FOUND", Json.parse(gone.body()).path("error").path("status").asText());
    }

    @Test
    void listingPagesThroughObjectsUnderAPrefixAndMissingObjectsAre404() throws Exception {
        for (String n : new String[] {"a/1", "a/2", "a/3", "b/1"}) {
            send("POST", "/upload/storage/v1/b/bkt/o?uploadType=media&name=" + n.replace("/", "%2F"), "x", false);
        }
        JsonNode first = Json.parse(send("GET", "/storage/v1/b/bkt/o?prefix=a%2F&maxResults=2", null, false).body());
        assertEquals(2, first.path("items").size());
        String token = first.path("nextPageToken").asText();
        JsonNode second = Json.parse(send("GET", "/storage/v1/b/bkt/o?prefix=a%2F&maxResults=2&pageToken=" + token,
                null, false).body());
        assertEquals(1, second.path("items").size());
        assertEquals("a/3", second.path("items").get(0).path("name").asText());
        assertFalse(second.has("nextPageToken"));
        assertEquals(404, send("GET", "/storage/v1/b/bkt/o/nope", null, false).statusCode());
    }

    private static String model() {
        return ModelCatalog.bare(Sdk.defaultModel());
    }

    private HttpResponse<String> send(String method, String path, String body, boolean token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token) {
            b.header("Authorization", "Bearer test-token");
        }
        b.header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
