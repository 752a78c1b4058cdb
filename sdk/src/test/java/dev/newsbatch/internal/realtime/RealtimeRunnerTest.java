package dev.newsbatch.internal.realtime;

import dev.newsbatch.Article;
import dev.newsbatch.GeminiException;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealtimeRunnerTest {
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    final List<Outcome<String>> outcomes = Collections.synchronizedList(new ArrayList<>());
    /** Fast enough that the rate limiter never matters; waits are recorded, not slept. */
    final RealtimeRunner fast = RealtimeRunner.ofRpm(6_000_000).sleeper(waits::add);

    static List<Article> articles(int n) {
        return IntStream.range(0, n).mapToObj(i -> Article.of("a" + i, "t", "body " + i)).toList();
    }

    static GeminiException error(int status, Duration retryDelay) {
        return GeminiException.of(status, "models.generateContent", null, retryDelay, "HTTP " + status, null);
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        volatile Instant now;

        ManualClock(ZonedDateTime start) {
            now = start.toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            ManualClock self = this;
            return new Clock() {
                public ZoneId getZone() { return zone; }
                public Clock withZone(ZoneId z) { return self.withZone(z); }
                public Instant instant() { return self.now; }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void retriesA429HonouringTheServersRetryDelay() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RealtimeSummary s = fast.run(articles(1).iterator(), a -> {
            if (calls.incrementAndGet() <= 2) {
                throw error(429, Duration.ofSeconds(7));
            }
            return "ok";
        }, outcomes::add);

        assertEquals(1, s.succeeded());
        assertEquals(3, outcomes.get(0).attempts());
        assertEquals("ok", outcomes.get(0).result());
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(7)), waits);
        assertEquals(2, s.retries());
        assertEquals(3, s.requests());
    }

    @Test
    void retriesWithoutADelayBackOffExponentiallyWithJitter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RealtimeRunner r = fast.backoff(Duration.ofSeconds(1), 2.0, 0.5, Duration.ofSeconds(60));
        r.run(articles(1).iterator(), a -> {
            if (calls.incrementAndGet() <= 3) {
                throw error(503, null);
            }
            return "ok";
        }, outcomes::add);

        assertEquals(3, waits.size());
        for (int k = 0; k < 3; k++) {
            long base = 1_000L << k;
            long ms = waits.get(k).toMillis();
            assertTrue(ms >= base / 2 && ms <= base * 3 / 2, "wait " + k + " was " + ms + " ms");
        }
    }

    @Test
    void aRetryAfterA503TakesNoRateLimiterPermit() throws Exception {
        // One permit a minute: were the retry paced like a new article, it would wait a minute and the run
        // would not end before the cancel below.
        AtomicInteger calls = new AtomicInteger();
        RealtimeRun<String> run = RealtimeRunner.ofRpm(2).sleeper(waits::add).concurrency(1)
                .start(articles(1).iterator(), a -> {
                    if (calls.incrementAndGet() <= 2) {
                        throw error(503, null);
                    }
                    return "ok";
                }, outcomes::add);
        RealtimeSummary s;
        try {
            s = run.await(Duration.ofSeconds(20));
        } finally {
            run.cancel();
        }
        assertEquals(1, s.succeeded());
        assertEquals(3, s.requests());
        assertEquals(2, waits.size(), "the policy's backoff, not the limiter, spaced the retries");
    }

    @Test
    void a503GivesItsDailyUnitBackAndAnAnswerKeepsIt() throws Exception {
        InMemoryDailyQuota quota = new InMemoryDailyQuota();
        ManualClock clock = new ManualClock(ZonedDateTime.of(2025, 4, 1, 12, 0, 0, 0, PACIFIC));
        AtomicInteger calls = new AtomicInteger();
        RealtimeSummary s = fast.concurrency(1).dailyCap(2, quota).clock(clock).zone(PACIFIC)
                .run(articles(2).iterator(), a -> {
                    if (calls.incrementAndGet() % 2 == 1) {
                        throw error(503, null);
                    }
                    return a.id();
                }, outcomes::add);

        assertEquals(StopReason.COMPLETED, s.stopReason(), "two 503s did not spend the cap of two");
        assertEquals(2, s.succeeded());
        assertEquals(4, s.requests());
        assertEquals(2, quota.usedOn(LocalDate.of(2025, 4, 1)), "only the answered requests count");
    }

    @Test
    void a500KeepsItsDailyUnit() throws Exception {
        InMemoryDailyQuota quota = new InMemoryDailyQuota();
        ManualClock clock = new ManualClock(ZonedDateTime.of(2025, 4, 1, 12, 0, 0, 0, PACIFIC));
        AtomicInteger calls = new AtomicInteger();
        fast.concurrency(1).dailyCap(10, quota).clock(clock).zone(PACIFIC).run(articles(1).iterator(), a -> {
            if (calls.incrementAndGet() == 1) {
                throw error(500, null);   // the server may have done the work: it counts
            }
            return a.id();
        }, outcomes::add);

        assertEquals(2, quota.usedOn(LocalDate.of(2025, 4, 1)));
    }

    @Test
    void givesUpAfterMaxAttemptsAndSaysSo() throws Exception {
        RealtimeSummary s = fast.maxAttempts(4).<String>run(articles(1).iterator(), a -> {
            throw error(500, null);
        }, outcomes::add);

        assertEquals(1, s.failed());
        Outcome<String> o = outcomes.get(0);
        assertEquals(Outcome.Status.FAILED, o.status());
        assertEquals(4, o.attempts());
        assertTrue(o.reason().contains("gave up after 4 attempts"), o.reason());
        assertEquals(3, waits.size());
    }

    @Test
    void nonRetryableErrorsAreNotRetried() throws Exception {
        List<Article> two = articles(2);
        RealtimeSummary s = fast.<String>run(two.iterator(), a -> {
            if (a.id().equals("a0")) {
                throw error(400, null);
            }
            throw new IllegalStateException("schema mismatch");
        }, outcomes::add);

        assertEquals(2, s.failed());
        outcomes.forEach(o -> assertEquals(1, o.attempts(), o.toString()));
        assertTrue(waits.isEmpty());
        assertEquals(2, s.requests());
    }

    @Test
    void concurrencyBoundIsNeverExceeded() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        CountDownLatch firstThreeTogether = new CountDownLatch(3);
        RealtimeSummary s = fast.concurrency(3).run(articles(60).iterator(), a -> {
            max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            firstThreeTogether.countDown();
            boolean together = firstThreeTogether.await(10, TimeUnit.SECONDS);
            inFlight.decrementAndGet();
            return together ? "ok" : "timeout";
        }, outcomes::add);

        assertEquals(60, s.succeeded());
        assertEquals(3, max.get());
        assertTrue(outcomes.stream().allMatch(o -> "ok".equals(o.result())));
    }

    @Test
    void everyArticleReachesTheListenerExactlyOnce() throws Exception {
        RealtimeSummary s = fast.concurrency(4).run(articles(200).iterator(), Article::id, outcomes::add);

        Set<String> ids = new HashSet<>();
        outcomes.forEach(o -> ids.add(o.articleId()));
        assertEquals(200, outcomes.size());
        assertEquals(200, ids.size());
        assertEquals(StopReason.COMPLETED, s.stopReason());
    }

    @Test
    void dailyCapStopsAdmittingAndTheNextDayContinues() throws Exception {
        InMemoryDailyQuota quota = new InMemoryDailyQuota();
        ManualClock clock = new ManualClock(ZonedDateTime.of(2025, 3, 10, 23, 59, 0, 0, PACIFIC));
        RealtimeRunner r = fast.concurrency(1).dailyCap(3, quota).clock(clock).zone(PACIFIC);
        List<Article> five = articles(5);

        RealtimeSummary day1 = r.run(five.iterator(), Article::id, outcomes::add);

        assertEquals(StopReason.DAILY_CAP, day1.stopReason());
        assertEquals(3, day1.succeeded());
        assertEquals(2, day1.remaining());
        assertEquals(ZonedDateTime.of(2025, 3, 11, 0, 0, 0, 0, PACIFIC), day1.nextDayStart().orElseThrow());
        assertEquals(3, quota.usedOn(LocalDate.of(2025, 3, 10)));

        clock.now = day1.nextDayStart().orElseThrow().plusSeconds(30).toInstant();
        List<Article> rest = outcomes.stream().filter(o -> !o.succeeded()).map(o -> five.get((int) o.index()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        rest.addAll(five.subList(4, 5));
        RealtimeSummary day2 = r.run(rest.iterator(), Article::id, o -> {});

        assertEquals(StopReason.COMPLETED, day2.stopReason());
        assertEquals(2, day2.succeeded());
        assertEquals(2, quota.usedOn(LocalDate.of(2025, 3, 11)));
    }

    @Test
    void dailyCapCountsOnTheNewDayOnceMidnightPassesDuringARun() throws Exception {
        InMemoryDailyQuota quota = new InMemoryDailyQuota();
        ManualClock clock = new ManualClock(ZonedDateTime.of(2025, 6, 1, 23, 59, 59, 0, PACIFIC));
        AtomicInteger calls = new AtomicInteger();
        RealtimeSummary s = fast.concurrency(1).dailyCap(2, quota).clock(clock).zone(PACIFIC)
                .run(articles(4).iterator(), a -> {
                    if (calls.incrementAndGet() == 2) {
                        clock.now = clock.now.plus(Duration.ofHours(1));
                    }
                    return a.id();
                }, outcomes::add);

        assertEquals(4, s.succeeded());
        assertEquals(2, quota.usedOn(LocalDate.of(2025, 6, 1)));
        assertEquals(2, quota.usedOn(LocalDate.of(2025, 6, 2)));
    }

    @Test
    void restartOnTheSameDayDoesNotExceedTheCap() throws Exception {
        InMemoryDailyQuota quota = new InMemoryDailyQuota();
        ManualClock clock = new ManualClock(ZonedDateTime.of(2025, 1, 2, 9, 0, 0, 0, PACIFIC));
        LocalDate day = LocalDate.of(2025, 1, 2);
        for (int i = 0; i < 399; i++) {
            quota.tryAcquire(day, 400);
        }
        RealtimeSummary s = fast.dailyCap(400, quota).clock(clock).zone(PACIFIC)
                .run(articles(10).iterator(), Article::id, outcomes::add);

        assertEquals(1, s.succeeded());
        assertEquals(9, s.remaining());
        assertEquals(400, quota.usedOn(day));
    }

    @Test
    void cancelDefersTheArticleInFlightAndStopsAdmitting() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        RealtimeRun<String> run = fast.concurrency(1).start(articles(50).iterator(), a -> {
            started.countDown();
            new CountDownLatch(1).await();   // blocks until interrupted by cancel()
            return "never";
        }, outcomes::add);
        assertTrue(started.await(10, TimeUnit.SECONDS));

        run.cancel();
        RealtimeSummary s = run.await(Duration.ofSeconds(10));

        assertEquals(StopReason.CANCELLED, s.stopReason());
        assertEquals(0, s.succeeded());
        assertEquals(50, s.remaining());
        assertEquals(Outcome.Status.DEFERRED, outcomes.get(0).status());
        assertEquals("cancelled", outcomes.get(0).reason());
    }

    @Test
    void cancelWhileWaitingForTheRateLimiterDefersInsteadOfFailingTheRun() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        RealtimeRun<String> run = RealtimeRunner.ofRpm(1).sleeper(waits::add).concurrency(1)
                .start(articles(3).iterator(), Article::id, o -> {
                    outcomes.add(o);
                    first.countDown();
                });
        assertTrue(first.await(10, TimeUnit.SECONDS));

        run.cancel();   // the next article waits about a minute for its permit, or has not started
        RealtimeSummary s = run.await(Duration.ofSeconds(10));

        assertEquals(StopReason.CANCELLED, s.stopReason());
        assertEquals(1, s.succeeded());
        assertEquals(0, s.failed());
        assertEquals(2, s.remaining());
        assertEquals(1, s.requests());
    }

    @Test
    void rateLimiterNeverAllowsMoreThanRpmInAnySixtySecondWindow() {
        for (int rpm : new int[] {1, 2, 10, 15, 150, 600, 1_000, 4_000, 10_000, 30_000}) {
            RateLimiterConfig c = RealtimeRunner.ofRpm(rpm).rateLimiterConfig();
            long period = c.getLimitRefreshPeriod().toNanos();
            assertEquals(1, c.getLimitForPeriod());
            // one permit per cycle: a 60 s window touches at most floor(60 s / period) + 1 cycles
            long worstCase = 60_000_000_000L / period + 1;
            assertTrue(worstCase <= rpm, "rpm " + rpm + " allows " + worstCase);
            double achievable = 60e9 / period / rpm;
            assertTrue(achievable >= 0.97, "rpm " + rpm + " achieves only " + achievable);
        }
    }

    @Test
    void rejectsBadSettingsNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RealtimeRunner.ofRpm(0))
                .getMessage().startsWith("rpm must be >= 1, was 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> fast.concurrency(0))
                .getMessage().startsWith("concurrency must be >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> fast.maxAttempts(0))
                .getMessage().startsWith("maxAttempts must be >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> fast.dailyCap(-1, new InMemoryDailyQuota()))
                .getMessage().startsWith("dailyCap must be >= 0"));
    }

    @Test
    void withersLeaveTheOriginalUnchanged() {
        RealtimeRunner r0 = RealtimeRunner.ofRpm(600);
        RealtimeRunner r1 = r0.concurrency(2).maxAttempts(9);
        assertEquals(8, r0.concurrency());
        assertEquals(5, r0.maxAttempts());
        assertEquals(2, r1.concurrency());
        assertEquals(9, r1.maxAttempts());
    }
}
