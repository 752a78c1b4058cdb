package dev.newsbatch.internal.plan;

import dev.newsbatch.Article;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {

    static Stream<Article> articles(int n, int chars) {
        String body = "x".repeat(chars);
        return IntStream.range(0, n).mapToObj(i -> Article.of("a" + i, "Title " + i, body));
    }

    static TierLimits tenMillion() {
        TierLimits t1 = TierLimits.preset("tier1");
        return t1.with("gemini-2.5-flash", t1.model("gemini-2.5-flash").batchEnqueuedTokens(10_000_000));
    }

    @Test
    void costOfTwelveThousandArticlesMatchesTheOriginalsFigures() {
        Plan plan = Planner.forModel("gemini-2.5-flash").estimator(TokenEstimator.fixed(2_800, 150))
                .plan(articles(12_000, 10));

        assertEquals(33_600_000, plan.inputTokens());
        assertEquals(1_800_000, plan.outputTokens());
        assertEquals(7.29, plan.batchCostUsd(), 1e-9);
        assertEquals(14.58, plan.realtimeCostUsd(), 1e-9);
        assertTrue(plan.report().contains("$7.29"), plan.report());
        assertTrue(plan.report().contains("$14.58"), plan.report());
    }

    @Test
    void twelveThousandArticlesOnATenMillionLimitMakeFourWavesOfFourQuarterBudgetJobs() {
        Plan plan = Planner.forModel("gemini-2.5-flash").tier(tenMillion())
                .estimator(TokenEstimator.fixed(2_800, 150)).plan(articles(12_000, 10));

        assertEquals(9_000_000, plan.waveTokenBudget());
        // A job holds at most a quarter of the budget: 803 articles of 2,800 tokens (2,248,400 ≤ 2,250,000).
        assertEquals(4, plan.waves().size());
        assertEquals(3_212, plan.maxArticlesPerWave());
        assertEquals(List.of(3_212L, 3_212L, 3_212L, 2_364L), plan.waves().stream().map(Wave::articles).toList());
        plan.waves().forEach(w -> assertTrue(w.inputTokens() <= 9_000_000, w.toString()));
        assertTrue(plan.report().contains("at most 3,212 articles per wave"), plan.report());
    }

    @Test
    void batchesHoldAtMostTheItemLimitAndCoverEveryArticleOnce() {
        Plan plan = Planner.forModel("gemini-2.5-flash").tier(tenMillion())
                .estimator(TokenEstimator.fixed(2_800, 150)).plan(articles(12_000, 10));

        long next = 0;
        for (BatchSlice b : plan.batches()) {
            assertEquals(next, b.firstArticle());
            assertTrue(b.items() >= 1 && b.items() <= 1_000, b.toString());
            next = b.endArticle();
        }
        assertEquals(12_000, next);
        assertEquals(15, plan.batches().size(), "the engine's cut (JobSizing), never cut at a wave");
        assertEquals("a0", plan.batches().get(0).firstId());
        assertEquals("a802", plan.batches().get(0).lastId(), "803 articles: the token cap binds before the item cap");
        plan.batches().forEach(b -> assertTrue(b.inputTokens() <= 2_250_000, b.toString()));
        Plan items = Planner.forModel("gemini-2.5-flash").tier(tenMillion())
                .estimator(TokenEstimator.fixed(1_000, 150)).plan(articles(12_000, 10));
        assertEquals("a999", items.batches().get(0).lastId(), "1,000 articles of 1,000 tokens: the item cap binds");
    }

    @Test
    void batchesSplitWhereTheFileSizeLimitWouldBeExceeded() {
        RequestTemplate none = RequestTemplate.none();
        Article sample = Article.of("a0", "Title 0", "x".repeat(1_000));
        long line = none.lineBytes(sample);
        Plan plan = Planner.forModel("gemini-2.5-flash").maxBytesPerFile(line * 10 + 5)
                .plan(IntStream.range(0, 95).mapToObj(i -> Article.of("a" + (i % 10), "Title 0", "x".repeat(1_000))));

        assertEquals(10, plan.batches().size());
        plan.batches().forEach(b -> assertTrue(b.jsonBytes() <= line * 10 + 5, b.toString()));
        assertEquals(5, plan.batches().get(9).items());
    }

    @Test
    void itemLimitSplitsBatches() {
        Plan plan = Planner.forModel("gemini-2.5-flash").maxItemsPerBatch(7).plan(articles(20, 100));

        assertEquals(List.of(7L, 7L, 6L), plan.batches().stream().map(BatchSlice::items).toList());
    }

    @Test
    void wavesNeverHoldMoreBatchesThanTheConcurrentJobLimit() {
        Plan plan = Planner.forModel("gemini-2.5-flash").tier(tenMillion().concurrentBatchJobs(2))
                .maxItemsPerBatch(10).estimator(TokenEstimator.fixed(100, 10)).plan(articles(55, 10));

        assertEquals(3, plan.waves().size());
        plan.waves().forEach(w -> assertTrue(w.batches() <= 2, w.toString()));
    }

    @Test
    void jsonBytesCountEscapesAndMultiByteCharacters() {
        RequestTemplate none = RequestTemplate.none();
        Article plain = Article.of("k", "", "ab");
        Article escaped = Article.of("k", "", "a\"\n\u00e9\u20ac");
        // '"' -> 2, '\n' -> 2, é -> 2 UTF-8 bytes, € -> 3: 1 + 2 + 2 + 2 + 3 = 10, vs 2 for "ab"
        assertEquals(8, none.lineBytes(escaped) - none.lineBytes(plain));
    }

    @Test
    void planningAFreeTierModelWarnsThatThereIsNoBatchApi() {
        Plan plan = Planner.forModel("gemini-2.5-flash").tier("free").plan(articles(10, 100));

        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("no Batch API")), plan.warnings().toString());
        assertEquals(1, plan.batches().size());
    }

    @Test
    void budgetCapBeyondTheEstimateIsReportedWithTheArticlesThatFit() {
        Plan plan = Planner.forModel("gemini-2.5-flash").tier(tenMillion()).estimator(TokenEstimator.fixed(2_800, 150))
                .budgetUsd(2.00).plan(articles(12_000, 10));

        String warning = String.join("\n", plan.warnings());
        assertTrue(warning.contains("exceeds the budget cap $2.00"), warning);
        assertTrue(warning.contains("first 3,212 articles fit"), warning);
    }

    @Test
    void toStringStaysShortForLargePlans() {
        Plan plan = Planner.forModel("gemini-2.5-flash").estimator(TokenEstimator.fixed(2_800, 150))
                .plan(articles(12_000, 10));

        assertTrue(plan.toString().length() < 300, plan.toString());
        assertTrue(plan.toString().lines().count() <= 4, plan.toString());
        assertTrue(plan.toString().contains("fixed"), plan.toString());
    }

    @Test
    void planReportsTheEstimatorUsed() {
        Plan plan = Planner.forModel("gemini-2.5-flash").plan(articles(3, 400));

        assertTrue(plan.estimator().startsWith("calibrated"), plan.estimator());
        assertTrue(plan.report().contains("calibrated"), plan.report());
    }

    @Test
    void withersReturnNewPlannersAndLeaveTheOriginalUnchanged() {
        Planner p0 = Planner.forModel("gemini-2.5-flash");
        Planner p1 = p0.model("gemini-2.5-pro").maxItemsPerBatch(50);

        assertNotSame(p0, p1);
        assertEquals("gemini-2.5-flash", p0.model());
        assertEquals(1_000, p0.maxItemsPerBatch());
        assertEquals(50, p1.maxItemsPerBatch());
    }

    @Test
    void rejectsBadSettingsNamingTheField() {
        Planner p = Planner.forModel("gemini-2.5-flash");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.maxItemsPerBatch(0))
                .getMessage().startsWith("maxItemsPerBatch must be >= 1, was 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.safeShare(1.5))
                .getMessage().contains("safeShare"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.model(" "))
                .getMessage().contains("model must not be blank"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> p.model("gemini-9").plan(articles(1, 1))).getMessage().contains("gemini-9"));
    }

    @Test
    void planningConsumesTheIteratorOnceWithoutKeepingArticles() {
        int[] served = {0};
        Iterator<Article> it = new Iterator<>() {
            public boolean hasNext() { return served[0] < 2_500; }
            public Article next() { return Article.of("a" + served[0]++, "t", "body"); }
        };
        Plan plan = Planner.forModel("gemini-2.5-flash").plan(it);

        assertEquals(2_500, served[0]);
        assertEquals(2_500, plan.articles());
        assertEquals(3, plan.batches().size());
    }

    @Test
    void longContextArticlesAreBilledAtTheLongRates() {
        Plan plan = Planner.forModel("gemini-2.5-pro").estimator(TokenEstimator.fixed(300_000, 1_000))
                .plan(articles(1, 10));

        // batch long rates: $1.25 in, $7.50 out per 1M tokens
        assertEquals(0.3 * 1.25 + 0.001 * 7.50, plan.batchCostUsd(), 1e-9);
        assertEquals(300_000, plan.totals().longInput());
    }

    @Test
    void timeEstimatesFollowTheGivenSpeedAndTheModelsRpm() {
        Plan plan = Planner.forModel("gemini-2.5-flash").estimator(TokenEstimator.fixed(500, 150))
                .tokensPerSecond(5_000).plan(articles(1_000, 10));

        assertEquals(100, plan.estimatedBatchTime().orElseThrow().toSeconds());
        assertEquals(60, plan.estimatedRealtimeTime().toSeconds()); // 1,000 articles at 1,000 RPM
    }

    @Test
    void realtimeTimeIsBoundByTokensPerMinuteWhenThatIsTighter() {
        Plan plan = Planner.forModel("gemini-2.5-flash").estimator(TokenEstimator.fixed(2_800, 150))
                .plan(articles(1_000, 10));

        assertEquals(168, plan.estimatedRealtimeTime().toSeconds()); // 2.8M tokens at 1M TPM
    }
}
