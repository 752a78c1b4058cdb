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
    void linesPrintsALinePerPercentAndIgnoresSmallerSteps() {
        ProgressBar bar = ProgressBar.lines(out);
        bar.update("run", 10.0, "a");
        bar.update("run", 10.4, "a");
        bar.update("run", 11.0, "a");
        assertEquals(2, bytes.toString(StandardCharsets.UTF_8).lines().count(), bytes.toString());
    }
}
