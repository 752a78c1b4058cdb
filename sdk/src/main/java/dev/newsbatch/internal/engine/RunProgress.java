package dev.newsbatch.internal.engine;

import dev.newsbatch.internal.store.ItemCounts;

/**
 * A snapshot of a run's progress: jobs by step and items by outcome.
 *
 * <pre>{@code
 * RunProgress p = engine.poll(runId);
 * System.out.printf("%.0f%% (%d/%d)%n", p.percent(), p.finishedItems(), p.items().total());
 * }</pre>
 *
 * @param runId         the run
 * @param jobs          jobs in the run
 * @param jobsWaiting   jobs prepared but not yet created at Gemini
 * @param jobsRunning   jobs created and not finished
 * @param jobsDone      jobs whose results are stored (or that ended without results)
 * @param items         items by state
 * @param remoteDone    requests Gemini reports completed in running jobs (best effort)
 */
public record RunProgress(String runId, int jobs, int jobsWaiting, int jobsRunning, int jobsDone,
                          ItemCounts items, long remoteDone) {

    /** Items with an outcome (success or failure). */
    public long finishedItems() {
        return items.done() + items.failed();
    }

    /** Completion in percent, counting requests Gemini reports completed. */
    public double percent() {
        long total = items.total();
        return total == 0 ? 100.0 : Math.min(100.0, 100.0 * (finishedItems() + remoteDone) / total);
    }

    /** True when no job is waiting or running. */
    public boolean isFinished() {
        return jobsWaiting == 0 && jobsRunning == 0;
    }

    @Override
    public String toString() {
        return String.format("RunProgress[%s, %.1f%%, jobs %d/%d done, items done=%d failed=%d]",
                runId, percent(), jobsDone, jobs, items.done(), items.failed());
    }
}
