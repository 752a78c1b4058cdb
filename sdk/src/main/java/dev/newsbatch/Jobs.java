package dev.newsbatch;

import dev.newsbatch.gemini.BatchJobInfo;
import dev.newsbatch.schema.NewsClassification;
import dev.newsbatch.store.JobRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Job-level operations, by Gemini job id ({@code batches/...}): status, results, list and cancel, as
 * the original command line offered them. Runs group jobs; see {@link Batches} for the run-level API.
 *
 * <pre>{@code
 * JobStatus s = Jobs.status("batches/abc123", Path.of("batch_jobs"));
 * Results<NewsClassification> r = Jobs.results("batches/abc123", Path.of("batch_jobs"));
 * }</pre>
 */
public final class Jobs {
    private Jobs() {}

    /**
     * Asks Gemini for the job's state; a job recorded in the ledger is also advanced there.
     *
     * @throws IllegalArgumentException if {@code jobId} is not of the form {@code batches/<id>}
     * @throws dev.newsbatch.gemini.GeminiException if Gemini does not know the job (404) or fails
     */
    public static JobStatus status(String jobId, Path directory) {
        checkJobId(jobId);
        try (Session s = Session.open(directory)) {
            Optional<JobRecord> known = s.ledger.jobByName(jobId);
            BatchJobInfo info = s.connection.gateway().batch(jobId);
            if (known.isPresent() && known.get().step() == JobRecord.Step.CREATED) {
                s.engine.refresh(known.get());
            }
            return status(info, known.map(JobRecord::runId).orElse(null));
        }
    }

    /**
     * The job's results: downloads and stores them if the job succeeded and they are not stored yet.
     * Only the job's own articles are in the result set.
     *
     * @throws IllegalArgumentException if the job was not submitted through this batch directory
     * @throws IllegalStateException if the job has not finished yet
     */
    public static Results<NewsClassification> results(String jobId, Path directory) {
        checkJobId(jobId);
        String runId;
        int chunk;
        try (Session s = Session.open(directory)) {
            JobRecord job = s.ledger.jobByName(jobId).orElseThrow(() -> new IllegalArgumentException(
                    "job " + jobId + " was not submitted from " + directory + " (it is not in the ledger)"));
            s.engine.register(Runs.settings(BatchSpec.of(ArticleSource.of(List.of())).directory(directory)
                    .model(s.ledger.run(job.runId()).orElseThrow().model()), job.runId()));
            if (job.step() == JobRecord.Step.CREATED) {
                job = s.engine.refresh(job);
            }
            if (job.step() == JobRecord.Step.CREATED) {
                throw new IllegalStateException("job " + jobId + " is still " + job.jobState()
                        + "; run `status " + jobId + "` and try again when it has succeeded");
            }
            if (job.step() == JobRecord.Step.FINISHED) {
                job = s.engine.retrieve(job);
            }
            runId = job.runId();
            chunk = job.chunk();
        }
        BatchRun<NewsClassification> run = Batches.resume(runId, directory, NewsClassification.class);
        Results<NewsClassification> all = run.collect();
        List<String> ids = new ArrayList<>();
        try (var ledger = dev.newsbatch.store.Ledger.open(directory)) {
            ledger.forEachItem(runId, i -> {
                if (jobId.equals(i.jobName()) || (i.chunk() == chunk && i.jobName() == null)) {
                    ids.add(i.articleId());
                }
            });
        }
        var keep = new java.util.HashSet<>(ids);
        return new Results<>(runId, all.schema(), all.rows().stream().filter(r -> keep.contains(r.id())).toList(),
                all.errors().stream().filter(e -> keep.contains(e.id())).toList(), all.usage());
    }

    /** The jobs recorded in the ledger, newest first, with the state last seen (no remote call). */
    public static List<JobStatus> list(Path directory) {
        try (var ledger = dev.newsbatch.store.Ledger.open(directory)) {
            List<JobStatus> out = new ArrayList<>();
            for (JobRecord j : ledger.allJobs()) {
                if (j.jobName() == null) {
                    continue;
                }
                JobState state = JobState.fromWire(j.jobState());
                out.add(new JobStatus(j.jobName(), j.runId(), state, j.items(),
                        state == JobState.SUCCEEDED ? j.items() : j.completed(),
                        state == JobState.SUCCEEDED ? 100.0 : j.completed() < 0 ? -1 : 100.0 * j.completed() / j.items(),
                        j.createdAt(), j.updatedAt(), j.error()));
            }
            return out;
        }
    }

    /** Asks Gemini to cancel the job. */
    public static JobStatus cancel(String jobId, Path directory) {
        checkJobId(jobId);
        try (Session s = Session.open(directory)) {
            s.connection.gateway().cancel(jobId);
            Optional<JobRecord> known = s.ledger.jobByName(jobId);
            BatchJobInfo info = s.connection.gateway().batch(jobId);
            if (known.isPresent() && known.get().step() == JobRecord.Step.CREATED) {
                s.engine.refresh(known.get());
            }
            return status(info, known.map(JobRecord::runId).orElse(null));
        }
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
