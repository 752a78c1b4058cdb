package dev.newsbatch.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.BatchRun;
import dev.newsbatch.Estimate;
import dev.newsbatch.Results;
import dev.newsbatch.RunMode;
import dev.newsbatch.RunStatus;
import dev.newsbatch.Summary;
import dev.newsbatch.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HtmlTest {
    private static final Estimate ESTIMATE = new Estimate(12_000, "gemini-2.5-flash", "tier1", RunMode.WAVES,
            "calibrated", 5_956_734, 1_800_000, 0, "off", 14, 3, 5_439, 3.14, 6.29, Double.NaN, null,
            Duration.ofMinutes(12), List.of("prices <as of> 2026"), "report");

    @Test
    void escapesMarkupInData() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", Html.escape("<b> & \"x\" 'y'"));
        String html = Html.results(SampleResults.of(3, 0));
        assertTrue(html.contains("Title &lt;0&gt;"), html);
        assertFalse(html.contains("Title <0>"), html);
    }

    @Test
    void resultsShowFirstAndLastRowsThenTheRowCount() {
        String html = Html.results(SampleResults.of(120, 0));
        assertTrue(html.contains(">id-0<") && html.contains(">id-4<"), "first five rows");
        assertFalse(html.contains(">id-5<"), "rows in the middle are left out");
        assertTrue(html.contains(">id-115<") && html.contains(">id-119<"), "last five rows");
        assertTrue(html.contains("120 rows × 9 columns"), html);
    }

    @Test
    void resultsListErrorsAndUsage() {
        String html = Html.results(SampleResults.of(2, 2));
        assertTrue(html.contains("2 errors"), html);
        assertTrue(html.contains("SCHEMA_VIOLATION"), html);
        assertTrue(html.contains("200 input + 40 output tokens, $0.0123"), html);
    }

    @Test
    void estimateComparesBatchWithRealtime() {
        String html = Html.estimate(ESTIMATE);
        assertTrue(html.contains("12,000"), html);
        assertTrue(html.contains("$3.14") && html.contains("$6.29"), html);
        assertTrue(html.contains("saves $3.15"), html);
        assertTrue(html.contains("prices &lt;as of&gt; 2026"), "warnings are shown, escaped");
    }

    @Test
    void estimatesTableHasOneRowPerEstimateWithTheModesCost() {
        Estimate realtime = new Estimate(12_000, "gemini-2.5-flash", "tier1", RunMode.REALTIME, "calibrated",
                5_956_734, 1_800_000, 0, "off", 14, 3, 5_439, 3.14, 6.29, Double.NaN, null, Duration.ofMinutes(12),
                List.of(), "report");
        String text = Html.toText(Html.estimates(List.of(ESTIMATE, realtime)));
        List<String> lines = text.lines().toList();
        assertEquals(3, lines.size(), text);
        assertTrue(lines.get(1).contains("waves") && lines.get(1).contains("$3.14  $3.14  $6.29"), text);
        assertTrue(lines.get(2).contains("realtime") && lines.get(2).contains("$6.29  $3.14  $6.29"), text);
    }

    @Test
    void statusIsAProgressBarWithCounts() {
        RunStatus s = new RunStatus("october", RunMode.CONTINUOUS, dev.newsbatch.RunState.RUNNING, 1200, 504, 2, 600, 2, 1, 42.0,
                Instant.EPOCH);
        String html = Html.status(s);
        assertTrue(html.contains("width:42.0%"), html);
        assertTrue(html.contains("RUNNING · 504/1,200 done, 2 failed, 600 in flight, 94 pending; jobs 1/2 done"),
                html);
        assertTrue(Html.of(s).isPresent());
    }

    @Test
    void ofIsEmptyForUnknownValues() {
        assertTrue(Html.of("plain string").isEmpty());
        assertTrue(Html.of(null).isEmpty());
        assertTrue(Html.of(ESTIMATE).isPresent());
    }

    @Test
    void ofUsesTheRendererRegisteredForTheValuesClass() {
        Results<?> results = SampleResults.of(3, 1);
        Chart chart = Charts.bars("Counts", Map.of("a", 1));
        assertEquals(Html.results(results), Html.of(results).orElseThrow());
        assertEquals(Html.estimate(ESTIMATE), Html.of(ESTIMATE).orElseThrow());
        assertEquals(Html.summary(results.summary()), Html.of(results.summary()).orElseThrow());
        assertEquals(Html.usage(results.usage()), Html.of(results.usage()).orElseThrow());
        assertEquals(Html.chart(chart), Html.of(chart).orElseThrow());
    }

    @Test
    void typesAreTheValuesThatHaveARenderer() {
        assertEquals(Set.of(Results.class, Estimate.class, RunStatus.class, BatchRun.class, Summary.class,
                Usage.class, dev.newsbatch.RunInfo.class, Chart.class, List.class, Map.class), Set.copyOf(Html.types()));
        assertThrows(UnsupportedOperationException.class, () -> Html.types().add(String.class));
    }

    @Test
    void chartIsItsSvgInline() {
        Chart chart = Charts.bars("A <b> chart", Map.of("a", 1));
        String html = Html.chart(chart);
        assertEquals(chart.svg(), html);
        assertTrue(html.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), html);
        assertTrue(html.contains("aria-label=\"A &lt;b&gt; chart\""), html);
        assertTrue(html.contains("<title>A &lt;b&gt; chart</title>"), html);
        assertTrue(!html.contains("<b>") && !html.contains("<img") && html.strip().endsWith("</svg>"), html);
    }

    @Test
    void usdKeepsThreeSignificantDigitsBelowOneDollar() {
        assertEquals("$0.00671", Html.usd(0.006712));
        assertEquals("$0.50", Html.usd(0.5));
        assertEquals("$0.03", Html.usd(0.0300));
        assertEquals("$3.31", Html.usd(3.3149));
        assertEquals("$661", Html.usd(661.2));
    }

    @Test
    void runsShowReadableTimestamps() {
        dev.newsbatch.RunInfo info = new dev.newsbatch.RunInfo("analysis", "analysis", RunMode.BATCH,
                "gemini-2.5-flash", "DONE", Instant.parse("2026-12-01T10:06:50.937212316Z"),
                Instant.parse("2026-12-01T10:07:02Z"));
        String html = Html.of(List.of(info)).orElseThrow();
        assertTrue(html.contains(">2026-12-01 10:06 UTC<") && html.contains(">2026-12-01 10:07 UTC<"), html);
        assertFalse(html.contains("50.937"), html);
        assertEquals("analysis (batch, gemini-2.5-flash) DONE, created 2026-12-01 10:06 UTC", info.toString());
    }

    @Test
    void breakdownsTopListsAndErrorsRenderAsTables() {
        Results<?> results = SampleResults.of(120, 2);
        String sentiment = Html.of(results.bySentiment()).orElseThrow();
        assertTrue(sentiment.contains("<table") && sentiment.contains(">Positive<") && sentiment.contains("%"), sentiment);
        String top = Html.of(results.topSectors(3)).orElseThrow();
        assertTrue(top.contains("<table") && top.contains(">name<"), top);
        String errors = Html.of(results.errors()).orElseThrow();
        assertTrue(errors.contains("SCHEMA_VIOLATION"), errors);
        assertTrue(Html.of(List.of("a", "b")).isEmpty(), "lists of other values stay text");
        assertTrue(Html.of(Map.of("a", "b")).isEmpty(), "maps of other values stay text");
        assertTrue(Html.of(List.of()).isEmpty());
    }

    @Test
    void filteredResultsShowTheirRowsOwnUsage() {
        Results<?> all = SampleResults.of(120, 0);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Results<?> some = ((Results) all).filter(r -> ((dev.newsbatch.Row<?>) r).id().compareTo("id-2") < 0);
        Usage rows = some.rowsUsage();
        long in = some.rows().stream().mapToLong(dev.newsbatch.Row::inputTokens).sum();
        assertEquals(in, rows.inputTokens());
        assertTrue(rows.costUsd() < all.usage().costUsd() && rows.costUsd() > 0, rows.toString());
        String html = Html.results(some);
        assertTrue(html.contains("these rows: " + Html.escape(String.format(java.util.Locale.ROOT, "%,d", in))
                + " input"), html);
        assertFalse(Html.results(all).contains("these rows"), "a whole set shows the run's usage");
        assertTrue(some.isFiltered() && !all.isFiltered());
        assertTrue(some.toString().contains("these rows: "), some.toString());
    }

    @Test
    void realtimeEstimateShowsNoBatchesButThinkingFlexAndTheDaysCaveat() {
        Estimate e = new Estimate(60_000, "gemini-2.5-flash", "tier1", RunMode.REALTIME, "calibrated", 30_000_000,
                9_000_000, 3_000_000, "budget 1024", 60, 1, 60_000, 3.14, 6.29, 4.70, null, Duration.ofDays(6),
                List.of(), "  time, real-time  6.0 days at 1,000 RPM, over 6 days at 10,000 RPD\n");
        String html = Html.estimate(e);
        assertFalse(html.contains(">batches<"), html);
        assertTrue(html.contains("over 6 days at 10,000 RPD"), html);
        assertTrue(html.contains("3,000,000 tokens assumed"), html);
        assertTrue(html.contains(">Flex<") && html.contains("$4.70"), html);
        assertFalse(e.toString().contains("batches"), e.toString());
        assertTrue(Html.estimate(ESTIMATE).contains(">batches<"), "batch modes show batches and waves");
    }

    @Test
    void noticeIsAnEscapedStyledNote() {
        assertFalse(Html.notice("newsbatch: hello <x>").contains("<x>"));
        assertTrue(Html.notice("newsbatch: hello").contains("<b>newsbatch</b>: hello"));
    }
}
