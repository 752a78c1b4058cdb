package dev.newsbatch.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.display.LiveOutput;
import dev.newsbatch.display.ProgressBar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook runner on small notebooks written here: outputs, rich data, magics and errors. */
class NotebookRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @AfterEach
    void uninstall() {
        ProgressBar.liveOutputs(LiveOutput.Source.NONE);
    }

    @Test
    void recordsPrintedTextRichDisplaysAndTheLastExpressionAsResult() throws Exception {
        Path nb = notebook("%jars ../notebook/target/newsbatch-notebook-all.jar\nimport dev.newsbatch.display.*;\n"
                + "import dev.newsbatch.notebook.*;",
                "System.out.println(\"hello\");\nNotebook.display(Charts.bars(\"Counts\", java.util.Map.of(\"a\", 1)));\n"
                        + "System.err.println(\"warning\");\n1 + 2",
                "int x = 4;");
        NotebookRunner.ExecutedNotebook run = NotebookRunner.onClassPath().run(nb);
        assertTrue(run.isOk(), run.errors().toString());
        JsonNode cell = codeCell(run, 1);
        JsonNode outputs = cell.path("outputs");
        assertEquals("stream", outputs.get(0).path("output_type").asText());
        assertEquals("hello\n", outputs.get(0).path("text").get(0).asText());
        assertEquals("display_data", outputs.get(1).path("output_type").asText());
        assertTrue(outputs.get(1).path("data").has("image/svg+xml"));
        assertEquals("stderr", outputs.get(2).path("name").asText());
        assertEquals("execute_result", outputs.get(3).path("output_type").asText());
        assertEquals("3", outputs.get(3).path("data").path("text/plain").get(0).asText());
        assertEquals(2, outputs.get(3).path("execution_count").asInt());
        assertEquals(0, codeCell(run, 2).path("outputs").size(), "a declaration shows nothing, as in IJava");
        assertFalse(run.json().contains("display_id"), "display ids are only used while running");
    }

    @Test
    void liveDisplaysKeepOnlyTheirLastState() throws Exception {
        Path nb = notebook("%jars ../notebook/target/newsbatch-notebook-all.jar\nimport dev.newsbatch.display.*;\n"
                + "import dev.newsbatch.notebook.*;",
                "var live = Notebook.live(\"first\");\nlive.update(\"second\");\nlive.update(\"third\");");
        NotebookRunner.ExecutedNotebook run = NotebookRunner.onClassPath().run(nb);
        JsonNode outputs = codeCell(run, 1).path("outputs");
        assertEquals(1, outputs.size(), outputs.toString());
        assertEquals("third", outputs.get(0).path("data").path("text/plain").get(0).asText());
    }

    @Test
    void progressBarsOfAnInstalledNotebookRecordAsOneDisplayWithTheirLastState() throws Exception {
        Path nb = notebook("%jars ../notebook/target/newsbatch-notebook-all.jar\nimport dev.newsbatch.display.*;\n"
                        + "import dev.newsbatch.notebook.*;\nNotebook.install();",
                "var bar = ProgressBar.auto(System.out);\nbar.update(\"run\", 10, \"1/10 jobs\");\n"
                        + "bar.update(\"run\", 100, \"10/10 jobs\");\nbar.finish();\nbar.isHtml()");
        NotebookRunner.ExecutedNotebook run = NotebookRunner.onClassPath().run(nb);
        assertTrue(run.isOk(), run.errors().toString());
        JsonNode outputs = codeCell(run, 1).path("outputs");
        assertEquals(2, outputs.size(), outputs.toString());
        assertEquals("display_data", outputs.get(0).path("output_type").asText());
        String html = String.join("", texts(outputs.get(0).path("data").path("text/html")));
        assertTrue(html.contains("width:100.0%") && html.contains("10/10 jobs"), html);
        assertEquals("true", outputs.get(1).path("data").path("text/plain").get(0).asText());
    }

    @Test
    void progressBarsOfANotebookThatDidNotOptInAreText() throws Exception {
        Path nb = notebook("import dev.newsbatch.display.*;",
                "var bar = ProgressBar.auto(System.out);\nbar.update(\"run\", 10, \"1/10 jobs\");");
        NotebookRunner.ExecutedNotebook run = NotebookRunner.onClassPath().run(nb);
        assertTrue(run.isOk(), run.errors().toString());
        JsonNode outputs = codeCell(run, 1).path("outputs");
        assertEquals(1, outputs.size(), outputs.toString());
        assertEquals("stream", outputs.get(0).path("output_type").asText());
        assertTrue(outputs.get(0).path("text").get(0).asText().startsWith("run [###"), outputs.toString());
    }

    @Test
    void anExceptionStopsTheNotebookWithAnErrorOutput() throws Exception {
        Path nb = notebook("int[] a = new int[1];", "a[3] = 1;", "System.out.println(\"never\");");
        NotebookRunner.ExecutedNotebook run = NotebookRunner.onClassPath().run(nb);
        assertFalse(run.isOk());
        assertEquals(List.of("cell 2: java.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 1"),
                run.errors());
        assertEquals("error", codeCell(run, 1).path("outputs").get(0).path("output_type").asText());
        assertTrue(codeCell(run, 2).path("execution_count").isNull(), "cells after the failure are not run");
    }

    @Test
    void aCompilationErrorNamesTheProblem() throws Exception {
        NotebookRunner.ExecutedNotebook run = NotebookRunner.onClassPath().run(notebook("String s = 42;"));
        assertFalse(run.isOk());
        assertTrue(run.errors().get(0).startsWith("cell 1: CompilationException: incompatible types"),
                run.errors().toString());
    }

    @Test
    void jarsOfAMissingFileFailsWithItsPath() throws Exception {
        NotebookRunner.ExecutedNotebook run = NotebookRunner.ofDefaults().run(notebook("%jars lib/missing.jar"));
        assertFalse(run.isOk());
        assertTrue(run.errors().get(0).contains("%jars lib/missing.jar: no such file"), run.errors().toString());
    }

    @Test
    void writesTheNotebookBackInJupytersLayout() throws Exception {
        Path nb = notebook("\"done\"");
        NotebookRunner.ExecutedNotebook run = NotebookRunner.onClassPath().run(nb);
        run.write();
        String text = Files.readString(nb);
        assertTrue(text.startsWith("{\n \"cells\": [\n"), text);
        assertTrue(text.contains("\"execution_count\": 1"), text);
        assertEquals(1, JSON.readTree(text).path("cells").get(1).path("outputs").size());
    }

    private static List<String> texts(JsonNode lines) {
        List<String> out = new java.util.ArrayList<>();
        lines.forEach(l -> out.add(l.asText()));
        return out;
    }

    private Path notebook(String... codeCells) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode cells = root.putArray("cells");
        ObjectNode md = cells.addObject();
        md.put("cell_type", "markdown");
        md.putObject("metadata");
        md.putArray("source").add("# test");
        for (String code : codeCells) {
            ObjectNode cell = cells.addObject();
            cell.put("cell_type", "code");
            cell.putNull("execution_count");
            cell.putObject("metadata");
            cell.putArray("outputs");
            cell.set("source", Ipynb.lines(code));
        }
        root.putObject("metadata");
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        Path dir = Files.createDirectories(tmp.resolve("nb"));
        Path file = dir.resolve("test.ipynb");
        Files.writeString(file, JSON.writeValueAsString(root));
        return file;
    }

    private static JsonNode codeCell(NotebookRunner.ExecutedNotebook run, int index) throws Exception {
        int seen = 0;
        for (JsonNode cell : JSON.readTree(run.json()).path("cells")) {
            if (cell.path("cell_type").asText().equals("code") && seen++ == index) {
                return cell;
            }
        }
        throw new AssertionError("no code cell " + index);
    }
}
