package dev.newsbatch.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code jshell} tool non-interactively with {@code --startup DEFAULT --startup
 * jshell-startup.jsh}, as {@code ./newsbatch shell} does, and a script doing the whole chain against
 * the embedded emulator in a temporary batch directory.
 */
class JShellStartupTest {
    @TempDir
    Path tmp;

    @Test
    void startupScriptRunsTheFullChainAgainstTheEmulator() throws Exception {
        Path root = RepoRoot.find();
        Path script = tmp.resolve("chain.jsh");
        Files.writeString(script, String.join("\n",
                "var spec = batch(\"" + root.resolve("samples/batch_contents.json").toString().replace("\\", "\\\\")
                        + "\").name(\"jshell-chain\").pollInterval(Duration.ofMillis(200));",
                "System.out.println(spec.estimate());",
                "var results = spec.submit().await().collect();",
                "System.out.println(results);",
                "show(results.summary());",
                "System.out.println(Charts.sentiment(results));",
                "System.out.println(runs());",
                "System.out.println(resume(\"jshell-chain\").state());",
                "System.out.println(\"--- show\");",
                "show(results);",
                "help()",
                "/exit", ""));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jshell").toString(),
                "--class-path", classPath(), "-R-Dnewsbatch.dir=" + tmp.resolve("batch_jobs"),
                "--startup", "DEFAULT", "--startup", root.resolve("jshell-startup.jsh").toString(),
                script.toString()));
        Path log = tmp.resolve("jshell.log");
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int status = p.waitFor();
        String out = Files.readString(log, StandardCharsets.UTF_8);

        assertEquals(0, status, out);
        assertTrue(out.contains("Estimate: 120 articles, gemini-3.1-flash-lite"), out);
        assertTrue(out.contains("type help() for the API"), "the session says how to get help: " + out);
        assertTrue(out.contains("resume(\"october\")"), "help() lists the API with examples: " + out);
        String shown = out.substring(out.indexOf("--- show"));
        assertTrue(shown.contains("news-0001") && shown.contains("news-0120") && shown.contains("120 rows x 6 columns")
                && shown.contains("input + "), "show(results) prints the whole table: " + shown);
        assertTrue(!shown.substring(0, shown.indexOf("rows x")).contains(" ... "), "no truncation mid-line: " + shown);
        assertTrue(!out.contains("Does not match"), "the startup script is accepted whole: " + out);
        long progress = out.lines().filter(l -> l.startsWith("jshell-chain [")).count();
        assertTrue(progress >= 1 && progress <= 12, progress + " progress lines:\n" + out);
        assertTrue(out.contains("120 rows x 6 columns"), out);
        assertTrue(out.contains("Articles:    120 (120 classified, 0 failed)"), out);
        assertTrue(out.contains("Chart[Sentiment of 120 articles, 3 bars, SVG]"), out);
        assertTrue(out.contains("RunStatus[jshell-chain, DONE, 100.0%, done=120 failed=0 of 120"), out);
        assertTrue(!out.contains("|  Error:") && !out.contains("Exception"), out);
        assertTrue(Files.isDirectory(tmp.resolve("batch_jobs")), "state is kept in the given batch directory");
    }

    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
