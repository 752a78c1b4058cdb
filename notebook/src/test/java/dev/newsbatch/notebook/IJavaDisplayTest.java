package dev.newsbatch.notebook;

import dev.newsbatch.notebooks.RepoRoot;
import dev.newsbatch.display.SampleResults;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Estimate;
import dev.newsbatch.Results;
import dev.newsbatch.RunMode;
import dev.newsbatch.display.Chart;
import dev.newsbatch.display.Charts;
import dev.newsbatch.display.Html;
import dev.newsbatch.display.LiveOutput;
import dev.newsbatch.display.ProgressBar;
import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.ijava.JavaKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rich display inside IJava, against stand-ins of IJava's and its base kernel's classes with the
 * same names and methods (test sources only): this module reaches them by reflection alone, and the
 * SDK not at all.
 */
class IJavaDisplayTest {
    private JavaKernel kernel;

    @BeforeEach
    void startKernel() {
        kernel = new JavaKernel();
        IJava.kernel = kernel;
        ProgressBar.liveOutputs(LiveOutput.Source.NONE);
    }

    @AfterEach
    void stopKernel() {
        IJava.kernel = null;
        ProgressBar.liveOutputs(LiveOutput.Source.NONE);
    }

    @Test
    void detectsTheRunningKernel() {
        assertTrue(Notebook.isIJava());
        assertTrue(Notebook.isRich());
        IJava.kernel = null;
        assertFalse(Notebook.isIJava());
    }

    @Test
    void displayShowsResultsAsHtmlWithTheirTextAlongside() {
        Results<?> results = SampleResults.of(3, 0);
        Notebook.display(results);
        assertEquals(1, kernel.displayed.size());
        DisplayData data = kernel.displayed.get(0);
        assertEquals(results.toString(), data.data.get("text/plain"));
        assertTrue(String.valueOf(data.data.get("text/html")).contains("3 rows × 9 columns"));
    }

    @Test
    void displayShowsChartsAsPngImages() {
        Chart chart = Charts.sentiment(SampleResults.of(3, 0));
        Notebook.display(chart);
        assertEquals(chart.base64(), kernel.displayed.get(0).data.get("image/png"));
    }

    @Test
    void installRegistersRenderersSoCellValuesRenderRichly() {
        Notebook.install();
        assertEquals(List.of("text/html"), kernel.getRenderer().preferred.get(Results.class));
        assertEquals(List.of("image/png"), kernel.getRenderer().preferred.get(Chart.class));
        assertEquals(Html.types(), kernel.getRenderer().functions.keySet(), "every type display renders");
        Estimate e = new Estimate(10, "gemini-2.5-flash", "tier1", RunMode.BATCH, "calibrated", 1, 1, 0, "off", 1, 1, 1,
                0.5, 1.0, Double.NaN, null, Duration.ofMinutes(1), List.of(), "");
        DisplayData data = kernel.getRenderer().render(e);
        assertEquals(e.toString(), data.data.get("text/plain"));
        assertTrue(String.valueOf(data.data.get("text/html")).contains("The Batch API saves $0.50"));
    }

    @Test
    void liveDisplayUpdatesTheSameDisplayId() {
        LiveDisplay live = Notebook.live(SampleResults.of(1, 0).usage());
        live.update(SampleResults.of(2, 0).usage());
        assertEquals(live.id(), kernel.displayed.get(0).displayId);
        assertEquals(List.of(live.id()), kernel.getIO().display.updatedIds);
        assertTrue(String.valueOf(kernel.getIO().display.updates.get(0).data.get("text/html")).contains("200 input"));
    }

    @Test
    void progressBarIsALiveHtmlBarInIJavaOnceInstalled() {
        Notebook.install();
        ProgressBar bar = ProgressBar.auto(System.out);
        assertTrue(bar.isHtml());
        bar.update("october", 10, "1/10 jobs");
        bar.update("october", 100, "10/10 jobs");
        bar.finish();
        assertEquals(1, kernel.displayed.size());
        String last = String.valueOf(kernel.getIO().display.updates.get(0).data.get("text/html"));
        assertTrue(last.contains("width:100.0%") && last.contains("10/10 jobs"), last);
    }

    @Test
    void progressBarStaysTextInIJavaUntilTheNotebookOptsIn() {
        ProgressBar bar = ProgressBar.auto(System.out);
        assertFalse(bar.isHtml(), "the SDK does not look for a kernel itself");
        assertTrue(kernel.displayed.isEmpty());
    }

    @Test
    void installedOutsideIJavaTheProgressBarStaysText() {
        IJava.kernel = null;
        Notebook.install();
        assertFalse(ProgressBar.auto(System.out).isHtml());
    }

    @Test
    void outsideIJavaDisplayPrintsTheValuesText() {
        IJava.kernel = null;
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Notebook.display(SampleResults.of(1, 0).usage());
            Notebook.displayHtml("<table><tr><td>a</td><td>b &amp; c</td></tr></table>");
        } finally {
            System.setOut(original);
        }
        assertEquals("100 input + 20 output tokens, $0.01\na  b & c\n", bytes.toString(StandardCharsets.UTF_8));
        assertFalse(ProgressBar.auto(System.out).isHtml());
    }

    @Test
    void sdkPomHasNoJupyterOrIJavaDependency() throws Exception {
        String pom = Files.readString(RepoRoot.find().resolve("sdk/pom.xml"));
        String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"))
                .toLowerCase(java.util.Locale.ROOT);
        assertTrue(dependencies.contains("<artifactid>google-genai</artifactid>"), "the section was found");
        assertFalse(dependencies.contains("jupyter"), dependencies);
        assertFalse(dependencies.contains("ijava"), dependencies);
        assertNotNull(IJavaKernel.find().orElse(null), "the stand-in kernel is found by reflection alone");
    }
}
