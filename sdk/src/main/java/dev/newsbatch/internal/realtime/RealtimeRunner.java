package dev.newsbatch.internal.realtime;

import dev.newsbatch.Article;
import dev.newsbatch.internal.Checks;
import dev.newsbatch.GeminiException;
import dev.newsbatch.internal.retry.RetryPolicy;
import dev.newsbatch.internal.gemini.GeminiGateway;
import dev.newsbatch.internal.retry.Retryable;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one request per article under Gemini's quotas: a Resilience4j {@code RateLimiter} at the
 * configured requests per minute paces the articles (one permit per {@code 60s / rpm}, plus a small
 * margin; an article's retries take none), a {@link MinuteWindow} keeps every 60 seconds to at most
 * {@code rpm} requests that Gemini may count (a request answered 503 or 429 was not counted and frees
 * its place at once), the SDK's one retry policy (a Resilience4j {@code Retry}) with exponential
 * backoff and jitter for retryable {@link GeminiException}s (429, 500, 503, transport), honouring the
 * server's retry delay when it gives one, bounded concurrency, and a daily cap kept in a
 * {@link DailyQuota} (a 503 or 429 gives its unit back). The quota day is the calendar day in
 * {@link #zone()} (Google resets its daily limits at midnight Pacific time). Immutable: withers
 * return new runners.
 *
 * <pre>{@code
 * RealtimeRunner runner = RealtimeRunner.ofRpm(600).concurrency(8).dailyCap(400, ledgerQuota);
 * RealtimeSummary s = runner.run(articles.iterator(), a -> gateway.classify(a), ledger::record);
 * RealtimeRun<Classification> run = runner.start(articles.iterator(), call, listener);  // async
 * }</pre>
 */
public final class RealtimeRunner {
    /** 5 attempts, backoff from 1 s doubling up to 60 s with 50% jitter, any server delay honoured. */
    private static final RetryPolicy RETRY = RetryPolicy.ofDefaults()
            .maxAttempts(5)
            .backoff(Duration.ofSeconds(1), 2.0, 0.5, Duration.ofSeconds(60))
            .maxServerDelay(RetryPolicy.NO_LIMIT);

    private final int rpm;
    private final double rateMargin;
    private final int concurrency;
    private final RetryPolicy retry;
    private final int dailyCap;
    private final DailyQuota quota;
    /** The zone of Google's quota day: daily limits reset at midnight Pacific time. */
    public static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");
    private final ZoneId zone;
    private final Clock clock;
    private final Sleeper sleeper;

    private RealtimeRunner(Draft d) {
        this.rpm = (int) Checks.atLeast(d.rpm, 1, "rpm");
        if (!(d.rateMargin >= 0 && d.rateMargin < 1)) {
            throw new IllegalArgumentException("rateMargin must be >= 0 and < 1, was " + d.rateMargin);
        }
        this.rateMargin = d.rateMargin;
        this.concurrency = (int) Checks.atLeast(d.concurrency, 1, "concurrency");
        this.retry = d.retry;
        this.dailyCap = (int) Checks.atLeast(d.dailyCap, 0, "dailyCap");
        this.quota = Checks.notNull(d.quota, "quota");
        this.zone = Checks.notNull(d.zone, "zone");
        this.clock = Checks.notNull(d.clock, "clock");
        this.sleeper = Checks.notNull(d.sleeper, "sleeper");
    }

    private static void positive(Duration d, String field) {
        Checks.notNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be > 0, was " + d);
        }
    }

    /**
     * A runner at {@code rpm} requests per minute with the defaults: 8 concurrent requests, 5 attempts,
     * backoff from 1 s doubling up to 60 s with 50% jitter, a 1% rate margin, no daily cap,
     * quota days in America/Los_Angeles.
     */
    public static RealtimeRunner ofRpm(int rpm) {
        Draft d = new Draft();
        d.rpm = rpm;
        d.rateMargin = 0.005;
        d.concurrency = 8;
        d.retry = RETRY;
        d.dailyCap = 0;
        d.quota = new InMemoryDailyQuota();
        d.zone = QUOTA_ZONE;
        d.clock = Clock.systemUTC();
        d.sleeper = Sleeper.THREAD;
        return new RealtimeRunner(d);
    }

    public int rpm() { return rpm; }

    public double rateMargin() { return rateMargin; }

    public int concurrency() { return concurrency; }

    public int maxAttempts() { return retry.maxAttempts(); }

    public Duration initialBackoff() { return retry.initialBackoff(); }

    public double backoffMultiplier() { return retry.multiplier(); }

    public double jitter() { return retry.jitter(); }

    public Duration maxBackoff() { return retry.maxBackoff(); }

    /** Requests allowed per quota day; 0 for no cap. */
    public int dailyCap() { return dailyCap; }

    public DailyQuota quota() { return quota; }

    public ZoneId zone() { return zone; }

    public Clock clock() { return clock; }

    public Sleeper sleeper() { return sleeper; }

    /** A copy at another rate. */
    public RealtimeRunner rpm(int requestsPerMinute) {
        return with(d -> d.rpm = requestsPerMinute);
    }

    /** A copy spacing requests {@code margin} more than {@code 60s / rpm} apart. Default: 0.005. */
    public RealtimeRunner rateMargin(double margin) {
        return with(d -> d.rateMargin = margin);
    }

    /** A copy with at most {@code requests} in flight at once. Default: 8. */
    public RealtimeRunner concurrency(int requests) {
        return with(d -> d.concurrency = requests);
    }

    /** A copy with at most {@code attempts} requests per article. Default: 5. */
    public RealtimeRunner maxAttempts(int attempts) {
        Checks.atLeast(attempts, 1, "maxAttempts");
        return with(d -> d.retry = d.retry.maxAttempts(attempts));
    }

    /** A copy with another backoff: first wait, growth factor, random spread (0..1) and ceiling. */
    public RealtimeRunner backoff(Duration initial, double multiplier, double jitterFactor, Duration max) {
        positive(initial, "initialBackoff");
        Checks.atLeast(multiplier, 1.0, "backoffMultiplier");
        if (!(jitterFactor >= 0 && jitterFactor < 1)) {
            throw new IllegalArgumentException("jitter must be >= 0 and < 1, was " + jitterFactor);
        }
        positive(max, "maxBackoff");
        return with(d -> d.retry = d.retry.backoff(initial, multiplier, jitterFactor, max));
    }

    /** A copy capped at {@code requestsPerDay} counted in {@code dailyQuota} (0 = no cap). */
    public RealtimeRunner dailyCap(int requestsPerDay, DailyQuota dailyQuota) {
        return with(d -> {
            d.dailyCap = requestsPerDay;
            d.quota = dailyQuota;
        });
    }

    /** A copy whose quota days are calendar days in {@code zoneId}. Default: America/Los_Angeles. */
    public RealtimeRunner zone(ZoneId zoneId) {
        return with(d -> d.zone = zoneId);
    }

    /** A copy reading the date from {@code c} (tests cross midnight with a fake clock). */
    public RealtimeRunner clock(Clock c) {
        return with(d -> d.clock = c);
    }

    /** A copy waiting between retries with {@code s}. Default: {@link Sleeper#THREAD}. */
    public RealtimeRunner sleeper(Sleeper s) {
        return with(d -> d.sleeper = s);
    }

    private RealtimeRunner with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new RealtimeRunner(d);
    }

    /**
     * The rate limiter's configuration: one permit per period of {@code 60s / rpm * (1 + margin)},
     * so that any 60-second window holds at most {@code floor(60s / period) + 1 <= rpm} requests,
     * and callers wait (up to a day) rather than fail when no permit is free.
     */
    public RateLimiterConfig rateLimiterConfig() {
        long nanos = (long) Math.ceil(60_000_000_000.0 / rpm * (1 + rateMargin)) + 1;
        return RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(nanos))
                .timeoutDuration(Duration.ofDays(1))
                .build();
    }

    /**
     * The retry configuration: {@link #maxAttempts()} attempts for {@link GeminiException}s that are
     * {@linkplain GeminiException#isRetryable() retryable}; the wait is the server's retry delay when
     * given, else exponential backoff with jitter.
     */
    public RetryConfig retryConfig() {
        return retryPolicy().config(retryable(() -> false));
    }

    /** The retry policy of these settings, waiting with {@link #sleeper()}; any server delay is honoured. */
    RetryPolicy retryPolicy() {
        return retry.sleeper(sleeper::sleep);
    }

    /** Retryable {@link GeminiException}s, after the delay they carry; nothing once {@code cancelled} says so. */
    static <R> Retryable<R> retryable(BooleanSupplier cancelled) {
        return GeminiGateway.retryable(cancelled);
    }

    /**
     * Starts the run in the background and returns its handle; outcomes reach {@code listener} as
     * they come. The iterator is read from the runner's threads, one article at a time.
     */
    public <R> RealtimeRun<R> start(Iterator<Article> articles, RealtimeCall<R> call, OutcomeListener<R> listener) {
        Checks.notNull(articles, "articles");
        Checks.notNull(call, "call");
        Checks.notNull(listener, "listener");
        RealtimeRun<R> run = new RealtimeRun<>(this, articles, call, listener);
        run.begin();
        return run;
    }

    /** Runs to the end (or the daily cap) and returns the summary; blocks. */
    public <R> RealtimeSummary run(Iterator<Article> articles, RealtimeCall<R> call, OutcomeListener<R> listener)
            throws InterruptedException {
        return start(articles, call, listener).await();
    }

    @Override
    public String toString() {
        return "RealtimeRunner[rpm=" + rpm + ", concurrency=" + concurrency + ", maxAttempts=" + retry.maxAttempts()
                + (dailyCap > 0 ? ", dailyCap=" + dailyCap + " (" + zone + ")" : "") + "]";
    }

    /** The settings of a runner being changed: the one place that lists them for a copy. */
    private static final class Draft {
        int rpm;
        double rateMargin;
        int concurrency;
        RetryPolicy retry;
        int dailyCap;
        DailyQuota quota;
        ZoneId zone;
        Clock clock;
        Sleeper sleeper;

        Draft() {
        }

        Draft(RealtimeRunner r) {
            rpm = r.rpm;
            rateMargin = r.rateMargin;
            concurrency = r.concurrency;
            retry = r.retry;
            dailyCap = r.dailyCap;
            quota = r.quota;
            zone = r.zone;
            clock = r.clock;
            sleeper = r.sleeper;
        }
    }
}
