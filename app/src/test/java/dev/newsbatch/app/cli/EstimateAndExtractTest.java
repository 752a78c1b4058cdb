package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code estimate} and {@code extract}: no Gemini calls. */
class EstimateAndExtractTest {
    @TempDir
    Path tmp;

    private CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("batch_jobs"), args);
    }

    @Test
    void estimateWithFixedTokensGivesThePublishedFigures() {
        Path file = SampleArticles.jsonLines(tmp.resolve("12k.jsonl"), 12_000);
        CliRun run = cli("estimate", file.toString(), "--model", "gemini-2.5-flash", "--tier", "tier1",
                "--input-tokens", "2800", "--output-tokens", "150", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode n = run.json();
        assertEquals(12_000, n.get("articles").asLong());
        assertEquals(7.29, n.get("batch_usd").asDouble(), 1e-9);
        assertEquals(14.58, n.get("realtime_usd").asDouble(), 1e-9);
    }

    @Test
    void estimateReportShowsBothPrices() {
        Path file = SampleArticles.jsonLines(tmp.resolve("12k.jsonl"), 12_000);
        CliRun run = cli("estimate", file.toString(), "--model", "gemini-2.5-flash", "--input-tokens", "2800",
                "--output-tokens", "150");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("7.29"), run.out());
        assertTrue(run.out().contains("14.58"), run.out());
    }

    @Test
    void estimateWithoutFixedFiguresCountsTheArticles() {
        Path file = SampleArticles.jsonArray(tmp.resolve("a.json"), 7);
        JsonNode n = cli("estimate", file.toString(), "--json").json();
        assertEquals(7, n.get("articles").asInt());
        assertTrue(n.get("batch_usd").asDouble() < n.get("realtime_usd").asDouble(), n.toString());
    }

    @Test
    void estimateNeedsBothFixedFigures() {
        Path file = SampleArticles.jsonArray(tmp.resolve("a.json"), 1);
        CliRun run = cli("estimate", file.toString(), "--input-tokens", "100");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--input-tokens and --output-tokens go together"), run.err());
    }

    @Test
    void extractFromHtmlPrintsTitleAndContentsAsJson() {
        String paragraph = "<p>Bosphorus Bank reported record profit for the quarter, lifted by lending growth, "
                + "lower funding costs and strong fee income across its retail and corporate divisions.</p>";
        Path html = SampleArticles.write(tmp.resolve("page.html"), "<html><head>"
                + "<title>Bank profit soars | Daily</title>"
                + "<meta property=\"og:title\" content=\"Bank profit soars\"></head><body><nav>Home News</nav>"
                + "<article><h1>Bank profit soars</h1>" + paragraph.repeat(5) + "</article></body></html>");
        CliRun run = cli("extract", "--html", html.toString(), "--url", "https://news.example/bank");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode n = run.json();
        assertEquals("Bank profit soars", n.get("title").asText());
        assertTrue(n.get("contents").asText().contains("record profit"), n.toString());
        assertEquals("https://news.example/bank", n.get("url").asText());
    }

    @Test
    void extractOfAPageWithoutTextExitsWithOne() {
        Path html = SampleArticles.write(tmp.resolve("empty.html"), "<html><body><nav>menu</nav></body></html>");
        CliRun run = cli("extract", "--html", html.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no article text"), run.err());
    }

    @Test
    void extractRejectsNonHttpUrls() {
        CliRun run = cli("extract", "file:///etc/passwd");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("URL must be an http or https URL"), run.err());
    }

    @Test
    void extractNeedsAUrlOrAFile() {
        CliRun run = cli("extract");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("URL or --html FILE is required"), run.err());
    }
}
