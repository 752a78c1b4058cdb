package dev.newsbatch.examples;

import dev.newsbatch.Estimate;
import dev.newsbatch.RunStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.newsbatch.Batches;
import dev.newsbatch.notebooks.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every program in examples/ against the SDK with javax.tools, then runs each one in this
 * JVM against the embedded emulator, with a temporary batch directory as its first argument.
 */
class ExamplesTest {
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
        StringWriter diagnostics = new StringWriter();
        int status = javac.run(null, null, null, args.toArray(String[]::new));
        assertEquals(0, status, "examples must compile without warnings: " + diagnostics);
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
        assertTrue(out.contains("Estimate for 300 articles on gemini-2.5-flash (tier1)"), out);
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

    /** Runs an example's main method here, returning what it printed on standard output. */
    private static String run(String example, String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ExamplesTest.class.getClassLoader())) {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            loader.loadClass(example).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(example + " failed; it printed:\n" + bytes.toString(StandardCharsets.UTF_8),
                    e.getCause());
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
