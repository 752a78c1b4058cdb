package dev.newsbatch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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

    /** A snapshot from the ledger; does not call Gemini and does not block. */
    public RunStatus state() {
        return Runs.state(spec, runId);
    }

    /** Asks Gemini once for the state of the run's jobs, stores what finished, and returns the snapshot. */
    public RunStatus status() {
        return Runs.refresh(spec, runId);
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
     * @throws dev.newsbatch.gemini.GeminiException if Gemini keeps failing beyond the retry policy
     */
    public BatchRun<T> await() {
        Runs.await(spec, runId, spec.deadline(), null);
        return this;
    }

    /** Like {@link #await()}, but returns after at most {@code timeout} even if work remains. */
    public BatchRun<T> await(Duration timeout) {
        return await(timeout, null);
    }

    /**
     * Like {@link #await(Duration)}, but reports progress to {@code onProgress} instead of showing it
     * (for servers, machine-readable output and custom displays).
     */
    public BatchRun<T> await(Duration timeout, java.util.function.Consumer<RunStatus> onProgress) {
        Checks.notNull(timeout, "timeout");
        Runs.await(spec, runId, timeout.compareTo(spec.deadline()) < 0 ? timeout : spec.deadline(), onProgress);
        return this;
    }

    /** Awaits and collects on a background thread. */
    public CompletableFuture<Results<T>> future() {
        return CompletableFuture.supplyAsync(() -> await().collect());
    }

    /** Cancels the run's jobs at Gemini and stops admitting new ones. */
    public RunStatus cancel() {
        return Runs.cancel(spec, runId);
    }

    /** The results stored so far: rows for classified articles, errors for failed ones. */
    public Results<T> collect() {
        return Runs.collect(spec, runId);
    }

    @Override
    public String toString() {
        RunStatus s = state();
        return String.format("BatchRun[%s, %s, %s, %.0f%% of %d articles]", runId,
                spec.mode().name().toLowerCase(java.util.Locale.ROOT), s.state(), s.percent(), s.articles());
    }
}
