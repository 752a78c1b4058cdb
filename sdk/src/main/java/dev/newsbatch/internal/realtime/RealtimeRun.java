package dev.newsbatch.internal.realtime;

import dev.newsbatch.Article;
import dev.newsbatch.GeminiException;
import dev.newsbatch.internal.retry.RetryOutcome;
import dev.newsbatch.internal.retry.RetryPolicy;
import dev.newsbatch.internal.retry.Retryable;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running real-time job: cancel it, wait for it, or compose on its {@link #future()}. Only the
 * {@code await} methods block.
 *
 * <pre>{@code
 * RealtimeRun<String> run = runner.start(articles, call, listener);
 * run.cancel();                         // stop admitting; in-flight requests are interrupted
 * RealtimeSummary s = run.await();
 * }</pre>
 *
 * @param <R> the result type
 */
public final class RealtimeRun<R> {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final RealtimeRunner runner;
    private final Iterator<Article> articles;
    private final RealtimeCall<R> call;
    private final OutcomeListener<R> listener;
    private final RateLimiter limiter;
    private final MinuteWindow window;
    private final RetryPolicy retry;
    private final Retryable<R> retryable;
    private final ExecutorService pool;
    private final CompletableFuture<RealtimeSummary> future = new CompletableFuture<>();
    private final Object listenerLock = new Object();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile LocalDate capReachedOn;
    private volatile Throwable listenerFailure;
    private long nextIndex;
    private long startNanos;

    RealtimeRun(RealtimeRunner runner, Iterator<Article> articles, RealtimeCall<R> call, OutcomeListener<R> listener) {
        this.runner = runner;
        this.articles = articles;
        this.call = call;
        this.listener = listener;
        int id = RUNS.incrementAndGet();
        this.limiter = RateLimiter.of("generateContent-" + id, runner.rateLimiterConfig());
        this.window = new MinuteWindow(runner.rpm(), Duration.ofMinutes(1), System::nanoTime);
        this.retry = runner.retryPolicy();
        this.retryable = RealtimeRunner.retryable(() -> cancelled);
        AtomicInteger thread = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(runner.concurrency(), r -> {
            Thread t = new Thread(r, "newsbatch-realtime-" + id + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void begin() {
        startNanos = System.nanoTime();
        running.set(runner.concurrency());
        for (int i = 0; i < runner.concurrency(); i++) {
            pool.execute(this::work);
        }
        pool.shutdown();
    }

    /** Stops admitting articles and interrupts requests in flight; their articles are deferred. */
    public void cancel() {
        cancelled = true;
        pool.shutdownNow();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isDone() {
        return future.isDone();
    }

    /** The summary, when the run ends. */
    public CompletableFuture<RealtimeSummary> future() {
        return future;
    }

    /** Blocks until the run ends and returns its summary. */
    public RealtimeSummary await() throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the outcome listener failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Blocks up to {@code timeout} for the summary.
     *
     * @throws TimeoutException if the run has not ended by then
     */
    public RealtimeSummary await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the outcome listener failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private record Next(long index, Article article) {}

    private synchronized Next take() {
        if (cancelled || capReachedOn != null || !articles.hasNext()) {
            return null;
        }
        return new Next(nextIndex++, articles.next());
    }

    private void work() {
        try {
            Next n;
            while ((n = take()) != null) {
                process(n);
            }
        } catch (RuntimeException e) {
            listenerFailure = listenerFailure == null ? e : listenerFailure;
            cancel();
        } finally {
            if (running.decrementAndGet() == 0) {
                finish();
            }
        }
    }

    private void process(Next n) {
        long t0 = System.nanoTime();
        AtomicInteger calls = new AtomicInteger();
        RetryOutcome<R> o = retry.run(() -> attempt(n, calls), retryable);
        retries.addAndGet(o.retries());
        int attempts = calls.get();
        Exception e = o.error();
        boolean interrupted = o.end() == RetryOutcome.End.INTERRUPTED || e instanceof InterruptedException;
        if (e instanceof Deferral d) {
            emit(n, Outcome.Status.DEFERRED, null, d.reason, attempts, t0, null);
        } else if (interrupted || e != null && cancelled) {
            emit(n, Outcome.Status.DEFERRED, null, "cancelled", attempts, t0, null);
        } else if (e != null) {
            emit(n, Outcome.Status.FAILED, null, reason(e, attempts), attempts, t0, e);
        } else {
            emit(n, Outcome.Status.SUCCEEDED, o.result(), null, attempts, t0, null);
        }
    }

    /**
     * One request for the article, once the run, the rate limiter, the minute's window and the daily cap
     * let it go. The rate limiter paces articles: only an article's first request takes a permit, so a
     * retry after a 503 does not spend a place in the minute that the 503 did not use. Every request
     * holds a place in the {@link MinuteWindow} (no more than {@code rpm} that Gemini may count in any
     * minute) and a unit of the daily cap; a request Gemini answered without serving (503, 429) gives
     * both back.
     */
    private R attempt(Next n, AtomicInteger calls) throws Exception {
        if (cancelled) {
            throw new Deferral("cancelled");
        }
        if (calls.get() == 0) {
            try {
                RateLimiter.waitForPermission(limiter);
            } catch (RequestNotPermitted e) {
                throw new Deferral(cancelled ? "cancelled" : "rate limiter: " + e.getMessage());
            }
        }
        MinuteWindow.Slot slot;
        try {
            slot = window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Deferral("cancelled");
        }
        LocalDate day = null;
        if (runner.dailyCap() > 0) {
            day = LocalDate.now(runner.clock().withZone(runner.zone()));
            if (!runner.quota().tryAcquire(day, runner.dailyCap())) {
                slot.unused();
                capReachedOn = day;
                throw new Deferral("daily cap of " + runner.dailyCap() + " requests reached for " + day);
            }
        }
        calls.incrementAndGet();
        requests.incrementAndGet();
        try {
            R result = call.call(n.article());
            slot.counted();
            return result;
        } catch (Exception e) {
            if (notServed(e)) {
                slot.unused();
                if (day != null) {
                    runner.quota().release(day);
                }
            } else {
                slot.counted();
            }
            throw e;
        }
    }

    /** Answers that say Gemini served nothing and counted nothing: 503 (overloaded) and 429 (over a quota). */
    static boolean notServed(Exception e) {
        return e instanceof GeminiException g && (g.status() == 503 || g.status() == 429);
    }

    /** Ends an article's attempts before a request is sent: it is deferred, not failed. */
    private static final class Deferral extends Exception {
        final String reason;

        Deferral(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    private String reason(Exception e, int attempts) {
        String base = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof GeminiException g && g.isRetryable()) {
            return base + " (gave up after " + attempts + " attempts)";
        }
        return base;
    }

    private void emit(Next n, Outcome.Status status, R result, String reason, int attempts, long t0,
                      Exception error) {
        switch (status) {
            case SUCCEEDED -> succeeded.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            default -> deferred.incrementAndGet();
        }
        Outcome<R> o = new Outcome<>(n.index(), n.article().id(), status, result, reason, attempts,
                Duration.ofNanos(System.nanoTime() - t0), error);
        synchronized (listenerLock) {
            listener.onOutcome(o);
        }
    }

    private void finish() {
        long notStarted = 0;
        if (listenerFailure == null && (cancelled || capReachedOn != null)) {
            synchronized (this) {
                while (articles.hasNext()) {
                    articles.next();
                    notStarted++;
                }
            }
        }
        StopReason reason = capReachedOn != null ? StopReason.DAILY_CAP
                : cancelled ? StopReason.CANCELLED : StopReason.COMPLETED;
        ZonedDateTime nextDay = capReachedOn == null ? null : capReachedOn.plusDays(1).atStartOfDay(runner.zone());
        RealtimeSummary s = new RealtimeSummary(succeeded.get(), failed.get(), deferred.get(), notStarted,
                requests.get(), retries.get(), reason, nextDay, Duration.ofNanos(System.nanoTime() - startNanos));
        if (listenerFailure != null) {
            future.completeExceptionally(listenerFailure);
        } else {
            future.complete(s);
        }
    }

    @Override
    public String toString() {
        return "RealtimeRun[" + (isDone() ? "done" : cancelled ? "cancelling" : "running") + ", "
                + succeeded.get() + " succeeded, " + failed.get() + " failed, " + requests.get() + " requests]";
    }
}
