package dev.newsbatch.app.rest;

import dev.newsbatch.JobStatus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The status answers of jobs, kept in memory so that a request never waits for Gemini or the ledger
 * once its job has been asked about: the first request for a job makes the one call (concurrent
 * first requests share it) and every later request is answered from memory with the body rendered
 * once. A state older than {@code ttl} is still answered, and one refresh at a time per job is
 * started on {@code refresher}; a terminal state (succeeded, failed, cancelled, expired) is kept for
 * good, since it no longer changes. A failed first call is not kept; a failed refresh keeps the last
 * answer and is tried again after {@code ttl}.
 *
 * <pre>{@code
 * StatusCache cache = new StatusCache(jobs::status, s -> render(s), Duration.ofSeconds(1), pool);
 * byte[] body = cache.answer("batches/abc123").body();
 * }</pre>
 */
final class StatusCache {
    /** A job's state when it was last asked, and its answer ready to send. */
    record Answer(JobStatus status, byte[] body, long fetchedAt) { }

    private final ConcurrentHashMap<String, CompletableFuture<Answer>> entries = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final Function<String, JobStatus> source;
    private final Function<JobStatus, byte[]> render;
    private final long ttlNanos;
    private final Executor refresher;

    StatusCache(Function<String, JobStatus> source, Function<JobStatus, byte[]> render, Duration ttl,
                Executor refresher) {
        this.source = source;
        this.render = render;
        this.ttlNanos = ttl.toNanos();
        this.refresher = refresher;
    }

    /**
     * The job's latest known answer; blocks only for the first call about the job.
     *
     * @throws RuntimeException what the source threw on the first call
     */
    Answer answer(String jobId) {
        while (true) {
            CompletableFuture<Answer> current = entries.get(jobId);
            if (current == null) {
                CompletableFuture<Answer> mine = new CompletableFuture<>();
                if (entries.putIfAbsent(jobId, mine) == null) {
                    return fetch(jobId, mine);
                }
            } else if (!current.isDone()) {
                return join(current);
            } else if (!current.isCompletedExceptionally()) {
                return kept(jobId, current.join());
            }
            // a failed first call is being removed: ask again
            entries.remove(jobId, current);
        }
    }

    /**
     * The job's answer when one is already in memory, without waiting; null when the job has not been
     * asked about yet, its first call is under way or failed. A stale state is refreshed as by
     * {@link #answer}.
     */
    Answer known(String jobId) {
        CompletableFuture<Answer> current = entries.get(jobId);
        return current == null || !current.isDone() || current.isCompletedExceptionally() ? null
                : kept(jobId, current.join());
    }

    /** A kept answer, with a refresh started when it is older than the ttl and may still change. */
    private Answer kept(String jobId, Answer a) {
        if (!a.status().state().isTerminal() && System.nanoTime() - a.fetchedAt() >= ttlNanos
                && refreshing.add(jobId)) {
            startRefresh(jobId, a);
        }
        return a;
    }

    private Answer fetch(String jobId, CompletableFuture<Answer> mine) {
        try {
            Answer a = ask(jobId);
            mine.complete(a);
            return a;
        } catch (RuntimeException e) {
            entries.remove(jobId, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void startRefresh(String jobId, Answer last) {
        try {
            refresher.execute(() -> refresh(jobId, last));
        } catch (RuntimeException e) {   // the refresher is shut down: the server is stopping
            refreshing.remove(jobId);
        }
    }

    private void refresh(String jobId, Answer last) {
        Answer next;
        try {
            next = ask(jobId);
        } catch (RuntimeException e) {
            next = new Answer(last.status(), last.body(), System.nanoTime());
        }
        try {
            entries.put(jobId, CompletableFuture.completedFuture(next));
        } finally {
            refreshing.remove(jobId);
        }
    }

    private Answer ask(String jobId) {
        JobStatus s = source.apply(jobId);
        return new Answer(s, render.apply(s), System.nanoTime());
    }

    private static Answer join(CompletableFuture<Answer> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public String toString() {
        return "StatusCache[" + entries.size() + " jobs, ttl " + Duration.ofNanos(ttlNanos) + "]";
    }
}
