package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty clients polling {@code GET /batch/status/{job_id}} at once: no errors, and the figures printed.
 * The suite runs it for 10 seconds ({@code -Dnewsbatch.load.seconds=N} to change); {@link #main} runs
 * the 30-second version.
 */
class StatusLoadTest {
    static final int CLIENTS = 50;

    @TempDir
    Path tmp;

    @Test
    void fiftyClientsPollingStatusGetNoErrors() throws Exception {
        int seconds = Integer.getInteger("newsbatch.load.seconds", 10);
        StatusLoad.LoadFigures f = measure(tmp, Duration.ofSeconds(seconds));
        System.out.println("status load: " + f);
        assertEquals(0, f.errors(), f.toString());
        assertTrue(f.requests() >= CLIENTS, f.toString());
    }

    static StatusLoad.LoadFigures measure(Path dir, Duration duration) throws Exception {
        try (NewsbatchApi api = NewsbatchApi.start(ApiSettings.ofDefaults().port(0).directory(dir.resolve("batch_jobs"))
                .pollInterval(Duration.ofMillis(50)))) {
            HttpCalls http = new HttpCalls(api.baseUrl(), null);
            String jobId = http.post("/batch/submit-contents", HttpCalls.articles(10, "load", true)).json()
                    .get("job_id").asText();
            return StatusLoad.run(api.baseUrl() + "/batch/status/" + jobId, CLIENTS, duration);
        }
    }

    /** The 30-second version: {@code java -cp <test class path> dev.newsbatch.app.rest.StatusLoadTest [seconds]}. */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path dir = Files.createTempDirectory("newsbatch-load");
        StatusLoad.LoadFigures f = measure(dir, Duration.ofSeconds(seconds));
        System.out.println("status load: " + f);
        System.out.printf(Locale.ROOT, "status-load-rate %.0f requests/s (goal >= 500, %d clients)%n", f.perSecond(),
                f.clients());
        System.out.printf(Locale.ROOT, "status-load-p99 %.0f ms (goal <= 500)%n", f.p99Millis());
        System.out.printf(Locale.ROOT, "status-load-errors %d count (goal = 0)%n", f.errors());
        System.exit(0);
    }
}
