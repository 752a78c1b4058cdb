package dev.newsbatch;

/**
 * The job's results were asked for before the job finished.
 *
 * <pre>{@code
 * try { jobs.results(id); } catch (JobNotFinishedException e) { System.out.println(e.state()); }
 * }</pre>
 */
public final class JobNotFinishedException extends NewsbatchException {
    private final String jobId;
    private final JobState state;

    public JobNotFinishedException(String jobId, JobState state) {
        super("job " + jobId + " is still " + state + "; check its status and try again when it has succeeded");
        this.jobId = jobId;
        this.state = state;
    }

    /** The job id. */
    public String jobId() {
        return jobId;
    }

    /** The state the job was in. */
    public JobState state() {
        return state;
    }
}
