package dev.newsbatch;

/**
 * No batch job with this id is known: not in the ledger of the batch directory, or unknown to Gemini.
 *
 * <pre>{@code
 * try { jobs.results("batches/nope"); } catch (JobNotFoundException e) { System.err.println(e.jobId()); }
 * }</pre>
 */
public final class JobNotFoundException extends NewsbatchException {
    private final String jobId;

    public JobNotFoundException(String jobId, String message) {
        super(message);
        this.jobId = jobId;
    }

    /** The job id asked for. */
    public String jobId() {
        return jobId;
    }
}
