package dev.newsbatch;

import dev.newsbatch.gemini.BatchJobInfo;
import dev.newsbatch.gemini.GeminiException;
import dev.newsbatch.schema.NewsClassification;
import dev.newsbatch.store.JobRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    private final Path directory;
    private final Session session;

    private Jobs(Path directory, Session session) {
        this.directory = directory;
        this.session = session;
    }

    /** Opens the batch directory's ledger and a Gemini connection. */
    public static Jobs open(Path directory) {
        Checks.notNull(directory, "directory");
        return new Jobs(directory, Session.open(directory));
    }

    /**
     * Asks Gemini for the job's state; a job recorded in the ledger is also advanced there.
     *
     * @throws IllegalArgumentException if {@code jobId} is not of the form {@code batches/<id>}
     * @throws JobNotFoundException if Gemini does not know the job
     * @throws GeminiException if Gemini fails
     */
    public JobStatus status(String jobId) {
        checkJobId(jobId);
        Optional<JobRecord> known = session.ledger.jobByName(jobId);
        BatchJobInfo info = remote(jobId);
        if (known.isPresent() && known.get().step() == JobRecord.Step.CREATED) {
            session.engine.refresh(known.get());
        }
        return status(info, known.map(JobRecord::runId).orElse(null));
    }

    /** The job as last recorded in the ledger, without calling Gemini; empty if it is not recorded. */
    public Optional<JobStatus> find(String jobId) {
        checkJobId(jobId);
        return session.ledger.jobByName(jobId).map(Jobs::recorded);
    }

    /**
     * The job's results: downloads and stores them if the job succeeded and they are not stored yet.
     * Only the job's own articles are in the result set.
     *
     * @throws JobNotFoundException if the job was not submitted through this batch directory
     * @throws JobNotFinishedException if the job has not finished yet
     */
    public Results<NewsClassification> results(String jobId) {
        checkJobId(jobId);
        JobRecord job = session.ledger.jobByName(jobId).orElseThrow(() -> new JobNotFoundException(jobId,
                "job " + jobId + " was not submitted from " + directory + " (it is not in the ledger)"));
        BatchSpec<NewsClassification> spec = Batches.resume(job.runId(), directory, NewsClassification.class).spec();
        session.engine.register(Runs.settings(spec, job.runId()));
        if (job.step() == JobRecord.Step.CREATED) {
            job = session.engine.refresh(job);
        }
        if (job.step().ordinal() < JobRecord.Step.FINISHED.ordinal()) {
            throw new JobNotFinishedException(jobId, JobState.fromWire(job.jobState()));
        }
        if (job.step() == JobRecord.Step.FINISHED) {
            job = session.engine.retrieve(job);
        }
        int chunk = job.chunk();
        return Runs.collect(spec, job.runId(),
                i -> jobId.equals(i.jobName()) || (i.chunk() == chunk && i.jobName() == null));
    }

    /** The jobs recorded in the ledger, newest first, with the state last seen (no remote call). */
    public List<JobStatus> list() {
        return list(session.ledger);
    }

    /**
     * Asks Gemini to cancel the job.
     *
     * @throws JobNotFoundException if Gemini does not know the job
     */
    public JobStatus cancel(String jobId) {
        checkJobId(jobId);
        try {
            session.connection.gateway().cancel(jobId);
        } catch (GeminiException e) {
            if (e.status() == 404) {
                throw new JobNotFoundException(jobId, "Gemini knows no job " + jobId);
            }
            throw e;
        }
        return status(jobId);
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "Jobs[" + directory + "]";
    }

    // ------------------------------------------------------------------ one-call forms

    /** {@link #status(String)} with a connection opened for this call. */
    public static JobStatus status(String jobId, Path directory) {
        try (Jobs jobs = open(directory)) {
            return jobs.status(jobId);
        }
    }

    /** {@link #results(String)} with a connection opened for this call. */
    public static Results<NewsClassification> results(String jobId, Path directory) {
        try (Jobs jobs = open(directory)) {
            return jobs.results(jobId);
        }
    }

    /** {@link #list()} with the ledger opened for this call (no Gemini connection). */
    public static List<JobStatus> list(Path directory) {
        Checks.notNull(directory, "directory");
        try (var ledger = dev.newsbatch.store.Ledger.open(directory)) {
            return list(ledger);
        }
    }

    /** {@link #cancel(String)} with a connection opened for this call. */
    public static JobStatus cancel(String jobId, Path directory) {
        try (Jobs jobs = open(directory)) {
            return jobs.cancel(jobId);
        }
    }

    // ------------------------------------------------------------------ plumbing

    private static List<JobStatus> list(dev.newsbatch.store.Ledger ledger) {
        List<JobStatus> out = new ArrayList<>();
        for (JobRecord j : ledger.allJobs()) {
            if (j.jobName() != null) {
                out.add(recorded(j));
            }
        }
        return out;
    }

    private BatchJobInfo remote(String jobId) {
        try {
            return session.connection.gateway().batch(jobId);
        } catch (GeminiException e) {
            if (e.status() == 404) {
                throw new JobNotFoundException(jobId, "Gemini knows no job " + jobId);
            }
            throw e;
        }
    }

    private static JobStatus recorded(JobRecord j) {
        JobState state = JobState.fromWire(j.jobState());
        boolean done = state == JobState.SUCCEEDED;
        return new JobStatus(j.jobName(), j.runId(), state, j.items(), done ? j.items() : j.completed(),
                done ? 100.0 : j.completed() < 0 ? -1 : 100.0 * j.completed() / j.items(),
                j.createdAt(), j.updatedAt(), j.error());
    }

    private static JobStatus status(BatchJobInfo info, String runId) {
        return new JobStatus(info.name(), runId, info.state(), info.requests(), info.completed(), info.percent(),
                info.createTime(), info.updateTime(), info.error());
    }

    private static void checkJobId(String jobId) {
        Checks.notBlank(jobId, "jobId");
        if (!jobId.matches("batches/[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("jobId must look like batches/<id>, was \"" + jobId + "\"");
        }
    }
}
