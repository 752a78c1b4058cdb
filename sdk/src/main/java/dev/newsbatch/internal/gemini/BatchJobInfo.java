package dev.newsbatch.internal.gemini;

import dev.newsbatch.JobState;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one Gemini batch job: its name, state and request counts.
 *
 * <pre>{@code
 * BatchJobInfo job = gateway.batch("batches/abc");
 * System.out.println(job.state() + " " + job.percent() + "%");
 * }</pre>
 *
 * @param name         Gemini's job name, {@code batches/...}
 * @param displayName  the display name given at creation
 * @param state        the state
 * @param model        the model, e.g. {@code models/gemini-2.5-flash}
 * @param requests     number of requests, or -1 when the API did not say
 * @param succeeded    requests done successfully (-1 when unknown)
 * @param failed       requests that failed (-1 when unknown)
 * @param createTime   when the job was created (may be null)
 * @param updateTime   when it last changed (may be null)
 * @param endTime      when it ended (null while running)
 * @param resultFile   the results file ({@code files/...}), once succeeded; may be null
 * @param error        the job-level error message, or null
 */
public record BatchJobInfo(String name, String displayName, JobState state, String model,
                           long requests, long succeeded, long failed,
                           Instant createTime, Instant updateTime, Instant endTime,
                           String resultFile, String error) {

    /** Completed requests (succeeded + failed), or -1 when unknown. */
    public long completed() {
        return succeeded < 0 ? -1 : succeeded + Math.max(0, failed);
    }

    /** Completion in percent (0–100), or -1 when unknown. */
    public double percent() {
        if (state == JobState.SUCCEEDED) {
            return 100.0;
        }
        return requests <= 0 || succeeded < 0 ? -1 : 100.0 * completed() / requests;
    }

    /** The results file, when there is one. */
    public Optional<String> results() {
        return Optional.ofNullable(resultFile);
    }

    @Override
    public String toString() {
        return "BatchJob[" + name + ", " + state
                + (requests >= 0 ? ", " + Math.max(0, completed()) + "/" + requests : "")
                + (displayName == null ? "" : ", " + displayName) + "]";
    }
}
