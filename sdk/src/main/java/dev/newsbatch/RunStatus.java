package dev.newsbatch;

import java.time.Instant;

/**
 * A snapshot of a run: its overall state and how many articles are done, failed or in flight.
 *
 * <pre>{@code
 * RunStatus s = run.state();   // RunStatus[october, RUNNING, 42.0%, done=504 failed=0 of 1200, jobs 1/2]
 * }</pre>
 *
 * @param runId      the run's id
 * @param mode       how the run sends articles
 * @param state      ACTIVE/RUNNING while work remains, DONE when finished, CANCELLED
 * @param articles   articles in the run
 * @param done       articles classified
 * @param failed     articles with an error
 * @param inFlight   articles sent and not yet answered
 * @param jobs       batch jobs in the run
 * @param jobsDone   batch jobs settled
 * @param percent    completion in percent
 * @param observedAt when the snapshot was taken
 */
public record RunStatus(String runId, RunMode mode, String state, long articles, long done, long failed,
                        long inFlight, int jobs, int jobsDone, double percent, Instant observedAt) {

    /** True when nothing remains to do. */
    public boolean isFinished() {
        return "DONE".equals(state) || "CANCELLED".equals(state);
    }

    @Override
    public String toString() {
        return String.format("RunStatus[%s, %s, %.1f%%, done=%d failed=%d of %d, jobs %d/%d]",
                runId, state, percent, done, failed, articles, jobsDone, jobs);
    }
}
