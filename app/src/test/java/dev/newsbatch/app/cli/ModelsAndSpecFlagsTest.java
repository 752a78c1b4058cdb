package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbatch.Batches;
import dev.newsbatch.ModelInfo;
import dev.newsbatch.RunConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsbatch models} and the flags that shape a spec: thinking, flex, limits, tier. */
class ModelsAndSpecFlagsTest {
    @TempDir
    Path tmp;

    private Path dir() {
        return tmp.resolve("batch_jobs");
    }

    private CliRun cli(String... args) {
        return CliRun.in(dir(), args);
    }

    private static void assertOneCleanLine(CliRun run) {
        assertEquals(1, run.err().strip().lines().count(), run.toString());
        assertTrue(run.err().startsWith("newsbatch: error: "), run.toString());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.toString());
    }

    /** Every file under the batch directory, read as text, joined. */
    private String batchFiles() {
        try (Stream<Path> files = Files.walk(dir())) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(f).append('\n').append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                        .append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void modelsListsTheDefaultModelAndTheShutDownOneWithItsReplacement() {
        CliRun run = cli("models", "--no-live");
        assertEquals(0, run.exitCode(), run.toString());
        String flash = run.out().lines().filter(l -> l.contains("gemini-2.5-flash ")).findFirst()
                .orElseThrow(() -> new AssertionError("no gemini-2.5-flash row: " + run.out()));
        assertTrue(flash.contains("shut down"), flash);
        JsonNode m = cli("models", "--no-live", "--json").json().get("models");
        String replacement = null;
        for (JsonNode n : m) {
            if (n.get("id").asText().equals("gemini-2.5-flash")) {
                replacement = n.get("replacement").asText();
            }
        }
        assertTrue(replacement != null && !replacement.isBlank(), m.toString());
        assertTrue(flash.contains(replacement), flash);
        assertTrue(run.out().contains("* " + RunConfig.DEFAULT_MODEL), run.out());
        assertFalse(run.out().contains("origin"), "no origin column without --live: " + run.out());
    }

    @Test
    void modelsJsonParsesAndMarksTheDefault() {
        CliRun run = cli("models", "--no-live", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode n = run.json();
        assertEquals(RunConfig.DEFAULT_MODEL, n.get("default_model").asText());
        assertFalse(n.get("live").asBoolean());
        assertTrue(n.get("models").size() > 1, run.out());
        int defaults = 0;
        for (JsonNode m : n.get("models")) {
            if (m.get("default").asBoolean()) {
                defaults++;
                assertEquals(RunConfig.DEFAULT_MODEL, m.get("id").asText());
            }
            if (m.get("id").asText().equals("gemini-2.5-flash")) {
                assertEquals("shut_down", m.get("status").asText(), m.toString());
                assertTrue(m.get("shutdown").asText().matches("\\d{4}-\\d{2}-\\d{2}"), m.toString());
            }
        }
        assertEquals(1, defaults, run.out());
    }

    @Test
    void modelsLiveAddsTheOriginColumn() {
        CliRun run = cli("models", "--live");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().lines().findFirst().orElse("").contains("origin"), run.out());
        assertTrue(cli("models", "--live", "--json").json().get("live").asBoolean());
    }

    @Test
    void thinkingOffOnTheDefaultModelExitsWithTwoNamingThinking() {
        Path file = SampleArticles.jsonArray(tmp.resolve("a.json"), 2);
        CliRun run = cli("submit-contents", file.toString(), "--name", "off", "--thinking", "off");
        assertEquals(2, run.exitCode(), run.toString());
        assertOneCleanLine(run);
        assertTrue(run.err().contains("thinking"), run.err());
    }

    @Test
    void thinkingThatIsNoSettingExitsWithTwoNamingTheFlag() {
        Path file = SampleArticles.jsonArray(tmp.resolve("a.json"), 1);
        CliRun run = cli("estimate", file.toString(), "--thinking", "banana");
        assertEquals(2, run.exitCode(), run.toString());
        assertOneCleanLine(run);
        assertTrue(run.err().contains("--thinking") && run.err().contains("minimal, low, medium, high"), run.err());
    }

    @Test
    void thinkingMinimalIsSentAsAThinkingLevel() {
        Path file = SampleArticles.jsonArray(tmp.resolve("a.json"), 2);
        CliRun run = cli("submit-contents", file.toString(), "--name", "minimal", "--thinking", "minimal");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(batchFiles().contains("thinkingLevel"), "a request file under the batch directory says so");
    }

    @Test
    void tierAsANumberIsAccepted() {
        Path file = SampleArticles.jsonArray(tmp.resolve("a.json"), 1);
        CliRun run = cli("estimate", file.toString(), "--tier", "1", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(cli("estimate", file.toString(), "--tier", "tier1", "--json").json().get("tier"),
                run.json().get("tier"));
        CliRun bad = cli("estimate", file.toString(), "--tier", "7");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--tier") && bad.err().contains("\"7\""), bad.err());
    }

    @Test
    void aLowMonthlySpendLimitMakesTheEstimateWarn() {
        Path file = SampleArticles.jsonLines(tmp.resolve("12k.jsonl"), 12_000);
        CliRun run = cli("estimate", file.toString(), "--input-tokens", "2800", "--output-tokens", "150",
                "--spend-per-month", "1");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().toLowerCase(java.util.Locale.ROOT).contains("monthly spend"), run.out());
        JsonNode n = cli("estimate", file.toString(), "--input-tokens", "2800", "--output-tokens", "150",
                "--spend-per-month", "1", "--json").json();
        assertTrue(n.get("warnings").toString().contains("monthly spend"), n.toString());
        assertTrue(n.has("thinking_tokens") && n.has("thinking") && n.has("flex_usd"), n.toString());
    }

    @Test
    void badLimitValuesExitWithTwoNamingTheFlag() {
        Path file = SampleArticles.jsonArray(tmp.resolve("a.json"), 1);
        String[][] cases = {
                {"--rpm", "0"}, {"--rpm", "many"}, {"--rpd", "-3"}, {"--enqueued-tokens", "0"},
                {"--spend-per-10min", "0"}, {"--spend-per-month", "-5"}, {"--spend-per-month", "lots"},
                {"--cost-drift", "0.5"}, {"--cost-drift", "NaN"}};
        for (String[] c : cases) {
            CliRun run = cli("estimate", file.toString(), c[0], c[1]);
            assertEquals(2, run.exitCode(), String.join(" ", c) + ": " + run);
            assertFalse(run.err().contains("\tat "), run.toString());
            assertTrue(run.err().contains(c[0]), String.join(" ", c) + ": " + run.err());
        }
    }

    @Test
    void goodLimitValuesAreAccepted() {
        Path file = SampleArticles.jsonArray(tmp.resolve("a.json"), 1);
        CliRun run = cli("estimate", file.toString(), "--rpm", "100", "--rpd", "500", "--enqueued-tokens", "5000000",
                "--spend-per-10min", "5", "--spend-per-month", "100", "--cost-drift", "0", "--thinking", "low");
        assertEquals(0, run.exitCode(), run.toString());
        CliRun drift = cli("estimate", file.toString(), "--cost-drift", "2");
        assertEquals(0, drift.exitCode(), drift.toString());
    }

    @Test
    void largeRealtimeOnFlexClassifiesEverything() {
        CliRun refused = cli("large", "realtime", SampleArticles.jsonLines(tmp.resolve("one.jsonl"), 1).toString(),
                "--flex", "--name", "noflex");
        if (Batches.models().stream().noneMatch(m -> m.id().equals(RunConfig.DEFAULT_MODEL) && m.flex())) {
            assertEquals(2, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("Flex"), refused.err());
        }
        String model = Batches.models().stream().filter(m -> m.flex() && m.status() != null && m.status().isServed())
                .map(ModelInfo::id).findFirst().orElseThrow(() -> new AssertionError("no model with flex"));
        Path file = SampleArticles.jsonLines(tmp.resolve("large.jsonl"), 3);
        CliRun run = cli("large", "realtime", file.toString(), "--flex", "--model", model, "--rpm", "6000", "--rpd", "100",
                "--name", "flex", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode n = run.json();
        assertEquals("flex", n.get("mode").asText(), run.out());
        assertEquals(3, n.get("run").get("done").asInt(), run.out());
        assertTrue(n.get("summary").get("usage").has("thinking_tokens"), run.out());
    }

    @Test
    void rpdCapsTheRequestsOfTheDay() {
        Path file = SampleArticles.jsonLines(tmp.resolve("large.jsonl"), 4);
        CliRun run = cli("large", "realtime", file.toString(), "--rpm", "6000", "--rpd", "2", "--name", "rt");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("2 of 4 articles classified"), run.out());
    }
}
