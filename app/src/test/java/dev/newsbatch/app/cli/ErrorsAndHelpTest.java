package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad usage and bad input: exit code 2, one clear line, never a stack trace; help on every command. */
class ErrorsAndHelpTest {
    @TempDir
    Path tmp;

    private CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("batch_jobs"), args);
    }

    private static void assertOneCleanLine(CliRun run) {
        assertEquals(1, run.err().strip().lines().count(), run.toString());
        assertTrue(run.err().startsWith("newsbatch: error: "), run.toString());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.toString());
    }

    @Test
    void missingFileExitsWithTwoAndOneLine() {
        CliRun run = cli("submit-contents", tmp.resolve("nope.json").toString(), "--name", "x");
        assertEquals(2, run.exitCode());
        assertOneCleanLine(run);
        assertTrue(run.err().contains("nope.json"), run.err());
    }

    @Test
    void invalidInputListsEveryProblemWithItsLine() {
        Path file = SampleArticles.write(tmp.resolve("bad.jsonl"), """
                {"id":"1","title":"ok","contents":"fine text"}
                {"id":"2","title":"no contents"}
                {"id":"3","title":7,"contents":"x"}
                """);
        CliRun run = cli("submit-contents", file.toString(), "--name", "bad");
        assertEquals(2, run.exitCode(), run.toString());
        assertFalse(run.err().contains("\tat "), run.err());
        assertTrue(run.err().contains("bad.jsonl line 2"), run.err());
        assertTrue(run.err().contains("bad.jsonl line 3"), run.err());
    }

    @Test
    void invalidInputInJsonModeListsProblems() {
        Path file = SampleArticles.write(tmp.resolve("bad.jsonl"), "{\"id\":\"2\",\"title\":\"no contents\"}\n");
        CliRun run = cli("submit-contents", file.toString(), "--name", "bad", "--json");
        assertEquals(2, run.exitCode(), run.toString());
        JsonNode n = run.json();
        assertEquals(2, n.get("exit_code").asInt());
        assertTrue(n.get("problems").get(0).asText().contains("line 1"), run.out());
    }

    @Test
    void unknownOptionExitsWithTwoAndPointsToHelp() {
        CliRun run = cli("list", "--frobnicate");
        assertEquals(2, run.exitCode());
        assertOneCleanLine(run);
        assertTrue(run.err().contains("newsbatch list --help"), run.err());
    }

    @Test
    void missingRequiredNameExitsWithTwo() {
        Path file = SampleArticles.jsonArray(tmp.resolve("a.json"), 1);
        CliRun run = cli("submit-contents", file.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--name"), run.err());
    }

    @Test
    void unsafeRunNameExitsWithTwoNamingTheRule() {
        Path file = SampleArticles.jsonArray(tmp.resolve("a.json"), 1);
        CliRun run = cli("submit-contents", file.toString(), "--name", "../escape");
        assertEquals(2, run.exitCode());
        assertOneCleanLine(run);
        assertTrue(run.err().contains("name must be"), run.err());
    }

    @Test
    void malformedJobIdExitsWithTwo() {
        CliRun run = cli("status", "batches/../../x");
        assertEquals(2, run.exitCode());
        assertOneCleanLine(run);
        assertTrue(run.err().contains("jobId must look like batches/<id>"), run.err());
    }

    @Test
    void unknownJobExitsWithTwo() {
        CliRun run = cli("status", "batches/doesnotexist");
        assertEquals(2, run.exitCode(), run.toString());
        assertOneCleanLine(run);
    }

    @Test
    void unknownRunExitsWithTwo() {
        CliRun run = cli("status", "never-submitted");
        assertEquals(2, run.exitCode(), run.toString());
        assertOneCleanLine(run);
    }

    @Test
    void resultsForAJobOfAnotherDirectoryExitsWithTwo() {
        CliRun run = cli("results", "batches/abc", "demo");
        assertEquals(2, run.exitCode(), run.toString());
        assertOneCleanLine(run);
    }

    @Test
    void badTierExitsWithTwo() {
        Path file = SampleArticles.jsonArray(tmp.resolve("a.json"), 1);
        CliRun run = cli("estimate", file.toString(), "--tier", "platinum");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("tier must be one of"), run.err());
    }

    @Test
    void commandIsRequired() {
        CliRun run = cli();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("a command is required"), run.err());
    }

    @Test
    void emulatorHelpListsTheEmulatorsOwnOptions() {
        CliRun run = cli("emulator", "--help");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Usage: newsbatch emulator"), run.out());
        assertTrue(run.out().contains("--fault-rate ENDPOINT=R[:S]"), run.out());
        assertTrue(run.out().contains("--job-failure-rate R"), run.out());
    }

    @Test
    void emulatorRejectsAnUnknownFlagWithTwo() {
        CliRun run = cli("emulator", "--no-such-flag", "1");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.out().contains("--no-such-flag"), run.toString());
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        assertTrue(all.size() >= 14, "commands: " + all.size());
        for (CommandLine c : all) {
            String help = c.getUsageMessage();
            assertTrue(help.contains("Example"), c.getCommandSpec().qualifiedName() + " has no example:\n" + help);
            assertTrue(help.contains("--help"), c.getCommandSpec().qualifiedName());
        }
    }

    @Test
    void helpOptionPrintsUsageAndExitsWithZero() {
        CliRun run = cli("submit-contents", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: newsbatch submit-contents"), run.out());
        assertTrue(run.out().contains("--json"), "inherited --json is listed: " + run.out());
        assertTrue(run.out().contains("--dir"), run.out());
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, into));
    }
}
