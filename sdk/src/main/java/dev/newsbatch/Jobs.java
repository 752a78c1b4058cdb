package dev.newsbatch;

import dev.newsbatch.internal.Checks;
import dev.newsbatch.internal.JobService;
import dev.newsbatch.internal.RunService;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Job-level operations by Gemini job id ({@code batches/...}): status, results, list and cancel, as
 * the original command line offered them. Runs group jobs; see {@link Batches} for the run-level API.
 * An open {@code Jobs} keeps one Gemini connection and one ledger for many calls (a server, a
 * polling loop) and is safe to share between threads; the static methods open and close one per call.
 *
 * <pre>{@code
 * try (Jobs jobs = Jobs.open(Path.of("batch_jobs"))) {
 *     JobStatus s = jobs.status("batches/abc123");
 *     if (s.state() == JobState.SUCCEEDED) jobs.results("batches/abc123").save(Path.of("."));
 * }
 * }</pre>
 */
public final class Jobs implements AutoCloseable {
    private static final String GEMINI_PREFIX = "batches/";
    private static final Pattern VERTEX_JOB_ID = Pattern.compile(
            "projects/[a-z0-9-]{1,63}/locations/[a-z0-9-]{1,63}/batchPredictionJobs/[0-9]{1,32}");

    private final Path directory;
    private final JobService service;

    private Jobs(Path directory, JobService service) {
        this.directory = directory;
        this.service = service;
    }

    /** Opens the batch directory's ledger and a Gemini connection. */
    public static Jobs open(Path directory) {
        Checks.notNull(directory, "directory");
        return new Jobs(directory, RunService.get().jobs(directory));
    }

    /**
     * Asks Gemini for the job's state; a job recorded in the ledger is also advanced there.
     *
     * @throws IllegalArgumentException if {@code jobId} is not of the form {@code batches/<id>}
     * @throws JobNotFoundException if Gemini does not know the job
     * @throws GeminiException if Gemini fails
     */
    public JobStatus status(String jobId) {
        return service.status(checkJobId(jobId));
    }

    /** The job as last recorded in the ledger, without calling Gemini; empty if it is not recorded. */
    public Optional<JobStatus> find(String jobId) {
        return service.find(checkJobId(jobId));
    }

    /**
     * The results of a finished job, downloading them once if needed.
     *
     * @throws JobNotFoundException if the job is not in the ledger (it was not submitted from here)
     * @throws JobNotFinishedException if the job has not finished yet
     */
    public Results<NewsClassification> results(String jobId) {
        return service.results(checkJobId(jobId), NewsClassification.class);
    }

    /**
     * The results of a finished job in the schema recorded with its run (a schema given as JSON
     * gives {@link dev.newsbatch.schema.Answer} rows), downloading them once if needed.
     *
     * @throws JobNotFoundException if the job is not in the ledger (it was not submitted from here)
     * @throws JobNotFinishedException if the job has not finished yet
     */
    public Results<? extends Record> resultsAsRecorded(String jobId) {
        return service.results(checkJobId(jobId));
    }

    /** Every job in the ledger, newest first. */
    public List<JobStatus> list() {
        return service.list();
    }

    /**
     * The jobs of run {@code runId} in the ledger, oldest first (empty for an unknown run); reads only that
     * run's rows, so it costs the same however many runs the ledger holds.
     */
    public List<JobStatus> ofRun(String runId) {
        Checks.notBlank(runId, "runId");
        return service.list(runId);
    }

    /**
     * Asks Gemini to cancel the job and returns its state after the request.
     *
     * @throws JobNotFoundException if Gemini does not know the job
     */
    public JobStatus cancel(String jobId) {
        return service.cancel(checkJobId(jobId));
    }

    @Override
    public void close() {
        service.close();
    }

    @Override
    public String toString() {
        return "Jobs[" + directory + "]";
    }

    // ------------------------------------------------------------------ one-call forms

    /** {@link #status(String)} with a connection opened and closed for this call. */
    public static JobStatus status(String jobId, Path directory) {
        try (Jobs jobs = open(directory)) {
            return jobs.status(jobId);
        }
    }

    /** {@link #results(String)} with a connection opened and closed for this call. */
    public static Results<NewsClassification> results(String jobId, Path directory) {
        try (Jobs jobs = open(directory)) {
            return jobs.results(jobId);
        }
    }

    /** {@link #resultsAsRecorded(String)} with a connection opened and closed for this call. */
    public static Results<? extends Record> resultsAsRecorded(String jobId, Path directory) {
        try (Jobs jobs = open(directory)) {
            return jobs.resultsAsRecorded(jobId);
        }
    }

    /** Every job in the ledger of {@code directory}; does not call Gemini. */
    public static List<JobStatus> list(Path directory) {
        try (Jobs jobs = open(directory)) {
            return jobs.list();
        }
    }

    /** {@link #cancel(String)} with a connection opened and closed for this call. */
    public static JobStatus cancel(String jobId, Path directory) {
        try (Jobs jobs = open(directory)) {
            return jobs.cancel(jobId);
        }
    }

    /**
     * True when {@code jobId} is a Gemini API job name: {@code batches/} and 1 to 128 letters, digits, {@code _} or
     * {@code -}. Checks the form only; it does not ask Gemini.
     *
     * <pre>{@code
     * Jobs.isGeminiJobId("batches/abc123");   // true
     * Jobs.isGeminiJobId("batches/../x");     // false
     * }</pre>
     */
    public static boolean isGeminiJobId(String jobId) {
        int n = jobId == null ? 0 : jobId.length();
        if (n <= GEMINI_PREFIX.length() || n > GEMINI_PREFIX.length() + 128 || !jobId.startsWith(GEMINI_PREFIX)) {
            return false;
        }
        for (int i = GEMINI_PREFIX.length(); i < n; i++) {
            char c = jobId.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String checkJobId(String jobId) {
        Checks.notBlank(jobId, "jobId");
        if (!isGeminiJobId(jobId) && !VERTEX_JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("jobId must look like batches/<id> (1-128 letters, digits, '_' or '-'), "
                    + "or projects/<p>/locations/<l>/batchPredictionJobs/<number> on Vertex AI, "
                    + "was \"" + Checks.abbreviate(jobId, 60) + "\"" + (jobId.length() > 60 ? " (" + jobId.length()
                    + " characters)" : ""));
        }
        return jobId;
    }
}
