package dev.newsbatch.internal;

import dev.newsbatch.JobStatus;
import dev.newsbatch.Results;
import java.util.List;
import java.util.Optional;

/** Job-level operations over one batch directory: what {@link dev.newsbatch.Jobs} delegates to. */
public interface JobService extends AutoCloseable {
    /** Asks Gemini for a job's state. */
    JobStatus status(String jobId);

    /** What the ledger recorded of a job. */
    Optional<JobStatus> find(String jobId);

    /** A finished job's results, parsed into {@code type}. */
    <T extends Record> Results<T> results(String jobId, Class<T> type);

    /** A finished job's results, parsed into the schema recorded with its run. */
    Results<? extends Record> results(String jobId);

    /** Every job recorded in the ledger. */
    List<JobStatus> list();

    /** The run's jobs recorded in the ledger, oldest first. */
    List<JobStatus> list(String runId);

    /** Cancels a job at Gemini. */
    JobStatus cancel(String jobId);

    @Override
    void close();
}
