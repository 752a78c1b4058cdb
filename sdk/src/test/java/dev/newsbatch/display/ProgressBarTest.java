package dev.newsbatch.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Progress bars: text by default, live HTML through an installed {@link LiveOutput.Source}. */
class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @AfterEach
    void uninstall() {
        ProgressBar.liveOutputs(LiveOutput.Source.NONE);
    }

    @Test
    void autoIsTextWhenNoSourceIsInstalled() {
        ProgressBar bar = ProgressBar.auto(out);
        assertFalse(bar.isHtml());
        bar.update("october", 42.0, "504/1200 done");
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("october [#############"), bytes.toString());
    }

    @Test
    void autoDrawsHtmlThroughTheInstalledSourceOnlyWhenTheTextChanges() {
        List<String> shown = new ArrayList<>();
        ProgressBar.liveOutputs(() -> Optional.of((html, text) -> shown.add(text + " | " + html)));
        ProgressBar bar = ProgressBar.auto(out);
        assertTrue(bar.isHtml());
        bar.update("october", 10, "1/10 jobs");
        bar.update("october", 10, "1/10 jobs");
        bar.update("october", 100, "10/10 jobs");
        bar.finish();
        assertEquals(2, shown.size(), shown.toString());
        assertTrue(shown.get(0).startsWith("october [###......"), shown.get(0));
        assertTrue(shown.get(1).contains("width:100.0%") && shown.get(1).contains("10/10 jobs"), shown.get(1));
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing is printed as text");
    }

    @Test
    void autoIsTextWhereTheSourceHasNoOutput() {
        ProgressBar.liveOutputs(Optional::empty);
        assertFalse(ProgressBar.auto(out).isHtml());
    }

    @Test
    void liveOutputsReturnsTheSourceItReplaces() {
        LiveOutput.Source source = Optional::empty;
        assertSame(LiveOutput.Source.NONE, ProgressBar.liveOutputs(source));
        assertSame(source, ProgressBar.liveOutputs(LiveOutput.Source.NONE));
    }

    @Test
    void liveOutputsRejectsNull() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProgressBar.liveOutputs(null));
        assertTrue(e.getMessage().startsWith("source must not be null"), e.getMessage());
    }

    @Test
    void linesPrintAtTenPercentStepsOrEveryTenSecondsAndAlwaysTheLastLine() {
        long[] now = {0};
        ProgressBar bar = ProgressBar.lines(out, () -> now[0]);
        for (int i = 1; i <= 120; i++) {            // 120 real-time articles, 0.1 s apart
            now[0] += 100_000_000L;
            bar.update("run", 100.0 * i / 120, i + "/120 done");
        }
        bar.finish();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(11, lines.size(), String.join("\n", lines));   // the first, one per 10% step, 100%
        assertTrue(lines.get(lines.size() - 1).contains("100.0%") && lines.get(lines.size() - 1).contains("120/120"),
                lines.toString());
    }

    @Test
    void linesBetweenStepsComeAtMostEveryTenSeconds() {
        long[] now = {0};
        ProgressBar bar = ProgressBar.lines(out, () -> now[0]);
        for (int i = 0; i < 60; i++) {              // a minute at 1% .. 1.6%, an update a second
            bar.update("run", 1 + i / 100.0, i + " done");
            now[0] += 1_000_000_000L;
        }
        assertEquals(6, bytes.toString(StandardCharsets.UTF_8).lines().count(), bytes.toString());
    }

    @Test
    void finishPrintsTheLastStateIfItWasNotPrinted() {
        long[] now = {0};
        ProgressBar bar = ProgressBar.lines(out, () -> now[0]);
        bar.update("run", 1, "1 done");
        bar.update("run", 2, "2 done");
        bar.finish();
        bar.finish();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).endsWith("2 done"), lines.toString());
    }

    @Test
    void noticesGoToTheInstalledSourceAsANoteAndToStandardErrorOtherwise() {
        List<String> shown = new ArrayList<>();
        ProgressBar.liveOutputs(() -> Optional.of((html, text) -> shown.add(html)));
        dev.newsbatch.internal.Notices.once("newsbatch: a test notice " + System.nanoTime());
        assertEquals(1, shown.size(), shown.toString());
        assertTrue(shown.get(0).contains("<b>newsbatch</b>: a test notice"), shown.get(0));
        ProgressBar.liveOutputs(LiveOutput.Source.NONE);
        java.io.PrintStream err = System.err;
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            dev.newsbatch.internal.Notices.once("newsbatch: another notice");
        } finally {
            System.setErr(err);
        }
        assertEquals(1, shown.size());
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("another notice"));
    }
}
