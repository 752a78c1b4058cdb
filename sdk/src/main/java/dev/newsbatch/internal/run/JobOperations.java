package dev.newsbatch.internal.run;

import dev.newsbatch.BatchSpec;
import dev.newsbatch.Batches;
import dev.newsbatch.Jobs;
import dev.newsbatch.internal.gemini.BatchJobInfo;
import dev.newsbatch.GeminiException;
import dev.newsbatch.RunConfig;
import dev.newsbatch.internal.engine.RunSettings;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.internal.store.JobRecord;
import dev.newsbatch.internal.store.Ledger;
import dev.newsbatch.internal.JobService;
import dev.newsbatch.JobNotFinishedException;
import dev.newsbatch.JobNotFoundException;
import dev.newsbatch.JobState;
import dev.newsbatch.JobStatus;
import dev.newsbatch.Results;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The job-level operations over one directory's ledger and a Gemini connection opened on first need. */
final class JobOperations implements JobService {
    private final Path directory;
    private final Session session;

    JobOperations(Path directory, Session session) {
        this.directory = directory;
        this.session = session;
    }

    /**
     * Asks Gemini for the job's state; a job recorded in the ledger is also advanced there.
     *
     * @throws IllegalArgumentException if {@code jobId} is not of the form {@code batches/<id>}
     * @throws JobNotFoundException if Gemini does not know the job
     * @throws GeminiException if Gemini fails
     */
    @Override
    public JobStatus status(String jobId) {
        session.targetOfJob(jobId);
                Optional<JobRecord> known = session.ledger.jobByName(jobId);
        BatchJobInfo info = remote(jobId);
        known.ifPresent(j -> session.ledger.jobCreatedAt(j.runId(), j.chunk(), j.attempt(), info.createTime()));
        if (known.isPresent() && known.get().step() == JobRecord.Step.CREATED) {
            session.engine().refresh(known.get());
        }
        return status(info, known.map(JobRecord::runId).orElse(null));
    }

    /** The job as last recorded in the ledger, without calling Gemini; empty if it is not recorded. */
    @Override
    public Optional<JobStatus> find(String jobId) {
                return session.ledger.jobByName(jobId).map(JobOperations::recorded);
    }

    /**
     * The job's results: downloads and stores them if the job succeeded and they are not stored yet.
     * Only the job's own articles are in the result set.
     *
     * @throws JobNotFoundException if the job was not submitted through this batch directory
     * @throws JobNotFinishedException if the job has not finished yet
     */
    @Override
    public <T extends Record> Results<T> results(String jobId, Class<T> type) {
        return results(jobId, recorded -> {
            @SuppressWarnings("unchecked")   // the recorded schema's rows are of its type
            ClassificationSchema<T> s = recorded.schema() == type
                    ? (ClassificationSchema<T>) recorded.classificationSchema() : ClassificationSchema.of(type);
            return s;
        });
    }

    @Override
    public Results<? extends Record> results(String jobId) {
        return results(jobId, RunConfig::classificationSchema);
    }

    private <T extends Record> Results<T> results(String jobId,
            java.util.function.Function<RunConfig, ClassificationSchema<T>> schemaOf) {
        session.targetOfJob(jobId);
                JobRecord job = session.ledger.jobByName(jobId).orElseThrow(() -> new JobNotFoundException(jobId,
                "job " + jobId + " was not submitted from " + directory + " (it is not in the ledger)"));
        RunConfig recorded = Runner.config(session.ledger, job.runId());
        ClassificationSchema<T> schema = schemaOf.apply(recorded);
        RunConfig config = recorded.withSchema(schema);
        RunSettings settings = Planning.settings(config, job.runId(), session);
        if (job.step() == JobRecord.Step.CREATED) {
            job = session.engine().refresh(job);
        }
        if (job.step().ordinal() < JobRecord.Step.FINISHED.ordinal()) {
            throw new JobNotFinishedException(jobId, JobState.fromWire(job.jobState()));
        }
        if (job.step() == JobRecord.Step.FINISHED) {
            job = session.engine().retrieve(job, settings);
        }
        int chunk = job.chunk();
        return Runner.collect(config, schema, job.runId(),
                i -> jobId.equals(i.jobName()) || (i.chunk() == chunk && i.jobName() == null));
    }

    /** The jobs recorded in the ledger, newest first, with the state last seen (no remote call). */
    @Override
    public List<JobStatus> list() {
        return list(session.ledger.allJobs());
    }

    @Override
    public List<JobStatus> list(String runId) {
        return list(session.ledger.jobsOldestFirst(runId));
    }

    /**
     * Asks Gemini to cancel the job.
     *
     * @throws JobNotFoundException if Gemini does not know the job
     */
    @Override
    public JobStatus cancel(String jobId) {
        session.targetOfJob(jobId);
                try {
            session.connection().backend().cancel(jobId);
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
        return "JobOperations[" + directory + "]";
    }

    // ------------------------------------------------------------------ plumbing

    private static List<JobStatus> list(List<JobRecord> jobs) {
        List<JobStatus> out = new ArrayList<>();
        for (JobRecord j : jobs) {
            if (j.jobName() != null) {
                out.add(recorded(j));
            }
        }
        return out;
    }

    private BatchJobInfo remote(String jobId) {
        try {
            return session.connection().backend().batch(jobId);
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

}
