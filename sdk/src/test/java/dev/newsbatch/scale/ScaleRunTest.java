package dev.newsbatch.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Article;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.Estimate;
import dev.newsbatch.Batches;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.ItemError;
import dev.newsbatch.Results;
import dev.newsbatch.emulator.EmulatorConfig;
import dev.newsbatch.emulator.Endpoint;
import dev.newsbatch.emulator.Faults;
import dev.newsbatch.emulator.GeminiEmulator;
import dev.newsbatch.emulator.Quota;
import dev.newsbatch.internal.engine.SampleArticles;
import dev.newsbatch.internal.gemini.BatchJobInfo;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.internal.plan.Planner;
import dev.newsbatch.internal.plan.RequestTemplate;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.NewsClassification;
import dev.newsbatch.schema.Prompts;
import dev.newsbatch.internal.store.Ledger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.newsbatch.internal.realtime.DailyQuota;
import dev.newsbatch.internal.realtime.Outcome;
import dev.newsbatch.internal.realtime.RealtimeCall;
import dev.newsbatch.internal.realtime.RealtimeRunner;
import dev.newsbatch.internal.realtime.RealtimeSummary;
import dev.newsbatch.internal.realtime.StopReason;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs through the fluent API against the emulator with small quotas and faults on: a few hundred
 * articles that need several waves, 429s on create, per-item errors, a failed job, a budget cap.
 * The SDK learns the small enqueued-token limit from {@code tiers.json} in the batch directory, the
 * same number the emulator enforces.
 */
class ScaleRunTest {
    static final int ARTICLES = 300;
    static final int BATCH = 50;
    static final String MODEL = "gemini-3.1-flash-lite";

    @TempDir
    Path tmp;

    GeminiEmulator emulator;

    @AfterEach
    void stop() {
        System.clearProperty(GeminiConnection.BASE_URL_PROPERTY);
        if (emulator != null) {
            emulator.close();
        }
    }

    /** Estimated input tokens of {@code n} sample articles, as the SDK estimates them. */
    static long estimatedTokens(int n) {
        Prompts p = Prompts.ofDefaults();
        return Planner.forModel(MODEL).template(new RequestTemplate(MODEL, p, ClassificationSchema.news())).plan(SampleArticles.of(n).iterator())
                .inputTokens();
    }

    /** An enqueued-token limit whose 90% safe share holds about {@code jobs} request files of {@link #BATCH}. */
    static long limitFor(double jobs) {
        return (long) (estimatedTokens(ARTICLES) / (double) (ARTICLES / BATCH) * jobs / 0.9);
    }

    /** Starts the emulator with {@code enqueued} tokens of batch quota and tells the SDK the same number. */
    Path start(long enqueued, Faults faults) throws IOException {
        Quota q = Quota.of("tier1", MODEL).enqueuedBatchTokens(enqueued).requestsPerMinute(1_000_000);
        emulator = GeminiEmulator.start(EmulatorConfig.defaults().port(0).stateDir(tmp.resolve("emulator"))
                .quota(q).tokensPerSecond(200_000).startDelay(Duration.ofMillis(50)).faults(faults));
        System.setProperty(GeminiConnection.BASE_URL_PROPERTY, emulator.baseUrl());
        Path dir = tmp.resolve("batch");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("tiers.json"), "{\"tiers\":{\"tier1\":{\"models\":{\"" + MODEL
                + "\":{\"batch_enqueued_tokens\":" + enqueued + "}}}}}");
        return dir;
    }

    BatchSpec<NewsClassification> spec(Path dir, String name, int articles) {
        return Batches.from(SampleArticles.of(articles)).name(name).directory(dir).batchSize(BATCH)
                .pollInterval(Duration.ofMillis(20)).deadline(Duration.ofMinutes(2));
    }

    List<BatchJobInfo> jobsAtEmulator() {
        try (GeminiConnection c = GeminiConnection.to(emulator.baseUrl(), "k")) {
            return c.gateway().listBatches(1000);
        }
    }

    /** The most jobs the emulator had pending or running at one instant. */
    static int peakOverlap(List<BatchJobInfo> jobs) {
        int peak = 0;
        for (BatchJobInfo j : jobs) {
            Instant t = j.createTime();
            int at = 0;
            for (BatchJobInfo k : jobs) {
                if (!k.createTime().isAfter(t) && (k.endTime() == null || k.endTime().isAfter(t))) {
                    at++;
                }
            }
            peak = Math.max(peak, at);
        }
        return peak;
    }

    @Test
    void wavesClassifyEveryArticleUnderQuotasAndFaults() throws IOException {
        Faults faults = Faults.none().seed(11).errorRate(Endpoint.BATCH_CREATE, 0.25, 429).itemErrorRate(0.05)
                .failNextJobs(1);
        Path dir = start(limitFor(2.5), faults);
        Results<NewsClassification> r = spec(dir, "waves", ARTICLES).waves().submit().await().collect();

        assertEquals(ARTICLES, r.rows().size() + r.errors().size(), "every article ends classified or failed");
        assertTrue(r.rows().size() >= ARTICLES - 3, "retries recover nearly all: " + r.errors());
        assertTrue(r.errors().stream().allMatch(e -> e.attempts() == 3), r.errors().toString());
        assertEquals(0, emulator.stats().rateLimited(), "the waves never exceed the enqueued-token quota");
        assertTrue(emulator.stats().faultsInjected() > 0, "429s were injected on create");
        List<BatchJobInfo> first = jobsAtEmulator().stream()
                .filter(j -> j.displayName().endsWith("-a1")).collect(Collectors.toList());
        Estimate planned = spec(dir, "waves", ARTICLES).waves().estimate();
        assertEquals(planned.batches(), first.size(), "the run cuts the jobs the estimate planned");
        assertTrue(first.size() > ARTICLES / BATCH, "jobs are sized to a quarter of the budget, not " + BATCH + " items");
        assertTrue(peakOverlap(first) <= 4, "at most one wave (4 quarter-budget jobs) at a time, peak "
                + peakOverlap(first));
        assertTrue(r.usage().inputTokens() > 0 && r.usage().costUsd() > 0, r.usage().toString());
    }

    @Test
    void continuousAdmissionClassifiesEveryArticleWithinTheQuota() throws IOException {
        Path dir = start(limitFor(2.5), Faults.none().seed(5).itemErrorRate(0.05).failNextJobs(1));
        Results<NewsClassification> r = spec(dir, "continuous", ARTICLES).continuous().submit().await().collect();

        assertEquals(ARTICLES, r.rows().size() + r.errors().size());
        assertTrue(r.rows().size() >= ARTICLES - 3, r.errors().toString());
        assertEquals(0, emulator.stats().rateLimited(), "admission keeps the in-flight tokens under the quota");
        List<BatchJobInfo> first = jobsAtEmulator().stream().filter(j -> j.displayName().endsWith("-a1")).toList();
        assertEquals(spec(dir, "continuous", ARTICLES).continuous().estimate().batches(), first.size(),
                "the run cuts the jobs the estimate planned");
    }

    @Test
    void resubmissionsStopAtMaxAttemptsAndReportTheError() throws IOException {
        Path dir = start(limitFor(100), Faults.none().itemErrorRate(1.0));
        Results<NewsClassification> r = spec(dir, "hopeless", 100).maxAttempts(2).submit().await().collect();

        assertEquals(0, r.rows().size());
        assertEquals(100, r.errors().size());
        assertTrue(r.errors().stream().allMatch(e -> e.kind() == ErrorKind.API_ERROR && e.attempts() == 2),
                r.errors().get(0).toString());
        assertEquals(4, emulator.stats().batchesCreated(), "2 request files, each sent twice");
    }

    @Test
    void budgetCapStopsAdmissionAndSaysSo() throws IOException {
        Path dir = start(limitFor(100), Faults.none());
        BatchSpec<NewsClassification> spec = spec(dir, "budget", ARTICLES);
        double perJob = spec.estimate().batchUsd() / (ARTICLES / BATCH);
        Results<NewsClassification> r = spec.budgetUsd(perJob * 2.5).submit().await().collect();

        assertEquals(2 * BATCH, r.rows().size(), "the two batches that fit the budget ran");
        assertEquals(ARTICLES - 2 * BATCH, r.errors().size());
        Map<ErrorKind, Long> kinds = r.errors().stream()
                .collect(Collectors.groupingBy(ItemError::kind, Collectors.counting()));
        assertEquals(Map.of(ErrorKind.BUDGET, (long) (ARTICLES - 2 * BATCH)), kinds);
        assertTrue(r.errors().get(0).message().contains("budget cap $"), r.errors().get(0).message());
        assertEquals(2, emulator.stats().batchesCreated(), "nothing beyond the budget reached Gemini");
    }

    @Test
    void realtimeRunWithServerErrorsClassifiesEveryArticleWithoutA429() throws IOException {
        Path dir = start(limitFor(100), Faults.none().seed(3).errorRate(Endpoint.GENERATE_CONTENT, 0.1, 503));
        Results<NewsClassification> r = spec(dir, "rt", 200).realtime().rpm(20_000).submit().await().collect();

        assertEquals(200, r.rows().size(), r.errors().toString());
        assertEquals(0, emulator.stats().rateLimited());
        assertTrue(emulator.stats().faultsInjected() > 5, "503s were injected and retried");
        assertEquals(200, emulator.stats().generateContentCalls(), "each article answered once");
    }

    @Test
    void realtimeDailyCapHoldsAcrossARestartOnTheSameDay() throws IOException {
        Path dir = start(limitFor(100), Faults.none());
        BatchSpec<NewsClassification> spec = spec(dir, "capped", 100).realtime().rpm(20_000).dailyCap(40);
        spec.submit().await();
        assertEquals(40, spec.submit().collect().rows().size());
        long calls = emulator.stats().generateContentCalls();

        Results<NewsClassification> again = Batches.resume("capped", dir, NewsClassification.class)
                .spec().realtime().rpm(20_000).dailyCap(40).submit().await().collect();
        assertEquals(40, again.rows().size(), "no more answers on the same day");
        assertEquals(calls, emulator.stats().generateContentCalls(), "no request sent over the cap");
        try (Ledger ledger = Ledger.open(dir)) {
            assertEquals(60, ledger.itemCounts("capped").submitted() + ledger.itemCounts("capped").pending(),
                    "the rest waits for the next day");
        }
    }

    /**
     * The root API has no clock hook, so the day boundary is crossed one level down: the real-time
     * runner with a hand-moved clock, counting in the ledger as {@code Realtime} does, calling the
     * emulator through the real SDK. A new ledger connection stands for a restarted process.
     */
    @Test
    void dailyCapKeptInTheLedgerContinuesOnTheNextPacificDay() throws Exception {
        Path dir = start(limitFor(100), Faults.none());
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        MovableClock clock = new MovableClock(ZonedDateTime.of(2025, 3, 10, 23, 50, 0, 0, pacific).toInstant());
        LocalDate day1 = LocalDate.of(2025, 3, 10);
        List<Article> all = SampleArticles.of(80);
        List<Article> open = new ArrayList<>(all);
        try (GeminiConnection c = GeminiConnection.to(emulator.baseUrl(), "k")) {
            var schema = ClassificationSchema.news();
            RealtimeCall<String> call = a -> c.gateway().generate(MODEL, null, a.contents(),
                    schema.responseSchema(), null, false).text();

            RealtimeSummary first = runCapped(dir, clock, call, open);
            assertEquals(30, first.succeeded());
            assertEquals(StopReason.DAILY_CAP, first.stopReason());
            assertEquals(50, open.size());

            RealtimeSummary restarted = runCapped(dir, clock, call, open);
            assertEquals(0, restarted.succeeded(), "a restart on the same day sends nothing more");
            assertEquals(30, emulator.stats().generateContentCalls());

            clock.now = first.nextDayStart().orElseThrow().plusMinutes(1).toInstant();
            RealtimeSummary nextDay = runCapped(dir, clock, call, open);
            assertEquals(30, nextDay.succeeded(), "the next Pacific day continues");
            assertEquals(20, open.size());
            assertEquals(60, emulator.stats().generateContentCalls());
        }
        try (Ledger ledger = Ledger.open(dir)) {
            assertEquals(30, ledger.usedOn(day1, "generateContent"));
            assertEquals(30, ledger.usedOn(day1.plusDays(1), "generateContent"));
        }
    }

    /** One process's run: opens the ledger, sends what is open under a cap of 30 a day, removes what succeeded. */
    private static RealtimeSummary runCapped(Path dir, Clock clock, RealtimeCall<String> call, List<Article> open)
            throws InterruptedException {
        try (Ledger ledger = Ledger.open(dir)) {
            DailyQuota quota = new DailyQuota() {
                @Override
                public int usedOn(LocalDate day) {
                    return ledger.usedOn(day, "generateContent");
                }

                @Override
                public boolean tryAcquire(LocalDate day, int cap) {
                    return ledger.tryAcquire(day, "generateContent", cap);
                }

                @Override
                public void release(LocalDate day) {
                    ledger.release(day, "generateContent");
                }
            };
            Set<String> done = ConcurrentHashMap.newKeySet();
            RealtimeSummary s = RealtimeRunner.ofRpm(20_000).concurrency(4).dailyCap(30, quota).clock(clock)
                    .run(List.copyOf(open).iterator(), call, o -> {
                        if (o.status() == Outcome.Status.SUCCEEDED) {
                            done.add(o.articleId());
                        }
                    });
            open.removeIf(a -> done.contains(a.id()));
            return s;
        }
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MovableClock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return self.withZone(other);
                }

                @Override
                public Instant instant() {
                    return self.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
