package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The submitting and job commands, in process, against the embedded emulator. */
class SubmitAndResultsCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path dir() {
        return tmp.resolve("batch_jobs");
    }

    private CliRun cli(String... args) {
        return CliRun.in(dir(), args);
    }

    @Test
    void submitContentsWithWaitSavesResultsAndPrintsSummary() throws Exception {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 5);
        CliRun run = cli("submit-contents", file.toString(), "--name", "demo", "--wait", "--poll-ms", "50");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Results saved to"), run.out());
        assertTrue(run.out().contains("Financial:"), run.out());
        assertTrue(run.out().contains("Sentiment:"), run.out());
        JsonNode saved = JSON.readTree(dir().resolve("results_demo.json").toFile());
        assertEquals(5, saved.size());
        assertTrue(saved.get(0).has("is_financial"));
    }

    @Test
    void submitContentsWithoutWaitPrintsJobIdAndWhatToRunNext() {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 3);
        CliRun run = cli("submit-contents", file.toString(), "--name", "later");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s).*batches/\\S+.*"), run.out());
        assertTrue(run.out().contains("newsbatch status batches/"), run.out());
        assertTrue(run.out().contains("newsbatch results batches/"), run.out());
    }

    @Test
    void submittingTheSameNameAgainSubmitsNothingTwice() {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 3);
        cli("submit-contents", file.toString(), "--name", "once");
        CliRun again = cli("submit-contents", file.toString(), "--name", "once", "--json");
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(1, again.json().get("job_ids").size(), again.out());
        assertEquals(1, cli("list", "--json").json().get("total").asInt());
    }

    @Test
    void resultsOfOneJobUnderTheRunsNameKeepTheWholeRunsFile() throws Exception {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 6);
        JsonNode submitted = cli("submit-contents", file.toString(), "--name", "whole", "--batch-size", "2", "--wait",
                "--poll-ms", "50", "--json").json();
        assertEquals(3, submitted.get("job_ids").size(), submitted.toString());
        String first = submitted.get("job_ids").get(0).asText();

        CliRun one = cli("results", first, "whole");
        assertEquals(0, one.exitCode(), one.toString());
        assertTrue(one.out().contains("2 classified"), one.out());
        assertEquals(6, JSON.readTree(dir().resolve("results_whole.json").toFile()).size(),
                "the run's file keeps every article of the run");

        CliRun run = cli("results", "whole");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("6 classified"), run.out());
    }

    @Test
    void jsonOutputOfWaitingSubmissionIsOneDocument() {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 4);
        CliRun run = cli("submit-contents", file.toString(), "--name", "js", "--wait", "--poll-ms", "50", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode n = run.json();
        assertEquals("COMPLETED", n.get("status").asText());
        assertEquals("js", n.get("batch_name").asText());
        assertEquals(4, n.get("summary").get("classified").asInt());
        assertTrue(n.get("job_id").asText().startsWith("batches/"));
    }

    @Test
    void statusListAndResultsFollowASubmission() {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 5);
        String jobId = cli("submit-contents", file.toString(), "--name", "flow", "--wait", "--poll-ms", "50", "--json")
                .json().get("job_id").asText();

        CliRun status = cli("status", jobId);
        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.out().contains("SUCCEEDED"), status.out());
        assertTrue(status.out().contains("newsbatch results " + jobId + " flow"), status.out());

        CliRun list = cli("list", "--jobs");
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains(jobId) && list.out().contains("flow"), list.out());

        CliRun results = cli("results", jobId, "report", "--show-preview");
        assertEquals(0, results.exitCode(), results.toString());
        assertTrue(results.out().contains("Preview:"), results.out());
        assertTrue(results.out().contains("a1"), results.out());
        assertTrue(Files.exists(dir().resolve("results_report.json")));
    }

    @Test
    void statusJsonCarriesTheJobFields() {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 2);
        String jobId = cli("submit-contents", file.toString(), "--name", "sj", "--json").json().get("job_id").asText();
        JsonNode n = cli("status", jobId, "--json").json();
        assertEquals(jobId, n.get("job_id").asText());
        assertEquals("sj", n.get("run_id").asText());
        assertEquals(2, n.get("requests").asInt());
    }

    @Test
    void statusOfARunByNameSumsItsJobs() {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 3);
        cli("submit-contents", file.toString(), "--name", "byname", "--wait", "--poll-ms", "50");
        JsonNode n = cli("status", "byname", "--json").json();
        assertEquals("DONE", n.get("state").asText());
        assertEquals(3, n.get("done").asInt());
    }

    @Test
    void cancelByRunNameStopsTheRun() {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 3);
        cli("submit-contents", file.toString(), "--name", "stopme");
        CliRun cancel = cli("cancel", "stopme", "--json");
        assertEquals(0, cancel.exitCode(), cancel.toString());
        assertEquals("stopme", cancel.json().get("run_id").asText());
    }

    @Test
    void cancelByJobIdAnswersWithTheJobState() {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 3);
        String jobId = cli("submit-contents", file.toString(), "--name", "cj", "--json").json().get("job_id").asText();
        CliRun cancel = cli("cancel", jobId);
        assertEquals(0, cancel.exitCode(), cancel.toString());
        assertTrue(cancel.out().contains("Cancel requested for " + jobId), cancel.out());
    }

    @Test
    void listOfAnEmptyDirectorySaysWhatToDo() {
        CliRun list = cli("list");
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains("No runs"), list.out());
        assertEquals(0, cli("list", "--json").json().get("runs").size());
        assertTrue(cli("list", "--jobs").out().contains("No jobs"));
        assertEquals(0, cli("list", "--jobs", "--json").json().get("jobs").size());
    }

    @Test
    void largeBatchInWavesRunsToCompletion() {
        Path file = SampleArticles.jsonLines(tmp.resolve("large.jsonl"), 12);
        CliRun run = cli("large", "batch", file.toString(), "--mode", "waves", "--name", "big", "--batch-size", "5",
                "--poll-ms", "50");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Plan: 12 articles, 3 batch jobs"), run.out());
        assertTrue(Files.exists(dir().resolve("results_big.json")));
        assertEquals(3, cli("list", "--jobs", "--json").json().get("jobs").size());
    }

    @Test
    void largeRealtimeStopsAtTheDailyCapAndSaysHowToContinue() {
        Path file = SampleArticles.jsonLines(tmp.resolve("rt.jsonl"), 4);
        CliRun run = cli("large", "realtime", file.toString(), "--rpm", "6000", "--per-day", "2", "--name", "rt");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("2 of 4 articles classified"), run.out());
        assertTrue(run.out().contains("Run the same command again"), run.out());
        JsonNode list = cli("list", "--jobs", "--json").json();
        assertEquals("rt", list.get("runs_without_jobs").get(0).get("run_id").asText());
    }

    @Test
    void largeRealtimeWithoutCapClassifiesEverything() {
        Path file = SampleArticles.jsonLines(tmp.resolve("rt.jsonl"), 3);
        CliRun run = cli("large", "realtime", file.toString(), "--rpm", "6000", "--name", "rt2", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(3, run.json().get("summary").get("classified").asInt());
        assertFalse(run.json().get("status").asText().isEmpty());
    }
}
