package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./newsbatch} launcher's JVM options, read from the command it prints with
 * {@code NEWSBATCH_DRY_RUN=1} (which neither builds nor runs anything).
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "newsbatch").toAbsolutePath().normalize();

    /** The command the launcher would run for these arguments, with {@code NEWSBATCH_JAVA_OPTS} set when not null. */
    private static String command(String javaOpts, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(LAUNCHER), "the launcher at " + LAUNCHER);
        List<String> cmd = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("NEWSBATCH_DRY_RUN", "1");
        env.remove("NEWSBATCH_JAVA_OPTS");
        if (javaOpts != null) {
            env.put("NEWSBATCH_JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static String jar() {
        return LAUNCHER.getParent().resolve("app/target/newsbatch.jar").toString();
    }

    @Test
    void theServerRunsWithZgcWhereverItsCommandStands() throws Exception {
        assertEquals("java -XX:+UseZGC -jar " + jar() + " serve --port 0", command(null, "serve", "--port", "0"));
        assertEquals("java -XX:+UseZGC -jar " + jar() + " --dir d --json serve",
                command(null, "--dir", "d", "--json", "serve"));
        assertEquals("java -XX:+UseZGC -jar " + jar() + " --config=c.toml serve",
                command(null, "--config=c.toml", "serve"));
    }

    @Test
    void otherCommandsRunWithTheJvmsDefaults() throws Exception {
        assertEquals("java -jar " + jar() + " list", command(null, "list"));
        assertEquals("java -jar " + jar() + " --dir serve list", command(null, "--dir", "serve", "list"),
                "a directory named serve is not the command");
        assertEquals("java -jar " + jar() + " --dir", command(null, "--dir"));
    }

    @Test
    void newsbatchJavaOptsReplaceTheDefaultEvenWhenEmpty() throws Exception {
        assertEquals("java -Xmx1g -Dx=1 -jar " + jar() + " serve", command("-Xmx1g -Dx=1", "serve"));
        assertEquals("java -jar " + jar() + " serve", command("", "serve"));
        assertEquals("java -Xmx1g -jar " + jar() + " list", command("-Xmx1g", "list"));
    }
}
