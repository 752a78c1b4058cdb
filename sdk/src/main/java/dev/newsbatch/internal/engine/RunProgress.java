package dev.newsbatch.internal.engine;

import dev.newsbatch.Format;
import dev.newsbatch.internal.store.ItemCounts;

/**
 * A snapshot of a run's progress: jobs by step and items by outcome. The run's jobs are its first
 * submissions; jobs that send failed articles again are counted apart as retries, so the job total
 * does not grow while the run goes on.
 *
 * <pre>{@code
 * RunProgress p = engine.poll(runId);
 * p.percent();   // articles with an outcome, in percent of all articles
 * }</pre>
 *
 * @param runId         the run
 * @param jobs          first-submission jobs of the run
 * @param jobsWaiting   jobs (retries included) prepared but not yet created at Gemini
 * @param jobsRunning   jobs (retries included) created and not finished
 * @param jobsDone      first-submission jobs whose results are stored (or that ended without results)
 * @param items         items by state
 * @param remoteDone    requests Gemini reports completed in running jobs (best effort, not in the percentage)
 * @param retries       jobs that send failed articles again
 */
public record RunProgress(String runId, int jobs, int jobsWaiting, int jobsRunning, int jobsDone,
                          ItemCounts items, long remoteDone, int retries) {

    /** Items with an outcome (success or failure). */
    public long finishedItems() {
        return items.done() + items.failed();
    }

    /** Completion in percent: articles with an outcome over all articles, as the counts show it. */
    public double percent() {
        long total = items.total();
        return total == 0 ? 100.0 : Math.min(100.0, 100.0 * finishedItems() / total);
    }

    /** True when no job is waiting or running. */
    public boolean isFinished() {
        return jobsWaiting == 0 && jobsRunning == 0;
    }

    @Override
    public String toString() {
        return "RunProgress[" + runId + ", " + Format.percent(percent()) + ", jobs " + jobsDone + "/" + jobs
                + " done, " + Format.plural(retries, "retry") + ", items done=" + items.done() + " failed="
                + items.failed() + "]";
    }
}
