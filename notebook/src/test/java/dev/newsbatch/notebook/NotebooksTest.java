package dev.newsbatch.notebook;

import dev.newsbatch.notebooks.RepoRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes every code cell of every notebook, in order, through JShell against the embedded
 * emulator, and fails on any error. Each notebook runs as Jupyter runs it: in its own JVM whose
 * working directory is notebooks/. The SDK and this module come from this test class path (the
 * all-in-one jar is only built at {@code package}, after the tests), so {@code %jars} of that jar
 * counts as satisfied.
 */
class NotebooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void quickstartRunsAndShowsResultsAndAChart() throws Exception {
        JsonNode nb = execute("quickstart.ipynb");
        assertTrue(mimeTypes(nb).contains("image/svg+xml"), "a chart is shown");
        assertTrue(mimeTypes(nb).contains("text/html"), "results render as HTML");
        assertTrue(plainText(nb).contains("5 rows x"), plainText(nb));
        assertTrue(displayedHtml(nb).contains("width:100.0%"), "await() draws a live progress bar that ends full");
    }

    @Test
    void costEstimatesRunsFromAThousandToAMillionArticles() throws Exception {
        JsonNode nb = execute("cost-estimates.ipynb");
        String text = plainText(nb);
        assertTrue(text.contains("1,000,000  " + dev.newsbatch.RunConfig.DEFAULT_MODEL), text);
        assertTrue(mimeTypes(nb).contains("image/svg+xml"), "charts are shown");
    }

    @Test
    void resultAnalysisRunsOverTheSampleArticles() throws Exception {
        JsonNode nb = execute("result-analysis.ipynb");
        String text = plainText(nb);
        assertTrue(text.contains("120 articles: 120 classified, 0 failed"), text);
        assertTrue(text.contains("Chart[Top 10 sectors of 120 articles"), text);
    }

    @Test
    void largeBatchRunsWavesContinuousAndResume() throws Exception {
        JsonNode nb = execute("large-batch.ipynb", "-Dnewsbatch.articles=1200");
        String text = plainText(nb);
        assertTrue(text.contains("BatchRun[large-waves-1200, waves, DONE, 100% of 1,200 articles]"), text);
        assertTrue(text.contains("BatchRun[large-continuous-1200, continuous, DONE, 100% of 1,200 articles]"), text);
        assertTrue(java.util.regex.Pattern.compile("BatchRun\\[large-resume-1200, continuous, (RUNNING|WAITING)")
                .matcher(text).find(), "the interrupt cell really interrupts: " + text);
        assertTrue(text.contains("BatchRun[large-resume-1200, continuous, DONE, 100% of 1,200 articles]"), text);
    }

    @Test
    void vertexRunsOnTheEmulatorWithVertexLimitsPricesAndCost() throws Exception {
        JsonNode nb = execute("vertex.ipynb");
        String text = plainText(nb);
        assertTrue(text.contains("Vertex AI demo-project/us-central1 gs://demo-news-archive/newsbatch"), text);
        assertTrue(text.contains("Vertex AI: 8 batch prediction jobs at once per project and region"), text);
        assertTrue(text.contains("Vertex AI batch = 50% of Vertex's online price"), text);
        assertTrue(text.contains("projects/demo-project/locations/us-central1/batchPredictionJobs/…  SUCCEEDED"), text);
        assertTrue(java.util.regex.Pattern.compile("estimated \\$[0-9.]+, actual \\$[0-9.]+ for [0-9,]+ input")
                .matcher(text).find(), text);
        assertTrue(text.contains("(120 articles)"), text);
        assertTrue(mimeTypes(nb).contains("image/svg+xml"), "a chart is shown");
    }

    @Test
    void storedNotebooksAreNbformat45WithUniqueCellIdsAndNoMachineDetails() throws IOException, InterruptedException {
        Path dir = RepoRoot.find().resolve("notebooks");
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertEquals(5, files.size(), files.toString());
        for (Path f : files) {
            String raw = Files.readString(f, StandardCharsets.UTF_8);
            JsonNode nb = JSON.readTree(raw);
            String name = f.getFileName().toString();
            assertEquals(4, nb.path("nbformat").asInt(), name);
            assertTrue(nb.path("nbformat_minor").asInt() >= 5, name + ": nbformat_minor >= 5 (cell ids)");
            assertTrue(nb.path("metadata").isObject(), name + ": metadata");
            assertTrue(nb.path("cells").isArray() && nb.path("cells").size() > 0, name + ": cells");
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (JsonNode cell : nb.path("cells")) {
                String id = cell.path("id").asText("");
                assertTrue(id.matches("[a-zA-Z0-9_-]{1,64}"), name + ": cell id " + cell);
                assertTrue(ids.add(id), name + ": duplicate cell id " + id);
                String type = cell.path("cell_type").asText();
                assertTrue(List.of("code", "markdown", "raw").contains(type), name + ": cell_type " + type);
                assertTrue(cell.path("metadata").isObject(), name + ": cell metadata " + id);
                assertTrue(cell.path("source").isArray() || cell.path("source").isTextual(), name + ": source " + id);
                if (type.equals("code")) {
                    assertTrue(cell.path("outputs").isArray(), name + ": outputs " + id);
                    assertTrue(cell.has("execution_count"), name + ": execution_count " + id);
                    for (JsonNode o : cell.path("outputs")) {
                        assertTrue(List.of("stream", "display_data", "execute_result", "error")
                                .contains(o.path("output_type").asText()), name + ": output " + o);
                    }
                } else {
                    assertTrue(!cell.has("outputs"), name + ": a " + type + " cell has no outputs");
                }
            }
            assertTrue(!raw.contains("/tmp/"), name + " stores a temporary path");
            assertTrue(!java.util.regex.Pattern.compile("127\\.0\\.0\\.1:[0-9]").matcher(raw).find(),
                    name + " stores a loopback port");
            validateWithNbformatIfInstalled(f);
        }
    }

    @Test
    void scrubReplacesTemporaryPathsAndLoopbackPorts() {
        String tmp = System.getProperty("java.io.tmpdir").replaceAll("[/\\\\]+$", "");
        String text = "emulator at http://127.0.0.1:42565 (state in " + tmp + "/newsbatch-notebook-1099/batch_jobs)";
        assertEquals("emulator at http://127.0.0.1:{port} (state in {tmp}/batch_jobs)",
                NotebookRunner.ExecutedNotebook.scrub(text));
    }

    /**
     * nbformat's own validator, with the first Python that has it ({@code python3}, then Debian's
     * {@code /usr/bin/python3}); the structural checks above run regardless. With
     * {@code NEWSBATCH_NBFORMAT=required} (set by {@code .ci/run} once Debian's {@code python3-nbformat}
     * imports), a missing validator is a failure.
     */
    private static void validateWithNbformatIfInstalled(Path notebook) throws IOException, InterruptedException {
        String python = null;
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import nbformat").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor() == 0) {
                    python = candidate;
                    break;
                }
            } catch (IOException notThere) {
                // try the next one
            }
        }
        if (python == null) {
            assertFalse("required".equals(System.getenv("NEWSBATCH_NBFORMAT")),
                    "NEWSBATCH_NBFORMAT=required, but no python3 imports nbformat");
            return;
        }
        Process p = new ProcessBuilder(python, "-c",
                "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))",
                notebook.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), notebook + " is not valid nbformat: " + output);
    }

    private JsonNode execute(String notebook, String... properties) throws IOException, InterruptedException {
        Path dir = RepoRoot.find().resolve("notebooks");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(properties));
        command.addAll(List.of("-cp", absolute(System.getProperty("java.class.path")), NotebookRunner.class.getName(),
                "--in-process", "--check", "--sdk-on-class-path", "--out", out.toString(),
                dir.resolve(notebook).toString()));
        Path log = out.resolve(notebook + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int status = p.waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, status, notebook + " failed:\n" + output);
        JsonNode nb = JSON.readTree(out.resolve(notebook).toFile());
        for (JsonNode cell : nb.path("cells")) {
            for (JsonNode o : cell.path("outputs")) {
                assertTrue(!o.path("output_type").asText().equals("error"), notebook + ": " + o);
            }
            if (cell.path("cell_type").asText().equals("code")) {
                assertTrue(cell.path("execution_count").isInt(), notebook + ": a cell was not executed: " + cell);
            }
        }
        return nb;
    }

    private static String absolute(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> mimeTypes(JsonNode nb) {
        List<String> types = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            for (JsonNode o : cell.path("outputs")) {
                o.path("data").fieldNames().forEachRemaining(types::add);
            }
        }
        return types;
    }

    /** The HTML of display_data outputs (shown while a cell runs, unlike a cell's result). */
    private static String displayedHtml(JsonNode nb) {
        StringBuilder html = new StringBuilder();
        for (JsonNode cell : nb.path("cells")) {
            for (JsonNode o : cell.path("outputs")) {
                if (o.path("output_type").asText().equals("display_data")) {
                    o.path("data").path("text/html").forEach(l -> html.append(l.asText()));
                }
            }
        }
        return html.toString();
    }

    private static String plainText(JsonNode nb) {
        StringBuilder text = new StringBuilder();
        for (JsonNode cell : nb.path("cells")) {
            for (JsonNode o : cell.path("outputs")) {
                o.path("text").forEach(l -> text.append(l.asText()));
                o.path("data").path("text/plain").forEach(l -> text.append(l.asText()));
                text.append('\n');
            }
        }
        return text.toString();
    }
}
