package dev.newsbatch.app.rest;

import dev.newsbatch.JobStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers the status of a job from one recent Gemini call: concurrent requests for the same job share
 * a single call, a state is reused for {@code ttl}, and a terminal state (succeeded, failed,
 * cancelled, expired) for good, since it no longer changes. Failed calls are not kept.
 *
 * <pre>{@code
 * StatusCache cache = new StatusCache(jobs::status, Duration.ofSeconds(1));
 * JobStatus s = cache.status("batches/abc123");
 * }</pre>
 */
final class StatusCache {
    private record Entry(JobStatus status, long fetchedAt) { }

    private final ConcurrentHashMap<String, CompletableFuture<Entry>> entries = new ConcurrentHashMap<>();
    private final Function<String, JobStatus> source;
    private final long ttlNanos;

    StatusCache(Function<String, JobStatus> source, Duration ttl) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
    }

    JobStatus status(String jobId) {
        while (true) {
            CompletableFuture<Entry> current = entries.get(jobId);
            if (current == null) {
                CompletableFuture<Entry> mine = new CompletableFuture<>();
                if (entries.putIfAbsent(jobId, mine) == null) {
                    return fetch(jobId, mine);
                }
            } else if (!current.isDone() || current.isCompletedExceptionally()) {
                return join(current);
            } else {
                Entry e = current.join();
                if (e.status().state().isTerminal() || System.nanoTime() - e.fetchedAt() < ttlNanos) {
                    return e.status();
                }
                entries.remove(jobId, current);
            }
        }
    }

    private JobStatus fetch(String jobId, CompletableFuture<Entry> mine) {
        try {
            JobStatus s = source.apply(jobId);
            mine.complete(new Entry(s, System.nanoTime()));
            return s;
        } catch (RuntimeException e) {
            entries.remove(jobId, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static JobStatus join(CompletableFuture<Entry> f) {
        try {
            return f.join().status();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public String toString() {
        return "StatusCache[" + entries.size() + " jobs, ttl " + Duration.ofNanos(ttlNanos) + "]";
    }
}
