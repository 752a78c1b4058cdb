package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.InputProblem;
import dev.newsbatch.emulator.Faults;
import dev.newsbatch.emulator.GeminiEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands a person uses around whole runs, each as a separate {@code newsbatch} process: runs by
 * name, retry, results tables and exports, standard input, classify, version, completion, the config
 * file and cleanup.
 */
class RunCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** No config file from the machine's home directory. */
    private Map<String, String> env() {
        return Map.of("HOME", tmp.toString());
    }

    private ChildProcess.Outcome run(String... args) {
        return ChildProcess.run(tmp, env(), args);
    }

    private static JsonNode json(ChildProcess.Outcome o) throws Exception {
        return JSON.readTree(o.out());
    }

    @Test
    void retrySendsTheFailedArticlesOfARunOnceMoreAndCleanupKeepsWhatRetryNeeds() throws Exception {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 3);
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0)
                .stateDir(tmp.resolve("emulator")))) {
            emulator.faults(Faults.none().itemErrorRate(1.0));
            Map<String, String> env = new HashMap<>(env());
            env.put("GOOGLE_API_KEY", "test-key");
            env.put("GOOGLE_GEMINI_BASE_URL", emulator.baseUrl());

            ChildProcess.Outcome failed = ChildProcess.run(tmp, env, "submit-contents", file.toString(), "--name",
                    "flaky", "--wait", "--poll-ms", "50");
            assertEquals(1, failed.exitCode(), failed.toString());
            JsonNode row = json(ChildProcess.run(tmp, env, "list", "--json")).get("runs").get(0);
            assertEquals("flaky", row.get("run_id").asText());
            assertEquals(3, row.get("failed").asInt(), row.toString());
            assertEquals(0, row.get("done").asInt(), row.toString());

            JsonNode plan = json(ChildProcess.run(tmp, env, "cleanup", "--json"));
            boolean requestsKept = false;
            for (JsonNode f : plan.get("files")) {
                if (f.get("path").asText().contains("requests")) {
                    requestsKept = !f.get("deletable").asBoolean() && f.get("reason").asText().contains("retry");
                }
            }
            assertTrue(requestsKept, "request files of a run with failures stay for retry: " + plan);

            emulator.faults(Faults.none());
            ChildProcess.Outcome retried = ChildProcess.run(tmp, env, "retry", "flaky", "--wait", "--json");
            assertEquals(0, retried.exitCode(), retried.toString());
            assertEquals(3, json(retried).get("summary").get("classified").asInt(), retried.out());
            assertEquals(0, json(retried).get("summary").get("failed").asInt(), retried.out());

            ChildProcess.Outcome again = ChildProcess.run(tmp, env, "retry", "flaky");
            assertEquals(0, again.exitCode(), again.toString());
            assertTrue(again.out().contains("Nothing to retry in run flaky: it has no failed articles"), again.out());
            JsonNode after = json(ChildProcess.run(tmp, env, "list", "--json")).get("runs").get(0);
            assertEquals(3, after.get("done").asInt(), after.toString());
            assertEquals("DONE", after.get("state").asText(), after.toString());
        }
    }

    @Test
    void retryOfAJobIdOrAnUnknownRunExitsWithTwo() {
        ChildProcess.Outcome job = run("retry", "batches/abc");
        assertEquals(2, job.exitCode(), job.toString());
        assertTrue(job.err().contains("run's name, not a job id"), job.err());
        ChildProcess.Outcome unknown = run("retry", "nosuchrun");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("no job or run named \"nosuchrun\""), unknown.err());
    }

    @Test
    void resultsOfARunPrintATableThatFitsTheTerminalAndExportCsvAndJsonLines() throws Exception {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 5);
        assertEquals(0, run("submit-contents", file.toString(), "--name", "demo", "--wait", "--poll-ms", "50")
                .exitCode());
        Map<String, String> narrow = new HashMap<>(env());
        narrow.put("COLUMNS", "100");
        ChildProcess.Outcome shown = ChildProcess.run(tmp, narrow, "results", "demo", "--csv", "demo.csv", "--jsonl",
                "demo.jsonl");
        assertEquals(0, shown.exitCode(), shown.toString());
        assertTrue(shown.out().contains("Results of run demo: 5 classified, 0 failed"), shown.out());
        String header = shown.out().lines().filter(l -> l.startsWith("id ")).findFirst().orElseThrow(
                () -> new AssertionError("no table: " + shown.out()));
        for (String column : List.of("fin", "sentiment", "conf", "sectors", "companies", "summary")) {
            assertTrue(header.contains(column), header);
        }
        shown.out().lines().filter(l -> l.startsWith("a")).forEach(l -> assertTrue(l.length() <= 100,
                "a table row wider than COLUMNS: " + l.length() + " " + l));
        assertTrue(shown.out().lines().anyMatch(l -> l.startsWith("a1 ")), shown.out());

        List<String> csv = Files.readAllLines(tmp.resolve("demo.csv"));
        assertEquals(6, csv.size(), "header and 5 rows: " + csv);
        assertTrue(csv.get(0).startsWith("id,title,url,page_title,is_financial"), csv.get(0));
        List<String> jsonl = Files.readAllLines(tmp.resolve("demo.jsonl"));
        assertEquals(5, jsonl.size());
        for (String line : jsonl) {
            assertTrue(JSON.readTree(line).has("sentiment"), line);
        }
        JsonNode asJson = json(run("results", "demo", "--json"));
        assertEquals(5, asJson.get("rows").size());
        assertEquals("demo", asJson.get("run_id").asText());
    }

    @Test
    void resultsOfARunExportParquetThatDuckDbReadsBack() throws Exception {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 4);
        assertEquals(0, run("submit-contents", file.toString(), "--name", "pq", "--wait", "--poll-ms", "50")
                .exitCode());
        ChildProcess.Outcome shown = run("results", "pq", "--parquet", "pq.parquet", "--json");
        assertEquals(0, shown.exitCode(), shown.toString());
        JsonNode out = json(shown);
        assertEquals("pq.parquet", out.get("parquet_file").asText());
        JsonNode rows = out.get("rows");
        assertEquals(4, rows.size());
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement q = db.prepareStatement("SELECT id, is_financial, sentiment, confident_score, sector,"
                     + " companies FROM read_parquet(?)")) {
            q.setString(1, tmp.resolve("pq.parquet").toString());
            try (ResultSet rs = q.executeQuery()) {
                for (JsonNode row : rows) {
                    assertTrue(rs.next(), "fewer Parquet rows than results");
                    assertEquals(row.get("id").asText(), rs.getString("id"));
                    assertEquals(row.get("is_financial").asText(), rs.getString("is_financial"));
                    assertEquals(row.get("sentiment").asText(), rs.getString("sentiment"));
                    assertEquals(row.get("confident_score").asLong(), rs.getLong("confident_score"));
                    assertEquals(JSON.convertValue(row.get("sector"), List.class),
                            List.of((Object[]) rs.getArray("sector").getArray()));
                    assertEquals(JSON.convertValue(row.get("companies"), List.class),
                            List.of((Object[]) rs.getArray("companies").getArray()));
                }
                assertFalse(rs.next(), "more Parquet rows than results");
            }
        }
        ChildProcess.Outcome text = run("results", "pq", "--parquet", "again.parquet");
        assertTrue(text.out().contains("Parquet:  again.parquet"), text.out());
    }

    @Test
    void anExportTargetInAMissingDirectoryOrThatIsADirectoryExitsWithTwoBeforeAnyWork() throws Exception {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 2);
        assertEquals(0, run("submit-contents", file.toString(), "--name", "few", "--wait", "--poll-ms", "50")
                .exitCode());
        Files.deleteIfExists(tmp.resolve("batch_jobs/results_few.json"));
        ChildProcess.Outcome missing = run("results", "few", "--parquet", "nodir/few.parquet");
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("--parquet nodir/few.parquet: the directory " + tmp.resolve("nodir")
                + " does not exist"), missing.err());
        assertFalse(missing.err().contains("Exception"), missing.err());
        assertFalse(Files.exists(tmp.resolve("batch_jobs/results_few.json")), "nothing was done");

        Files.createDirectory(tmp.resolve("taken.parquet"));
        ChildProcess.Outcome directory = run("results", "few", "--parquet", "taken.parquet");
        assertEquals(2, directory.exitCode(), directory.toString());
        assertTrue(directory.err().contains("--parquet taken.parquet: is a directory; expected a file name"),
                directory.err());
        ChildProcess.Outcome csv = run("results", "few", "--csv", "nodir/few.csv", "--json");
        assertEquals(2, csv.exitCode(), csv.toString());
        assertTrue(json(csv).get("error").asText().startsWith("--csv nodir/few.csv: the directory"), csv.out());
    }

    @Test
    void listShowsOneRowPerRunAndJobsOnRequest() throws Exception {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 4);
        run("submit-contents", file.toString(), "--name", "split", "--batch-size", "2", "--wait", "--poll-ms", "50");
        ChildProcess.Outcome runs = run("list");
        assertEquals(0, runs.exitCode(), runs.toString());
        assertEquals(1, runs.out().lines().filter(l -> l.startsWith("split ")).count(), runs.out());
        assertTrue(runs.out().lines().findFirst().orElse("").matches(
                "name +mode +model +done +failed +pending +state +cost +created.*"), runs.out());
        assertEquals(2, json(run("list", "--jobs", "--json")).get("jobs").size());
        JsonNode row = json(run("list", "--json")).get("runs").get(0);
        assertEquals(4, row.get("done").asInt());
        assertEquals(0, row.get("pending").asInt());
        assertEquals("batch", row.get("mode").asText());
    }

    @Test
    void articlesFromStandardInput() throws Exception {
        String jsonl = Files.readString(SampleArticles.jsonLines(tmp.resolve("a.jsonl"), 3));
        ChildProcess.Outcome estimate = ChildProcess.runWithInput(tmp, env(), jsonl, "estimate", "-", "--json");
        assertEquals(0, estimate.exitCode(), estimate.toString());
        assertEquals(3, json(estimate).get("articles").asInt());

        ChildProcess.Outcome submitted = ChildProcess.runWithInput(tmp, env(), jsonl, "submit-contents", "-",
                "--format", "jsonl", "--name", "piped", "--wait", "--poll-ms", "50");
        assertEquals(0, submitted.exitCode(), submitted.toString());
        assertTrue(submitted.out().contains("3 of 3 articles classified"), submitted.out());

        ChildProcess.Outcome bad = ChildProcess.runWithInput(tmp, env(), "{\"id\": 1, oops\n", "estimate", "-");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("stdin line 1"), bad.err());
        assertTrue(bad.err().contains("1 problem in stdin:"), "the heading names stdin, not its copy: " + bad.err());
        assertFalse(bad.err().contains(InputProblem.STDIN_COPY_PREFIX), bad.err());
    }

    @Test
    void theTemporaryCopiesOfTheInputAreGoneWhenTheCommandEnds() throws Exception {
        Path jvmTmp = Files.createDirectories(tmp.resolve("jvm-tmp"));
        Map<String, String> env = new HashMap<>(env());
        env.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + jvmTmp);
        Path jsonl = SampleArticles.jsonLines(tmp.resolve("a.jsonl"), 3);
        Path misnamed = Files.copy(jsonl, tmp.resolve("a.txt"));
        ChildProcess.Outcome piped = ChildProcess.runWithInput(tmp, env, Files.readString(jsonl), "estimate", "-",
                "--format", "jsonl");
        assertEquals(0, piped.exitCode(), piped.toString());
        ChildProcess.Outcome copied = ChildProcess.run(tmp, env, "estimate", misnamed.toString(), "--format", "jsonl");
        assertEquals(0, copied.exitCode(), copied.toString());
        try (var left = Files.list(jvmTmp)) {
            assertEquals(List.of(), left.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("newsbatch-"))
                    .toList(), "the copies of standard input and of " + misnamed + " and their directories");
        }
    }

    @Test
    void classifyAnswersForOneArticleOrAFewAtOnce() throws Exception {
        ChildProcess.Outcome one = run("classify", "--title", "Bank profit up", "--text",
                "Bosphorus Bank profit rose 12 percent after record lending.");
        assertEquals(0, one.exitCode(), one.toString());
        assertTrue(one.out().contains("Sentiment:  Positive"), one.out());
        assertTrue(one.out().contains("Companies:  Bosphorus Bank"), one.out());

        Path file = SampleArticles.jsonArray(tmp.resolve("few.json"), 3);
        JsonNode few = json(run("classify", file.toString(), "--json"));
        assertEquals(3, few.get("classifications").size(), few.toString());
        assertTrue(few.get("classifications").get(0).has("is_financial"));

        ChildProcess.Outcome none = run("classify");
        assertEquals(2, none.exitCode(), none.toString());
        assertTrue(none.err().contains("give exactly one of FILE, --text"), none.err());
        Path big = SampleArticles.jsonArray(tmp.resolve("big.json"), ClassifyCommand.MAX_ARTICLES + 1);
        ChildProcess.Outcome tooMany = run("classify", big.toString());
        assertEquals(2, tooMany.exitCode(), tooMany.toString());
        assertTrue(tooMany.err().contains("submit-contents"), tooMany.err());
    }

    @Test
    void submitContentsInRealTimeWithAPromptFile() throws Exception {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 2);
        Files.writeString(tmp.resolve("prompt.txt"), "Headline: {title}\n\nArticle: {contents}\n");
        ChildProcess.Outcome rt = run("submit-contents", file.toString(), "--name", "rt", "--realtime", "--prompt",
                "prompt.txt", "--json");
        assertEquals(0, rt.exitCode(), rt.toString());
        assertEquals("realtime", json(rt).get("mode").asText());
        assertEquals(2, json(rt).get("summary").get("classified").asInt());

        Files.writeString(tmp.resolve("bad.txt"), "no placeholder here");
        ChildProcess.Outcome bad = run("submit-contents", file.toString(), "--name", "rt2", "--prompt", "bad.txt");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--prompt bad.txt: template must contain {contents}"), bad.err());
    }

    @Test
    void versionAndCompletion() throws Exception {
        JsonNode v = json(run("version", "--json"));
        assertEquals("2.0.0", v.get("google_genai").asText(), v.toString());
        assertTrue(v.get("catalogue_date").asText().matches("\\d{4}-\\d{2}-\\d{2}"), v.toString());
        assertTrue(v.get("java").asText().startsWith(System.getProperty("java.version")), v.toString());
        ChildProcess.Outcome completion = run("completion");
        assertEquals(0, completion.exitCode(), completion.toString());
        assertTrue(completion.out().startsWith("#!/usr/bin/env bash"), completion.out());
        assertTrue(completion.out().contains("retry") && completion.out().contains("--batch-size"));
    }

    @Test
    void aConfigFileSetsDefaultsThatFlagsOverride() throws Exception {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 2);
        Files.writeString(tmp.resolve("newsbatch.properties"), "# team defaults\nmodel = gemini-2.5-flash\n"
                + "tier = tier2\n");
        JsonNode fromFile = json(run("estimate", file.toString(), "--json"));
        assertEquals("gemini-2.5-flash", fromFile.get("model").asText(), fromFile.toString());
        assertEquals("tier2", fromFile.get("tier").asText().toLowerCase(java.util.Locale.ROOT).replace(" ", ""));
        JsonNode flag = json(run("estimate", file.toString(), "--model", "gemini-3.1-flash-lite", "--json"));
        assertEquals("gemini-3.1-flash-lite", flag.get("model").asText());

        Files.writeString(tmp.resolve("other.properties"), "model = gemini-2.5-flash\nbatchsize = 5\n");
        ChildProcess.Outcome badKey = run("--config", "other.properties", "list");
        assertEquals(2, badKey.exitCode(), badKey.toString());
        assertTrue(badKey.err().contains("other.properties line 2: unknown key \"batchsize\""), badKey.err());

        Files.writeString(tmp.resolve("value.properties"), "rpm = fast\n");
        Map<String, String> env = new HashMap<>(env());
        env.put("NEWSBATCH_CONFIG", "value.properties");
        ChildProcess.Outcome badValue = ChildProcess.run(tmp, env, "list");
        assertEquals(2, badValue.exitCode(), badValue.toString());
        assertTrue(badValue.err().contains("value.properties line 1: rpm must be a whole number"), badValue.err());

        ChildProcess.Outcome missing = run("--config", "nope.properties", "list");
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("config file nope.properties does not exist"), missing.err());
    }

    @Test
    void cleanupListsByDefaultDeletesWithYesAndResultsStillAnswer() throws Exception {
        Path file = SampleArticles.jsonArray(tmp.resolve("articles.json"), 3);
        run("submit-contents", file.toString(), "--name", "done", "--wait", "--poll-ms", "50");
        Path requests = tmp.resolve("batch_jobs/requests/done");
        Path results = tmp.resolve("batch_jobs/results/done");
        assertTrue(Files.isDirectory(requests) && Files.isDirectory(results));

        ChildProcess.Outcome listed = run("cleanup");
        assertEquals(0, listed.exitCode(), listed.toString());
        assertTrue(listed.out().contains("May be deleted:"), listed.out());
        assertTrue(listed.out().contains("cleanup --yes"), listed.out());
        assertTrue(Files.isDirectory(requests), "the default only lists");

        JsonNode deleted = json(run("cleanup", "--yes", "--json"));
        assertTrue(deleted.get("freed_bytes").asLong() > 0, deleted.toString());
        assertFalse(Files.exists(requests) || Files.exists(results), deleted.toString());
        assertTrue(Files.exists(tmp.resolve("batch_jobs/ledger.db")));

        ChildProcess.Outcome still = run("results", "done");
        assertEquals(0, still.exitCode(), still.toString());
        assertTrue(still.out().contains("3 classified"), still.out());
    }
}
