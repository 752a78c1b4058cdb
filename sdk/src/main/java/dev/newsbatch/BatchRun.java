package dev.newsbatch;

import dev.newsbatch.internal.Checks;
import dev.newsbatch.internal.RunService;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The handle of a submitted run. Only the {@code await} methods block; a run can be re-attached in a
 * later session with {@link Batches#resume(String)}.
 *
 * <pre>{@code
 * BatchRun<NewsClassification> run = Batches.from(articles).name("demo").submit();
 * run.state();                               // a snapshot from the ledger, no remote call
 * run.await(Duration.ofMinutes(5));          // returns early if still running after 5 minutes
 * Results<NewsClassification> r = run.await().collect();
 * }</pre>
 *
 * @param <T> the classification record type
 */
public final class BatchRun<T extends Record> {
    private final BatchSpec<T> spec;
    private final String runId;
    private volatile RunStatus lastSeen;

    BatchRun(BatchSpec<T> spec, String runId) {
        this.spec = spec;
        this.runId = runId;
    }

    /** The run's id (its name). */
    public String id() {
        return runId;
    }

    /** The spec the run was submitted with. */
    public BatchSpec<T> spec() {
        return spec;
    }

    /** The last state this handle has seen (from {@code state()}, {@code await()} ...); never reads the ledger. */
    public Optional<RunStatus> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    /** A snapshot from the ledger; does not call Gemini and does not block. */
    public RunStatus state() {
        return seen(RunService.get().state(spec.config(), runId));
    }

    /** Asks Gemini once for the state of the run's jobs, stores what finished, and returns the snapshot. */
    public RunStatus status() {
        return seen(RunService.get().refresh(spec, runId));
    }

    /** True when every article has a result or an error. */
    public boolean isDone() {
        return state().isFinished();
    }

    /**
     * Blocks until the run is finished (or the spec's deadline passes), showing progress, resubmitting
     * failed articles up to the spec's attempt limit.
     *
     * @return this run
     * @throws GeminiException if Gemini keeps failing beyond the retry policy
     */
    public BatchRun<T> await() {
        return await(spec.deadline(), null);
    }

    /** Like {@link #await()}, but returns after at most {@code timeout} even if work remains. */
    public BatchRun<T> await(Duration timeout) {
        return await(timeout, null);
    }

    /**
     * Like {@link #await(Duration)}, but reports progress to {@code onProgress} instead of showing it
     * (for servers, machine-readable output and custom displays).
     */
    public BatchRun<T> await(Duration timeout, Consumer<RunStatus> onProgress) {
        Checks.notNull(timeout, "timeout");
        Duration limit = timeout.compareTo(spec.deadline()) < 0 ? timeout : spec.deadline();
        seen(RunService.get().await(spec, runId, limit, onProgress));
        return this;
    }

    /**
     * Awaits and collects on a thread of this run's own (a daemon named {@code newsbatch-<id>}), so no
     * shared pool is held for hours. Cancelling the future cancels the run: its jobs are cancelled at
     * Gemini and the waiting thread is interrupted.
     */
    public CompletableFuture<Results<T>> future() {
        RunFuture future = new RunFuture();
        Thread worker = new Thread(() -> {
            try {
                future.complete(await().collect());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "newsbatch-" + runId);
        future.worker = worker;
        worker.setDaemon(true);
        worker.start();
        return future;
    }

    /**
     * Sends the failed articles of a finished run once more: those whose error may pass on another try
     * (service errors, cut or unreadable answers; not safety blocks or bad input), whatever their attempt
     * count. In batch mode the new jobs the quota allows are sent at once; {@link #await()} drives the
     * rest, as for any run.
     *
     * <pre>{@code
     * BatchRun<NewsClassification> run = Batches.resume("demo");
     * if (run.retryFailed() > 0) run.await();
     * }</pre>
     *
     * @return how many articles were queued again (0 when none can be retried, or the run was cancelled)
     */
    public int retryFailed() {
        int queued = RunService.get().retryFailed(spec, runId);
        lastSeen = null;
        return queued;
    }

    /** Cancels the run's jobs at Gemini and stops admitting new ones. */
    public RunStatus cancel() {
        return seen(RunService.get().cancel(spec, runId));
    }

    /** The results stored so far: rows for classified articles, errors for failed ones. */
    public Results<T> collect() {
        return RunService.get().collect(spec, runId);
    }

    /** The run's id and mode, and the last state seen by this handle; never reads the ledger. */
    @Override
    public String toString() {
        RunStatus s = lastSeen;
        String mode = spec.mode().name().toLowerCase(Locale.ROOT);
        return s == null ? "BatchRun[" + runId + ", " + mode + ", " + spec.model() + "]"
                : "BatchRun[" + runId + ", " + mode + ", " + Format.state(s.state()) + ", "
                        + Math.round(s.percent()) + "% of " + Format.plural(s.articles(), "article") + "]";
    }

    private RunStatus seen(RunStatus s) {
        lastSeen = s;
        return s;
    }

    /** The future of {@link #future()}: cancelling it cancels the run and interrupts its thread. */
    private final class RunFuture extends CompletableFuture<Results<T>> {
        private volatile Thread worker;

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                BatchRun.this.cancel();
                Thread w = worker;
                if (w != null) {
                    w.interrupt();
                }
            }
            return cancelled;
        }
    }
}
