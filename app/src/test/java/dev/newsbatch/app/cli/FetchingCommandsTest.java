package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbatch.app.NewsPages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extract URL} and {@code submit URLS.txt} against news pages served on loopback. */
class FetchingCommandsTest {
    @TempDir
    Path tmp;
    NewsPages site;

    @BeforeEach
    void startSite() {
        site = NewsPages.start();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private CliRun cli(String... args) {
        return CliRun.in(tmp.resolve("batch_jobs"), args);
    }

    @Test
    void extractFetchesTheArticleOfAUrl() {
        CliRun run = cli("extract", site.url("/news/bank"), "--allow-private-urls");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode n = run.json();
        assertEquals(NewsPages.title("bank"), n.get("title").asText(), run.out());
        assertTrue(n.get("contents").asText().contains("record quarterly profit"), run.out());
        assertEquals(site.url("/news/bank"), n.get("url").asText());
        assertTrue(n.has("published"), "published is part of the output: " + run.out());
        assertEquals("Daily Ledger", n.get("site_name").asText(), run.out());
        assertTrue(n.get("byline").asText().contains("Ayse Demir"), run.out());
    }

    @Test
    void extractRefusesLoopbackUnlessAllowed() {
        CliRun run = cli("extract", site.url("/news/bank"));
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("BLOCKED_ADDRESS"), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertEquals("", run.out());
    }

    @Test
    void extractOfAMissingPageExitsWithOneNamingTheStatus() {
        CliRun run = cli("extract", site.url("/gone"), "--allow-private-urls");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("newsbatch: error: cannot fetch " + site.url("/gone")), run.err());
        assertTrue(run.err().contains("HTTP 404"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void submitFetchesThePagesAndWaitsForTheirClassification() throws Exception {
        Path urls = SampleArticles.write(tmp.resolve("urls.txt"), "# three pages\n" + site.url("/news/a") + "\n"
                + site.url("/news/b") + "\n" + site.url("/gone") + "\n");
        CliRun run = cli("submit", urls.toString(), "--name", "pages", "--wait", "--poll-ms", "50",
                "--allow-private-urls", "--json");
        assertEquals(1, run.exitCode(), "one page failed: " + run);
        JsonNode n = run.json();
        assertEquals("COMPLETED", n.get("status").asText(), run.out());
        assertEquals(2, n.get("summary").get("classified").asInt(), run.out());
        assertEquals(1, n.get("summary").get("failed").asInt(), run.out());
        assertTrue(run.err().contains("progress: run pages"), "JSON mode reports progress on stderr: " + run.err());
        JsonNode saved = Output.JSON.readTree(Files.readString(tmp.resolve("batch_jobs/results_pages.json")));
        assertTrue(saved.toString().contains(NewsPages.title("a")), saved.toString());
        assertTrue(saved.toString().contains("FETCH_FAILED"), saved.toString());
    }

    @Test
    void submitRefusesLoopbackPagesByDefault() {
        Path urls = SampleArticles.write(tmp.resolve("urls.txt"), site.url("/news/a") + "\n"
                + site.url("/news/b") + "\n");
        CliRun run = cli("submit", urls.toString(), "--name", "strict");
        assertEquals(1, run.exitCode(), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
        assertTrue(run.out().contains("Not submitted: 2"), run.toString());
        assertTrue(run.out().contains(site.url("/news/a") + ": FETCH_FAILED BLOCKED_ADDRESS"), run.toString());
    }

    @Test
    void submitDoesNotEchoTheUserInformationOfUrls() {
        String secret = site.url("/news/a").replace("://", "://reader:pw-5521@");
        Path urls = SampleArticles.write(tmp.resolve("urls.txt"), secret + "\n");
        CliRun text = cli("submit", urls.toString(), "--name", "creds");
        assertEquals(1, text.exitCode(), text.toString());
        assertFalse(text.toString().contains("pw-5521") || text.toString().contains("reader:"), text.toString());
        assertTrue(text.out().contains(site.url("/news/a").replace("://", "://***@") + ": FETCH_FAILED"), text.toString());
        CliRun json = cli("submit", urls.toString(), "--name", "creds2", "--json");
        assertFalse(json.toString().contains("pw-5521"), json.toString());
    }
}
