package dev.newsbatch;

import java.time.Instant;

/**
 * The state of one Gemini batch job, as the CLI's {@code status} and {@code list} show it.
 *
 * <pre>{@code
 * JobStatus s = Jobs.status("batches/abc123");
 * System.out.println(s.state() + " " + s.completed() + "/" + s.requests());
 * }</pre>
 *
 * @param jobId     Gemini's job name, {@code batches/...}
 * @param runId     the newsbatch run it belongs to, or null for a job submitted elsewhere
 * @param state     the job's state
 * @param requests  requests in the job (-1 unknown)
 * @param completed requests completed (-1 unknown)
 * @param percent   completion in percent (-1 unknown)
 * @param createdAt when the job was created (may be null)
 * @param updatedAt when it last changed (may be null)
 * @param error     the job's error, or null
 */
public record JobStatus(String jobId, String runId, JobState state, long requests, long completed, double percent,
                        Instant createdAt, Instant updatedAt, String error) {
    @Override
    public String toString() {
        return "JobStatus[" + jobId + ", " + state + (requests >= 0 ? ", " + Math.max(0, completed) + "/" + requests : "")
                + (runId == null ? "" : ", run=" + runId) + "]";
    }
}
