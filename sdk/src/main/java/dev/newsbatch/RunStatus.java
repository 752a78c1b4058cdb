package dev.newsbatch;

import java.time.Instant;

/**
 * A snapshot of a run: its overall state, its articles done, failed, in flight and pending, and its
 * batch jobs by state. The percentage counts articles with an outcome, so it matches the counts; a
 * retry of failed articles is counted apart ({@link #retries()}) and does not grow the job total.
 *
 * <pre>{@code
 * RunStatus s = run.state();   // RunStatus[october, RUNNING, 42.0%, done=504 failed=0 of 1,200, jobs 1/2]
 * s.progress();                // 504/1,200 done, 0 failed, 600 in flight, 96 pending; jobs 1/2 done, 1 running
 * }</pre>
 *
 * @param runId       the run's id
 * @param mode        how the run sends articles
 * @param state       where the run stands
 * @param articles    articles in the run
 * @param done        articles classified
 * @param failed      articles with an error
 * @param inFlight    articles in batch jobs sent and not yet answered (0 in real-time modes)
 * @param jobs        batch jobs of the run's first submission (0 in real-time modes)
 * @param jobsDone    of those, jobs settled
 * @param jobsRunning jobs at Gemini now, retries included
 * @param retries     batch jobs that send failed articles again
 * @param percent     articles with an outcome, in percent of all articles
 * @param pausedUntil when a {@link RunState#PAUSED} run may send again, else null
 * @param observedAt  when the snapshot was taken
 */
public record RunStatus(String runId, RunMode mode, RunState state, long articles, long done, long failed,
                        long inFlight, int jobs, int jobsDone, int jobsRunning, int retries, double percent,
                        Instant pausedUntil, Instant observedAt) {

    /** A snapshot without job detail, retries or pause. */
    public RunStatus(String runId, RunMode mode, RunState state, long articles, long done, long failed,
                     long inFlight, int jobs, int jobsDone, double percent, Instant observedAt) {
        this(runId, mode, state, articles, done, failed, inFlight, jobs, jobsDone, 0, 0, percent, null, observedAt);
    }

    /** True when nothing remains to do. */
    public boolean isFinished() {
        return state.isFinished();
    }

    /** Articles not sent yet (or, in real-time modes, not answered yet). */
    public long pending() {
        return Math.max(0, articles - done - failed - inFlight);
    }

    /**
     * The progress line every display shows (bar, {@code status}, notebooks): articles done of all,
     * failed, in flight and pending; then, for batch modes, jobs by state and retries; then the pause.
     * E.g. {@code 504/1,200 done, 2 failed, 600 in flight, 94 pending; jobs 1/2 done, 1 running}.
     */
    public String progress() {
        StringBuilder s = new StringBuilder(Format.count(done)).append('/').append(Format.count(articles))
                .append(" done, ").append(Format.count(failed)).append(" failed, ");
        if (mode.isBatch()) {
            s.append(Format.count(inFlight)).append(" in flight, ");
        }
        s.append(Format.count(pending())).append(" pending");
        if (mode.isBatch() && jobs > 0) {
            s.append("; jobs ").append(jobsDone).append('/').append(jobs).append(" done");
            if (jobsRunning > 0) {
                s.append(", ").append(jobsRunning).append(" running");
            }
            if (retries > 0) {
                s.append(", ").append(Format.plural(retries, "retry"));
            }
        }
        if (pausedUntil != null) {
            s.append("; paused until ").append(Format.time(pausedUntil));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "RunStatus[" + runId + ", " + Format.state(state) + ", " + Format.percent(percent) + ", done="
                + Format.count(done) + " failed=" + Format.count(failed) + " of " + Format.count(articles)
                + (mode.isBatch() ? ", jobs " + jobsDone + "/" + jobs : "")
                + (pausedUntil == null ? "" : ", paused until " + Format.time(pausedUntil)) + "]";
    }
}
