package dev.newsbatch.internal.store;

import java.time.Instant;

/**
 * One request file and the Gemini batch job made from it, as recorded in the ledger.
 *
 * <pre>{@code
 * ledger.jobs(runId).forEach(j -> System.out.println(j.jobName() + " " + j.step()));
 * }</pre>
 *
 * @param runId       the run
 * @param chunk       the batch number within the run
 * @param attempt     1 for the first submission, more for resubmissions of failed items
 * @param requestFile the local JSONL request file
 * @param fileId      the id under which the file is uploaded ({@code files/<fileId>})
 * @param fileName    Gemini's file name once uploaded, else null
 * @param displayName the unique display name given to the job (used to find it again after a crash)
 * @param jobName     Gemini's job name ({@code batches/...}) once created, else null
 * @param step        how far the workflow got
 * @param jobState    the last state seen from Gemini, or null
 * @param items       number of requests
 * @param estTokens   estimated input tokens
 * @param completed   completed requests last seen (-1 unknown)
 * @param resultFile  the local results file once downloaded, else null
 * @param error       the last error, or null
 * @param createdAt   when Gemini created the job (its {@code createTime}), else when the row was written
 * @param updatedAt   when it last changed
 */
public record JobRecord(String runId, int chunk, int attempt, String requestFile, String fileId, String fileName,
                        String displayName, String jobName, Step step, String jobState, int items, long estTokens,
                        long completed, String resultFile, String error, Instant createdAt, Instant updatedAt) {

    /** Workflow steps of one job, in order. */
    public enum Step {
        /** The request file is written. */
        PREPARED,
        /** The request file is uploaded. */
        UPLOADED,
        /** A create call was (maybe) sent; the job must be looked up by display name before retrying. */
        CREATING,
        /** The job exists; its name is known. */
        CREATED,
        /** The job reached a terminal state. */
        FINISHED,
        /** Results are stored in the ledger. */
        RETRIEVED
    }

    /** A new prepared job. */
    public static JobRecord prepared(String runId, int chunk, int attempt, String requestFile, String fileId,
                                     String displayName, int items, long estTokens) {
        Instant now = Instant.now();
        return new JobRecord(runId, chunk, attempt, requestFile, fileId, null, displayName, null, Step.PREPARED,
                null, items, estTokens, -1, null, null, now, now);
    }

    /** A copy at another step. */
    public JobRecord step(Step next) {
        return new JobRecord(runId, chunk, attempt, requestFile, fileId, fileName, displayName, jobName, next,
                jobState, items, estTokens, completed, resultFile, error, createdAt, updatedAt);
    }

    /** A copy with the uploaded file's name. */
    public JobRecord uploaded(String name) {
        return new JobRecord(runId, chunk, attempt, requestFile, fileId, name, displayName, jobName, Step.UPLOADED,
                jobState, items, estTokens, completed, resultFile, error, createdAt, updatedAt);
    }

    /** A copy with the created job's name and state. */
    public JobRecord created(String name, String state) {
        return new JobRecord(runId, chunk, attempt, requestFile, fileId, fileName, displayName, name, Step.CREATED,
                state, items, estTokens, completed, resultFile, null, createdAt, updatedAt);
    }

    /** A copy with the latest remote state and progress. */
    public JobRecord observed(String state, long done, String err) {
        return new JobRecord(runId, chunk, attempt, requestFile, fileId, fileName, displayName, jobName, step,
                state, items, estTokens, done, resultFile, err, createdAt, updatedAt);
    }

    /** A copy with the local results file. */
    public JobRecord withResultFile(String path) {
        return new JobRecord(runId, chunk, attempt, requestFile, fileId, fileName, displayName, jobName, step,
                jobState, items, estTokens, completed, path, error, createdAt, updatedAt);
    }

    /** True once the job's results are stored or it ended without results. */
    public boolean isSettled() {
        return step == Step.RETRIEVED;
    }

    @Override
    public String toString() {
        return "Job[" + runId + "#" + chunk + "." + attempt + ", " + step
                + (jobName == null ? "" : ", " + jobName) + (jobState == null ? "" : ", " + jobState)
                + ", items=" + items + "]";
    }
}
