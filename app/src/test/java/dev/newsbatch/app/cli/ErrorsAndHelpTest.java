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
    void overlongJobIdExitsWithTwoNamingTheFormat() {
        String id = "batches/" + "a".repeat(300);
        for (String command : List.of("status", "cancel")) {
            CliRun run = cli(command, id);
            assertEquals(2, run.exitCode(), run.toString());
            assertOneCleanLine(run);
            assertTrue(run.err().contains("jobId must look like batches/<id> (1-128 letters"), run.err());
            assertTrue(run.err().contains("(308 characters)"), run.err());
        }
        CliRun run = cli("results", id, "demo");
        assertEquals(2, run.exitCode(), run.toString());
        assertOneCleanLine(run);
        assertTrue(run.err().contains("jobId must look like"), run.err());
    }

    @Test
    void wrongTypedFieldsExitWithTwoNamingLineAndField() {
        Path file = SampleArticles.write(tmp.resolve("types.jsonl"), """
                {"id":"1","title":"t","contents":5}
                {"id":{"a":1},"title":"t","contents":"x"}
                """);
        for (String command : List.of("submit-contents", "estimate")) {
            CliRun run = command.equals("estimate") ? cli(command, file.toString())
                    : cli(command, file.toString(), "--name", "types");
            assertEquals(2, run.exitCode(), run.toString());
            assertFalse(run.err().contains("unexpected error") || run.err().contains("\tat "), run.toString());
            assertTrue(run.err().contains("types.jsonl line 1: field \"contents\" must be a string, was 5"), run.err());
            assertTrue(run.err().contains("types.jsonl line 2: field \"id\" must be a string or a whole number, was an object"),
                    run.err());
        }
    }

    @Test
    void filesWithoutArticlesExitWithTwo() {
        List<Path> files = List.of(SampleArticles.write(tmp.resolve("empty.json"), "[]"),
                SampleArticles.write(tmp.resolve("empty.jsonl"), ""),
                SampleArticles.write(tmp.resolve("header.csv"), "id,title,contents\n"));
        for (Path file : files) {
            CliRun run = cli("submit-contents", file.toString(), "--name", "none");
            assertEquals(2, run.exitCode(), run.toString());
            assertTrue(run.err().contains(file.getFileName() + ": no articles"), run.err());
            assertEquals(2, cli("estimate", file.toString()).exitCode());
        }
    }

    @Test
    void invisibleTextDuplicateColumnsAndNulCharactersExitWithTwo() {
        Path blank = SampleArticles.write(tmp.resolve("blank.jsonl"),
                "{\"id\":\"1\",\"title\":\"t\",\"contents\":\"\\u200b\\u00a0\\ufeff\"}\n");
        CliRun run = cli("submit-contents", blank.toString(), "--name", "blank");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("blank.jsonl line 1: field \"contents\" is empty"), run.err());
        Path dup = SampleArticles.write(tmp.resolve("dup.csv"), "id,id,title,contents\n1,2,t,c\n");
        run = cli("submit-contents", dup.toString(), "--name", "dup");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("dup.csv line 1: field \"id\" is named twice in the CSV header"), run.err());
        Path bad = SampleArticles.write(tmp.resolve("bad.json"),
                "[{\"id\":\"1\",\"title\":\"t\",\"contents\":\"\\ud800x\"},{\"id\":\"2\",\"title\":\"t\",\"contents\":\"a\\u0000\"}]");
        run = cli("submit-contents", bad.toString(), "--name", "bad");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("bad.json line 1 (element 0): field \"contents\" has a lone surrogate (U+D800)"), run.err());
        assertTrue(run.err().contains("bad.json line 1 (element 1): field \"contents\" has a NUL character (U+0000)"), run.err());
    }

    @Test
    void aDirThatIsAFileExitsWithTwoSayingSo() throws Exception {
        Path file = java.nio.file.Files.writeString(tmp.resolve("not-a-dir"), "x");
        for (String[] args : List.of(new String[] {"list"}, new String[] {"status", "demo"},
                new String[] {"status", "batches/abc"})) {
            CliRun run = CliRun.in(file, args);
            assertEquals(2, run.exitCode(), run.toString());
            assertTrue(run.err().contains(file + " is a file, not a directory"), run.err());
            assertFalse(run.err().contains("unexpected error"), run.err());
        }
    }

    @Test
    void aCorruptLedgerIsNamedWithWhatToDo() throws Exception {
        Path dir = java.nio.file.Files.createDirectories(tmp.resolve("corrupt"));
        byte[] noise = new byte[8192];
        new java.util.Random(7).nextBytes(noise);
        java.nio.file.Files.write(dir.resolve("ledger.db"), noise);
        CliRun run = CliRun.in(dir, "list");
        assertEquals(1, run.exitCode(), run.toString());
        assertOneCleanLine(run);
        assertTrue(run.err().contains(dir.resolve("ledger.db") + " is not a readable SQLite database"), run.err());
        assertTrue(run.err().contains("move it aside"), run.err());
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
    void everyExampleInTheHelpIsOneLineThatCopyPastes() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        for (CommandLine c : all) {
            List<String> footer = List.of(c.getCommandSpec().usageMessage().footer()).stream()
                    .filter(l -> l.startsWith("  ")).toList();
            int width = c.getCommandSpec().usageMessage().width();
            for (String line : footer) {
                assertTrue(line.length() <= width, c.getCommandSpec().qualifiedName() + ": example wider than the "
                        + width + "-column help, so it would wrap mid-command: " + line);
                assertTrue(!line.contains("%"), c.getCommandSpec().qualifiedName() + ": '%' in help: " + line);
            }
            String help = c.getUsageMessage();
            for (String line : footer) {
                assertTrue(help.contains(line), c.getCommandSpec().qualifiedName() + ": example not printed whole: "
                        + line + "\n" + help);
            }
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
