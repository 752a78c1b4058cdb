package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.app.NewsPages;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.GeminiEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as separate processes, the way {@code ./newsbatch} runs it: state carries from
 * one process to the next through the batch directory.
 */
class ChildProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("..", "samples", "batch_contents.json").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void aFirstSessionCarriesFromProcessToProcess() throws Exception {
        assertTrue(Files.exists(SAMPLES), SAMPLES.toString());
        ChildProcess.Outcome submit = ChildProcess.run(tmp, Map.of(), "submit-contents", SAMPLES.toString(),
                "--name", "demo", "--wait", "--poll-ms", "50");
        assertEquals(0, submit.exitCode(), submit.toString());
        assertTrue(submit.out().contains("Results saved to batch_jobs/results_demo.json"), submit.out());
        assertTrue(submit.err().contains("embedded Gemini emulator"), submit.err());
        assertTrue(Files.exists(tmp.resolve("batch_jobs/results_demo.json")));

        ChildProcess.Outcome list = ChildProcess.run(tmp, Map.of(), "list", "--jobs", "--json");
        assertEquals(0, list.exitCode(), list.toString());
        JsonNode job = JSON.readTree(list.out()).get("jobs").get(0);
        String jobId = job.get("job_id").asText();
        assertEquals("demo", job.get("run_id").asText());

        ChildProcess.Outcome status = ChildProcess.run(tmp, Map.of(), "status", jobId);
        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.out().contains("SUCCEEDED"), status.out());

        ChildProcess.Outcome results = ChildProcess.run(tmp, Map.of(), "results", jobId, "demo");
        assertEquals(0, results.exitCode(), results.toString());
        assertTrue(results.out().contains("120 classified"), results.out());
    }

    @Test
    void badInputExitsWithTwoAndNoStackTrace() {
        ChildProcess.Outcome run = ChildProcess.run(tmp, Map.of(), "submit-contents", "missing.json", "--name", "x");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("newsbatch: error: file missing.json does not exist or is not a regular file", run.err().strip());
    }

    @Test
    void submitOfUrlsWithJsonPrintsOneDocumentOnStandardOutput() throws Exception {
        try (NewsPages site = NewsPages.start()) {
            Path urls = SampleArticles.write(tmp.resolve("urls.txt"), site.url("/news/a") + "\n"
                    + site.url("/news/b") + "\n");
            ChildProcess.Outcome run = ChildProcess.run(tmp, Map.of(), "submit", urls.toString(), "--name", "web",
                    "--allow-private-urls", "--wait", "--poll-ms", "50", "--json");
            assertEquals(0, run.exitCode(), run.toString());
            JsonNode n = JSON.readTree(run.out());
            assertEquals(2, n.get("summary").get("classified").asInt(), run.toString());
            assertTrue(run.err().contains("2/2 pages"), "the fetch bar goes to stderr: " + run.err());
        }
    }

    @Test
    void emulatorCommandPrintsItsBaseUrlAndServes() throws Exception {
        try (ChildProcess child = ChildProcess.start(tmp, Map.of(), "emulator", "--port", "0", "--state",
                tmp.resolve("state").toString())) {
            String line = child.awaitLine("listening on http://127.0.0.1:");
            String baseUrl = line.replaceAll(".*(http://127\\.0\\.0\\.1:\\d+).*", "$1");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/v1beta/batches?key=any")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            child.stop();
        }
    }

    @Test
    void stoppingAWaitingSubmissionEndsTheLineAndSaysHowToResume() throws Exception {
        Path file = SampleArticles.jsonArray(tmp.resolve("hint.json"), 3);
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0)
                .stateDir(tmp.resolve("emulator")).startDelay(java.time.Duration.ofHours(1)));
             ChildProcess child = ChildProcess.start(tmp, Map.of("GOOGLE_API_KEY", "test-key",
                     "GOOGLE_GEMINI_BASE_URL", emulator.baseUrl()), "submit-contents", file.toString(),
                     "--name", "hint", "--wait", "--poll-ms", "50")) {
            child.awaitLine("Waiting for run hint to finish");
            ChildProcess.Outcome stopped = child.stop();
            assertTrue(stopped.err().contains("\ninterrupted; resume with: newsbatch submit-contents "
                    + file + " --name hint --wait --poll-ms 50"), stopped.toString());
        }
    }

    @Test
    void serveKeepsTheGeminiKeyOutOfResponsesAndLogs() throws Exception {
        String key = "AIzaTEST-never-print-this-0123456789";
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0)
                .stateDir(tmp.resolve("emulator")));
             ChildProcess child = ChildProcess.start(tmp, Map.of("GOOGLE_API_KEY", key,
                     "GOOGLE_GEMINI_BASE_URL", emulator.baseUrl()), "serve", "--port", "0", "--poll-ms", "50")) {
            String line = child.awaitLine("listening on http://127.0.0.1:");
            String base = line.replaceAll(".*(http://127\\.0\\.0\\.1:\\d+).*", "$1");
            HttpClient http = HttpClient.newHttpClient();
            List<String> bodies = new ArrayList<>();
            bodies.add(get(http, base + "/health"));
            String submitted = post(http, base + "/batch/submit-contents",
                    "{\"contents\":[{\"id\":\"k1\",\"title\":\"t\",\"contents\":\"Bosphorus Bank profit rose.\"}],"
                    + "\"batch_name\":\"keyed\",\"wait_for_completion\":true}");
            bodies.add(submitted);
            String jobId = JSON.readTree(submitted).get("job_id").asText();
            bodies.add(get(http, base + "/batch/status/" + jobId));
            bodies.add(get(http, base + "/batch/results/" + jobId + "/keyed"));
            bodies.add(get(http, base + "/batch/status/batches/unknownjob"));
            bodies.add(get(http, base + "/batch/jobs"));
            bodies.add(get(http, base + "/openapi.json"));
            assertTrue(bodies.get(0).contains("custom_endpoint"), bodies.get(0));
            assertTrue(bodies.get(1).contains("COMPLETED"), bodies.get(1));
            assertTrue(bodies.get(4).contains("not_found"), bodies.get(4));
            ChildProcess.Outcome log = child.stop();
            for (String body : bodies) {
                assertFalse(body.contains(key), body);
            }
            assertFalse(log.out().contains(key) || log.err().contains(key), log.toString());
            for (String banner : List.of("Starting Javalin", "days old", "Javalin started", "You are running Javalin")) {
                assertFalse(log.toString().contains(banner), "Javalin's own start-up lines in the log: " + log);
            }
            assertTrue(log.toString().contains("newsbatch API listening on"), log.toString());
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(HttpClient http, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
