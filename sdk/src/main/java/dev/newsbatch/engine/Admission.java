package dev.newsbatch.engine;

import dev.newsbatch.internal.Checks;
import dev.newsbatch.store.JobRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which prepared jobs of a run may be submitted now, so that the work in flight stays under
 * Gemini's enqueued-token quota and concurrent-job limit.
 *
 * <ul>
 *   <li>{@link #all()}: everything at once (the quota's 429 answers are waited out);</li>
 *   <li>{@link #waves(long)}: the original system's behaviour: jobs are grouped, in order, into waves
 *       of at most {@code budget} tokens; a wave starts when the previous one is fully done;</li>
 *   <li>{@link #continuous(long, int)}: no barrier: the next job starts as soon as the tokens in
 *       flight leave room for it and fewer than {@code maxJobs} jobs run.</li>
 * </ul>
 *
 * <pre>{@code
 * engine.awaitRun(runId, Admission.continuous(9_000_000, 100), WaitOptions.ofDefaults(), p -> {});
 * }</pre>
 */
public interface Admission {

    /**
     * Whether {@code candidate} may be submitted now.
     *
     * @param candidate a job not yet created at Gemini
     * @param jobs      every job of the run, as the ledger has them now, in chunk order
     */
    boolean admit(JobRecord candidate, List<JobRecord> jobs);

    /** A short description, e.g. {@code continuous(budget=9000000, maxJobs=100)}. */
    String describe();

    /** Everything at once. */
    static Admission all() {
        return new Admission() {
            @Override
            public boolean admit(JobRecord candidate, List<JobRecord> jobs) {
                return true;
            }

            @Override
            public String describe() {
                return "all";
            }
        };
    }

    /** Waves of at most {@code budget} estimated tokens, each after the previous one completes. */
    static Admission waves(long budget) {
        Checks.atLeast(budget, 1, "budget");
        return new Admission() {
            @Override
            public boolean admit(JobRecord candidate, List<JobRecord> jobs) {
                List<List<JobRecord>> waves = waves(jobs, budget);
                for (List<JobRecord> wave : waves) {
                    boolean contains = wave.stream().anyMatch(j -> same(j, candidate));
                    if (contains) {
                        return true;
                    }
                    if (wave.stream().anyMatch(j -> !j.isSettled())) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public String describe() {
                return "waves(budget=" + budget + ")";
            }
        };
    }

    /** Continuous admission under {@code budget} tokens in flight and {@code maxJobs} running jobs. */
    static Admission continuous(long budget, int maxJobs) {
        Checks.atLeast(budget, 1, "budget");
        Checks.atLeast(maxJobs, 1, "maxJobs");
        return new Admission() {
            @Override
            public boolean admit(JobRecord candidate, List<JobRecord> jobs) {
                long inFlight = 0;
                int running = 0;
                for (JobRecord j : jobs) {
                    if (j.step() == JobRecord.Step.CREATED || j.step() == JobRecord.Step.CREATING
                            || j.step() == JobRecord.Step.FINISHED) {
                        inFlight += j.estTokens();
                        running++;
                    }
                }
                // A job larger than the whole budget may run alone.
                return running < maxJobs && (inFlight + candidate.estTokens() <= budget || running == 0);
            }

            @Override
            public String describe() {
                return "continuous(budget=" + budget + ", maxJobs=" + maxJobs + ")";
            }
        };
    }

    /** Groups jobs, in order, into waves of at most {@code budget} estimated tokens. */
    static List<List<JobRecord>> waves(List<JobRecord> jobs, long budget) {
        List<List<JobRecord>> waves = new ArrayList<>();
        List<JobRecord> current = new ArrayList<>();
        long tokens = 0;
        for (JobRecord j : jobs) {
            if (!current.isEmpty() && tokens + j.estTokens() > budget) {
                waves.add(current);
                current = new ArrayList<>();
                tokens = 0;
            }
            current.add(j);
            tokens += j.estTokens();
        }
        if (!current.isEmpty()) {
            waves.add(current);
        }
        return waves;
    }

    private static boolean same(JobRecord a, JobRecord b) {
        return a.chunk() == b.chunk() && a.attempt() == b.attempt();
    }
}
