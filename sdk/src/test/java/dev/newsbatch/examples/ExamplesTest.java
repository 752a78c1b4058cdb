package dev.newsbatch.examples;

import dev.newsbatch.Estimate;
import dev.newsbatch.RunStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.newsbatch.Batches;
import dev.newsbatch.notebooks.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every program in examples/ against the SDK with javax.tools, then runs each one as a child JVM
 * against the embedded emulator, with a fresh batch directory as its first argument: it has to print what
 * it shows and then exit on its own with status 0, as {@code java -cp ... examples/X.java} does for a user.
 */
class ExamplesTest {
    /** A failure guard only: each example ends in seconds, a hanging one never does. */
    private static final Duration GUARD = Duration.ofMinutes(2);

    @TempDir
    static Path classes;

    @TempDir
    Path batchDir;

    @BeforeAll
    static void compileAllExamples() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "--release", "17", "-Xlint:all", "-Werror"));
        try (Stream<Path> files = Files.list(RepoRoot.find().resolve("examples"))) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> args.add(f.toString()));
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertEquals(0, status, "examples must compile without warnings: "
                + diagnostics.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quickstartPrintsResultsAndSummary() throws Exception {
        String out = run("Quickstart", batchDir.toString());
        assertTrue(out.contains("Results[quickstart]"), out);
        assertTrue(out.contains("3 rows x 6 columns"), out);
        assertTrue(out.contains("Articles:    3 (3 classified, 0 failed)"), out);
    }

    @Test
    void fromUrlsClassifiesServedPagesOrSaysFetchingIsUnavailable() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/news/", exchange -> {
            byte[] page = ("<html><head><title>Atlas Motors raises outlook</title></head><body><article><h1>Atlas "
                    + "Motors raises outlook</h1><p>" + "Atlas Motors raised its full-year outlook after strong sales "
                    + "of electric cars, and its shares rose 6% in early trading. ".repeat(8)
                    + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/news/";
            String out = run("FromUrls", batchDir.toString(), base + "one", base + "two");
            if (fetchingIsAvailable()) {
                assertTrue(out.contains(base + "one -> ") && out.contains(base + "two -> "), out);
            } else {
                assertTrue(out.contains("Fetching URLs is not available in this version of newsbatch"), out);
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void largeBatchRunsInWavesToTheEnd() throws Exception {
        String out = run("LargeBatch", batchDir.toString(), "300");
        assertTrue(out.contains("Estimate for 300 articles on gemini-3.1-flash-lite (tier1)"), out);
        assertTrue(out.contains("RunStatus[large-batch, DONE, 100.0%, done=300 failed=0 of 300"), out);
        assertTrue(out.contains("Articles:    300 (300 classified, 0 failed)"), out);
    }

    @Test
    void realtimeDailyCapHoldsBackArticlesBeyondTheCap() throws Exception {
        String out = run("RealtimeDailyCap", batchDir.toString(), "12", "8");
        assertTrue(out.contains("8 classified, 4 held back by the daily cap of 8"), out);
    }

    @Test
    void customSchemaReturnsTypedRowsOfTheRecord() throws Exception {
        String out = run("CustomSchema", batchDir.toString());
        assertTrue(out.contains("c1: topic="), out);
        assertTrue(out.contains("c3: topic="), out);
        assertTrue(out.matches("(?s).*c2: topic=(business|politics|sports|technology|other) urgency=\\d+ places=.*"),
                out);
        assertTrue(out.contains("topics: ["), out);
    }

    private static boolean fetchingIsAvailable() {
        try {
            Batches.fromUrls(List.of("http://127.0.0.1:9/x"));
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Runs an example as a program of its own ({@code java -cp <examples>:<test class path> Example args}) with
     * no Gemini key, so on the embedded emulator, and returns its standard output once it has exited with 0.
     * A program that prints its results but never exits fails here, with the threads that kept it alive.
     */
    private static String run(String example, String... args) throws Exception {
        Path work = Files.createTempDirectory(classes, example + "-");
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(javaTool("java"), "-cp",
                classes + File.pathSeparator + System.getProperty("java.class.path"), example));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeAll(List.of("GOOGLE_API_KEY", "GEMINI_API_KEY", "GOOGLE_GEMINI_BASE_URL",
                "NEWSBATCH_DIR"));
        Process process = pb.start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS)) {
                String threads = liveThreads(process.pid());
                throw new AssertionError(example + " did not exit within " + GUARD.toSeconds() + " s; threads:\n"
                        + threads + "\n--- out\n" + read(out) + "--- err\n" + read(err));
            }
            assertEquals(0, process.exitValue(), example + " exited with " + process.exitValue() + "\n--- out\n"
                    + read(out) + "--- err\n" + read(err));
            return read(out);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The names of the child's threads that are not daemons (from {@code jcmd Thread.print}), if jcmd is here. */
    private static String liveThreads(long pid) {
        Path jcmd = Path.of(javaTool("jcmd"));
        if (!Files.isExecutable(jcmd)) {
            return "(no jcmd in " + jcmd.getParent() + ")";
        }
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).start();
            String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS);
            return text.lines().filter(l -> l.matches("\".*\" #\\d+ .*") && !l.contains(" daemon ")
                            && !l.startsWith("\"DestroyJavaVM\""))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(jcmd failed: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
