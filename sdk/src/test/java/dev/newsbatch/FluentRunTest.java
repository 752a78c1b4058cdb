package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.schema.Field;
import dev.newsbatch.schema.NewsClassification;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fluent chain end to end, on the embedded emulator. */
class FluentRunTest {
    @TempDir
    Path dir;

    @Test
    void fullChainClassifiesEveryArticleAndExports() throws Exception {
        BatchRun<NewsClassification> run = Batches.from(SampleArticles.of(60)).name("chain").directory(dir)
                .batchSize(25).pollInterval(Duration.ofMillis(20)).submit();
        assertEquals("chain", run.id());
        Results<NewsClassification> r = run.await().collect();
        assertEquals(60, r.size());
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        assertTrue(run.isDone());
        assertEquals(RunState.DONE, run.state().state());
        Summary s = r.summary();
        assertEquals(60, s.classified());
        assertTrue(s.financial() > 0 && s.financial() < 60, s.toString());
        assertTrue(r.usage().inputTokens() > 0 && r.usage().costUsd() > 0, r.usage().toString());
        String table = r.toString();
        assertTrue(table.contains("60 rows x "), table);
        assertTrue(table.contains("..."), table);
        Path json = r.save(dir);
        assertEquals("results_chain.json", json.getFileName().toString());
        assertTrue(Files.readString(json).contains("\"is_financial\""));
        List<String> csv = Files.readAllLines(r.toCsv(dir.resolve("r.csv")));
        assertEquals(61, csv.size());
        assertTrue(csv.get(0).startsWith("id,title,url,page_title,is_financial"), csv.get(0));
        assertEquals(60, Files.readAllLines(r.toJsonl(dir.resolve("r.jsonl"))).size());
    }

    @Test
    void submittingTheSameNameAgainSendsNothingTwice() {
        BatchSpec<NewsClassification> spec = Batches.from(SampleArticles.of(30)).name("twice").directory(dir)
                .pollInterval(Duration.ofMillis(20));
        spec.submit().await();
        BatchRun<NewsClassification> again = spec.submit();
        assertEquals(1, Jobs.list(dir).size());
        assertEquals(30, again.await().collect().size());
    }

    @Test
    void resumeFindsTheRunInALaterSession() {
        Batches.from(SampleArticles.of(20)).name("later").directory(dir).pollInterval(Duration.ofMillis(20)).submit();
        BatchRun<NewsClassification> resumed = Batches.resume("later", dir, NewsClassification.class);
        assertEquals(20, resumed.spec().pollInterval(Duration.ofMillis(20)).submit().await().collect().size());
        assertTrue(Batches.runs(dir).stream().anyMatch(r -> r.runId().equals("later")));
    }

    @Test
    void wavesRunKeepsAJobTrackingFile() throws Exception {
        Batches.from(SampleArticles.of(40)).name("tracked").directory(dir).waves().batchSize(20)
                .pollInterval(Duration.ofMillis(20)).submit().await();
        var tracking = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("job_tracking.json").toFile());
        assertEquals("tracked", tracking.get("run").asText());
        assertEquals(40, tracking.get("completed_articles").asInt());
        var jobs = tracking.get("waves").get(0).get("jobs");
        assertEquals(2, jobs.size());
        assertTrue(jobs.get(0).get("job_id").asText().startsWith("batches/"), jobs.toString());
        assertEquals("completed", tracking.get("waves").get(0).get("status").asText());
    }

    @Test
    void exactEstimateCountsTokensWithGemini() {
        Estimate calibrated = Batches.from(SampleArticles.of(10)).directory(dir).estimate();
        Estimate exact = Batches.from(SampleArticles.of(10)).directory(dir).estimateExact();
        assertTrue(exact.estimator().startsWith("countTokens") || exact.estimator().contains("count"), exact.estimator());
        assertTrue(exact.inputTokens() > 0 && exact.inputTokens() != calibrated.inputTokens(),
                calibrated + " vs " + exact);
    }

    @Test
    void realtimeBudgetCapStopsCallingAndSaysWhy() {
        Results<NewsClassification> r = Batches.from(SampleArticles.of(20)).name("rt-budget").directory(dir)
                .realtime().rpm(6_000).budgetUsd(0.003).submit().await().collect();
        assertTrue(r.size() > 0 && r.size() < 20, r.toString());
        assertEquals(20, r.size() + r.errors().size());
        assertTrue(r.errors().stream().allMatch(e -> e.kind() == ErrorKind.BUDGET), r.errors().toString());
        assertTrue(r.errors().get(0).message().contains("budget cap $0.00"), r.errors().get(0).message());
        assertTrue(r.usage().costUsd() <= 0.003, r.usage().toString());
    }

    @Test
    void resumeRestoresTheSpecsSettings() {
        Batches.from(SampleArticles.of(5)).name("settings").directory(dir).tier2().realtime().rpm(120).dailyCap(50)
                .budgetUsd(3.5).maxAttempts(2).submit();
        BatchSpec<NewsClassification> spec = Batches.resume("settings", dir, NewsClassification.class).spec();
        assertEquals(Tier.TIER_2, spec.tier());
        assertEquals(RunMode.REALTIME, spec.mode());
        assertEquals(120, spec.rpm());
        assertEquals(50, spec.dailyCap());
        assertEquals(3.5, spec.budgetUsd());
        assertEquals(2, spec.maxAttempts());
    }

    record Topic(@Field(values = {"markets", "sports", "culture", "weather"}) String topic,
                 @Field(min = 0, max = 10) int relevance) { }

    @Test
    void customRecordRowsAreTypedAndSchemaValid() {
        Results<Topic> r = Batches.from(SampleArticles.of(12)).classifyInto(Topic.class).name("topics")
                .directory(dir).pollInterval(Duration.ofMillis(20)).submit().await().collect();
        assertEquals(12, r.size());
        for (Row<Topic> row : r.rows()) {
            assertTrue(List.of("markets", "sports", "culture", "weather").contains(row.value().topic()));
            assertTrue(row.value().relevance() >= 0 && row.value().relevance() <= 10);
        }
    }

    @Test
    void fromUrlsClassifiesPagesAndRecordsUnreachableOnes() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/story", ex -> {
            byte[] page = ("<html><head><title>Acme Corp profit jumps - Daily News</title></head><body>"
                    + "<nav><a href='/'>Home</a> <a href='/markets'>Markets</a></nav><article><h1>Acme Corp profit jumps"
                    + "</h1><p>Acme Corp reported quarterly profit up 20 percent, beating forecasts, and its shares rose"
                    + " 5 percent on the stock exchange as investors cheered the higher dividend.</p><p>Analysts "
                    + "raised their targets after the earnings call, citing strong demand and lower costs.</p>"
                    + "</article><footer>Copyright Daily News</footer></body></html>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Results<NewsClassification> r = Batches.fromUrls(List.of(base + "/story", base + "/missing"),
                            FetchOptions.ofDefaults().allowLoopback(true).maxAttempts(1))
                    .name("urls").directory(dir).pollInterval(Duration.ofMillis(20)).submit().await().collect();
            assertEquals(1, r.size());
            assertTrue(r.rows().get(0).title().startsWith("Acme Corp profit jumps"), r.rows().get(0).title());
            assertEquals(1, r.errors().size());
            assertEquals(ErrorKind.FETCH_FAILED, r.errors().get(0).kind());
            assertTrue(r.errors().get(0).message().contains("404"), r.errors().get(0).message());
        } finally {
            server.stop(0);
        }
    }
}
