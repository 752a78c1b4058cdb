package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.Faults;
import dev.newsbatch.emulator.GeminiEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --schema FILE} as separate processes: the schema given at submission is recorded with the run,
 * so later commands (results, retry) rebuild its rows without being given the file again.
 */
class SchemaCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMA = Path.of("..", "samples", "topic_schema.json").toAbsolutePath().normalize();
    private static final Set<String> TOPICS = Set.of("politics", "business", "technology", "sports", "health", "other");

    @TempDir
    Path tmp;

    @Test
    void submitContentsWithSchemaThenResultsExportsTheSchemasColumns() throws Exception {
        Path articles = SampleArticles.jsonArray(tmp.resolve("a.json"), 6);
        ChildProcess.Outcome submit = ChildProcess.run(tmp, Map.of(), "submit-contents", articles.toString(),
                "--name", "topics", "--schema", SCHEMA.toString(), "--wait", "--poll-ms", "50");
        assertEquals(0, submit.exitCode(), submit.toString());
        assertTrue(submit.out().contains("topic:"), "the summary counts the enum field: " + submit.out());
        assertFalse(submit.out().contains("Sentiment:"), submit.out());

        ChildProcess.Outcome results = ChildProcess.run(tmp, Map.of(), "results", "topics", "--csv", "t.csv");
        assertEquals(0, results.exitCode(), results.toString());
        assertTrue(results.out().contains("id ") && results.out().contains(" topic ")
                && results.out().contains(" relevance "), "the table has the schema's columns: " + results.out());
        List<String> csv = Files.readAllLines(tmp.resolve("t.csv"));
        assertEquals("id,title,url,topic,relevance,keywords,people,breaking,input_tokens,output_tokens", csv.get(0));
        assertEquals(7, csv.size(), csv.toString());
        JsonNode saved = JSON.readTree(tmp.resolve("batch_jobs/results_topics.json").toFile());
        for (JsonNode row : saved) {
            assertTrue(TOPICS.contains(row.path("topic").asText()), row.toString());
            assertTrue(row.path("keywords").isArray(), row.toString());
            assertFalse(row.has("sentiment"), row.toString());
        }
    }

    @Test
    void classifyWithSchemaPrintsTheSchemasFields() throws Exception {
        ChildProcess.Outcome one = ChildProcess.run(tmp, Map.of(), "classify", "--title", "Cup final",
                "--text", "The home side won the cup final 2-1 on Saturday.", "--schema", SCHEMA.toString());
        assertEquals(0, one.exitCode(), one.toString());
        assertTrue(one.out().contains("topic:"), one.out());
        assertTrue(one.out().contains("relevance:"), one.out());
        assertFalse(one.out().contains("Sentiment:"), one.out());

        ChildProcess.Outcome json = ChildProcess.run(tmp, Map.of(), "classify", "--title", "Rates",
                "--text", "The central bank raised rates.", "--schema", SCHEMA.toString(), "--json");
        assertEquals(0, json.exitCode(), json.toString());
        JsonNode row = JSON.readTree(json.out()).get("classifications").get(0);
        assertTrue(TOPICS.contains(row.path("topic").asText()), row.toString());
        assertTrue(row.path("relevance").isInt(), row.toString());
    }

    @Test
    void badSchemaFileExitsWithTwoNamingTheFileAndTheField() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad_schema.json"), "{\"type\":\"object\",\"properties\":{"
                + "\"score\":{\"type\":\"float\"},\"n\":{\"type\":\"integer\",\"enum\":[1]}}}");
        Path articles = SampleArticles.jsonArray(tmp.resolve("a.json"), 2);
        ChildProcess.Outcome run = ChildProcess.run(tmp, Map.of(), "submit-contents", articles.toString(),
                "--name", "bad", "--schema", bad.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("2 problems in " + bad), run.err());
        assertTrue(run.err().contains("bad_schema.json: field \"$.properties.score.type\" must be one of object, "
                + "string, integer, number, boolean, array, was \"float\""), run.err());
        assertTrue(run.err().contains("field \"$.properties.n.enum\" is allowed only with type string"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(Files.exists(tmp.resolve("batch_jobs/requests/bad")), "nothing was recorded for the run");

        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"type\": \"object\",\n \"properties\": {\n");
        ChildProcess.Outcome syntax = ChildProcess.run(tmp, Map.of(), "classify", "--text", "x", "--schema",
                broken.toString());
        assertEquals(2, syntax.exitCode(), syntax.toString());
        assertTrue(syntax.err().contains("broken.json line 3") && syntax.err().contains("is not valid JSON"),
                syntax.err());
    }

    @Test
    void anotherSchemaOnANamedRunIsAConflictAndTheSameOneIsNot() throws Exception {
        Path articles = SampleArticles.jsonArray(tmp.resolve("a.json"), 3);
        ChildProcess.Outcome first = ChildProcess.run(tmp, Map.of(), "submit-contents", articles.toString(),
                "--name", "named", "--schema", SCHEMA.toString(), "--wait", "--poll-ms", "50");
        assertEquals(0, first.exitCode(), first.toString());
        Path copy = Files.writeString(tmp.resolve("same.json"), "  " + Files.readString(SCHEMA) + "\n");
        ChildProcess.Outcome same = ChildProcess.run(tmp, Map.of(), "submit-contents", articles.toString(),
                "--name", "named", "--schema", copy.toString(), "--wait", "--poll-ms", "50");
        assertEquals(0, same.exitCode(), same.toString());
        Path other = Files.writeString(tmp.resolve("mood.json"),
                "{\"type\":\"object\",\"properties\":{\"mood\":{\"type\":\"string\",\"enum\":[\"calm\",\"tense\"]}}}");
        ChildProcess.Outcome conflict = ChildProcess.run(tmp, Map.of(), "submit-contents", articles.toString(),
                "--name", "named", "--schema", other.toString());
        assertEquals(2, conflict.exitCode(), conflict.toString());
        assertTrue(conflict.err().contains("schema was a JSON schema with fields [topic, relevance, keywords, "
                + "people, breaking]") && conflict.err().contains("now a JSON schema with fields [mood]"),
                conflict.err());
        ChildProcess.Outcome news = ChildProcess.run(tmp, Map.of(), "submit-contents", articles.toString(),
                "--name", "named");
        assertEquals(2, news.exitCode(), news.toString());
        assertTrue(news.err().contains("now dev.newsbatch.schema.NewsClassification"), news.err());
    }

    @Test
    void retryOfASchemaRunRebuildsItsRows() throws Exception {
        Path articles = SampleArticles.jsonArray(tmp.resolve("a.json"), 4);
        try (GeminiEmulator emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0)
                .stateDir(tmp.resolve("emulator")))) {
            emulator.faults(Faults.none().itemErrorRate(1.0));
            Map<String, String> env = Map.of("GOOGLE_API_KEY", "test-key", "GOOGLE_GEMINI_BASE_URL", emulator.baseUrl(),
                    "HOME", tmp.toString());
            ChildProcess.Outcome failed = ChildProcess.run(tmp, env, "submit-contents", articles.toString(),
                    "--name", "again", "--schema", SCHEMA.toString(), "--wait", "--poll-ms", "50");
            assertEquals(1, failed.exitCode(), failed.toString());

            emulator.faults(Faults.none());
            ChildProcess.Outcome retry = ChildProcess.run(tmp, env, "retry", "again", "--wait", "--json");
            assertEquals(0, retry.exitCode(), retry.toString());
            JsonNode summary = JSON.readTree(retry.out()).get("summary");
            assertEquals(4, summary.get("classified").asInt(), retry.out());
            assertTrue(summary.get("field_counts").has("topic"), retry.out());

            ChildProcess.Outcome results = ChildProcess.run(tmp, env, "results", "again", "--json");
            assertEquals(0, results.exitCode(), results.toString());
            JsonNode rows = JSON.readTree(results.out()).get("rows");
            assertEquals(4, rows.size(), results.out());
            for (JsonNode row : rows) {
                assertTrue(TOPICS.contains(row.path("topic").asText()), row.toString());
                assertFalse(row.has("sentiment"), row.toString());
            }
        }
    }

    @Test
    void estimateCountsTheSchemaAndSystemInstructionTheRunWouldSend() throws Exception {
        Path articles = SampleArticles.jsonArray(tmp.resolve("a.json"), 6);
        Path system = Files.writeString(tmp.resolve("system.txt"), "You are a careful news analyst. ".repeat(50));
        long plain = estimatedInput(articles.toString());
        long schema = estimatedInput(articles.toString(), "--schema", SCHEMA.toString());
        long instructed = estimatedInput(articles.toString(), "--system", system.toString());
        assertTrue(schema != plain, "the topic schema is not the news schema: " + schema + " vs " + plain);
        assertTrue(instructed > plain, "a system instruction is sent with every article: " + instructed + " vs " + plain);

        ChildProcess.Outcome missing = ChildProcess.run(tmp, Map.of(), "estimate", articles.toString(),
                "--schema", tmp.resolve("nope.json").toString());
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("nope.json"), missing.err());
    }

    private long estimatedInput(String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "estimate";
        System.arraycopy(args, 0, command, 1, args.length);
        command[command.length - 1] = "--json";
        ChildProcess.Outcome e = ChildProcess.run(tmp, Map.of(), command);
        assertEquals(0, e.exitCode(), e.toString());
        return JSON.readTree(e.out()).get("input_tokens").asLong();
    }

    @Test
    void largeBatchTakesTheSchema() throws Exception {
        Path articles = SampleArticles.jsonArray(tmp.resolve("a.json"), 5);
        ChildProcess.Outcome run = ChildProcess.run(tmp, Map.of(), "large", "batch", articles.toString(),
                "--name", "big", "--schema", SCHEMA.toString(), "--poll-ms", "50");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode saved = JSON.readTree(tmp.resolve("batch_jobs/results_big.json").toFile());
        assertEquals(5, saved.size(), saved.toString());
        for (JsonNode row : saved) {
            assertTrue(TOPICS.contains(row.path("topic").asText()), row.toString());
            assertFalse(row.has("sentiment"), row.toString());
        }
    }
}
