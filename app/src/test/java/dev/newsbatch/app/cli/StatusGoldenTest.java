package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden output of {@code status} for finished, cancelled and capped runs on the embedded emulator, and
 * the states the other commands report for the same runs. Times and Gemini's job ids vary per run and
 * are replaced by {@code <time>} and {@code <id>} after their format is checked.
 */
class StatusGoldenTest {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC";

    @TempDir
    Path tmp;

    private CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("batch_jobs"), args);
    }

    @Test
    void aFinishedRunAndOneOfItsJobs() {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 6);
        JsonNode submitted = cli("submit-contents", file.toString(), "--name", "golden", "--batch-size", "2", "--wait",
                "--poll-ms", "50", "--json").json();
        String job = submitted.get("job_ids").get(0).asText();

        assertEquals("""
                Run:      golden (batch)
                State:    DONE
                Progress: [##############################] 100.0%  6/6 done, 0 failed, 0 in flight, 0 pending; \
                jobs 3/3 done
                """, cli("status", "golden").out());

        String jobStatus = cli("status", job).out();
        assertEquals("""
                Job:      batches/<id>   (run golden)
                State:    SUCCEEDED
                Progress: [##############################] 100.0%  2/2 requests
                Created:  <time>   updated: <time>
                Next:     newsbatch results batches/<id> golden
                """, normalise(jobStatus));

        String created = jobStatus.lines().filter(l -> l.startsWith("Created:")).findFirst().orElseThrow()
                .substring("Created:  ".length(), "Created:  ".length() + 23);
        String list = cli("list", "--jobs").out();
        String row = list.lines().filter(l -> l.contains(job)).findFirst().orElseThrow(() -> new AssertionError(list));
        assertTrue(row.contains(created), "list shows the creation time status shows, " + created + ": " + row);
    }

    @Test
    void aCancelledRunIsCancelledInStatusAndInTheRunList() {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 4);
        assertEquals(0, cli("submit-contents", file.toString(), "--name", "stopped", "--batch-size", "2").exitCode());
        String cancelled = cli("cancel", "stopped").out();
        assertTrue(cancelled.startsWith("Run stopped cancelled; state now CANCELLED ("), cancelled);

        String status = cli("status", "stopped").out();
        assertTrue(status.startsWith("Run:      stopped (batch)\nState:    CANCELLED\n"), status);
        assertEquals("CANCELLED", cli("status", "stopped", "--json").json().get("state").asText());
        assertEquals("CANCELLED", dev.newsbatch.Batches.runs(tmp.resolve("batch_jobs")).get(0).state());
    }

    @Test
    void aRealTimeRunStoppedByItsDailyCapIsPausedUntilTheNextQuotaDay() {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 5);
        CliRun run = cli("large", "realtime", file.toString(), "--rpd", "2", "--rpm", "600", "--name", "capped");
        assertEquals(1, run.exitCode(), run.toString());

        String status = cli("status", "capped").out();
        assertEquals("""
                Run:      capped (realtime)
                State:    PAUSED until <time> (daily cap reached)
                Progress: [############..................]  40.0%  2/5 done, 0 failed, 3 pending; paused until <time>
                Next:     newsbatch status capped   (again later)
                """, normalise(status));
        JsonNode json = cli("status", "capped", "--json").json();
        assertEquals("PAUSED", json.get("state").asText());
        assertEquals(0, json.get("in_flight").asInt(), "nothing is in flight while paused");
        assertTrue(json.get("paused_until").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:00:00Z"), json.toString());
        assertEquals("PAUSED", dev.newsbatch.Batches.runs(tmp.resolve("batch_jobs")).get(0).state());
    }

    @Test
    void theResumeHintIsTheCommandAsTypedWithTheRunsName() {
        assertEquals("interrupted; resume with: newsbatch submit-contents big.json --name demo --wait",
                ResumeHint.text(List.of("submit-contents", "big.json", "--name", "demo", "--wait"), "demo"));
        assertEquals("interrupted; resume with: newsbatch large batch 'my file.jsonl' --name run-0123456789ab",
                ResumeHint.text(List.of("large", "batch", "my file.jsonl"), "run-0123456789ab"));
    }

    private static String normalise(String out) {
        return out.replaceAll(TIME, "<time>").replaceAll("batches/[A-Za-z0-9_-]+", "batches/<id>");
    }
}
