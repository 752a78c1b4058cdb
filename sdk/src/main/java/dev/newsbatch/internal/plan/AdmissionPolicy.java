package dev.newsbatch.internal.plan;

import dev.newsbatch.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one admission policy: which batch job may be sent now under the tier's enqueued-token limit,
 * the concurrent-job limit and the run's USD cap. The engine asks it before every upload and create;
 * real-time calls ask its budget rule ({@link #spend(double, double)}). Budget exhaustion is one of
 * its answers, and the rule for a job larger than the whole token budget is decided here once: it
 * runs alone, when nothing else is in flight.
 *
 * <ul>
 *   <li>{@link Kind#ALL}: every job at once (Gemini's quota refusals are waited out);</li>
 *   <li>{@link Kind#WAVES}: jobs grouped, in order, into waves of at most the seed budget
 *       ({@link #SEED_SHARE} of the limit, estimated tokens); a wave starts when every job of the waves
 *       before it is settled;</li>
 *   <li>{@link Kind#CONTINUOUS}: the next job starts as soon as the tokens in flight leave room for it,
 *       within the concurrent-job limit. Tokens and room are calibrated by the finished jobs
 *       ({@link TokenCalibration}): each estimate is scaled by what Gemini counted, and the share of the
 *       limit filled is measured from how far those counts spread.</li>
 *   <li>{@link Kind#JOBS}: the next job starts when fewer than {@code maxJobs} are in flight, with no token
 *       budget: Vertex AI batch prediction, whose binding limit is the jobs a project runs at once.</li>
 * </ul>
 *
 * <p>A job counts against the limit from its creation until Gemini reports it ended (its results need
 * not be downloaded yet), as Gemini counts it.
 *
 * <pre>{@code
 * AdmissionPolicy p = AdmissionPolicy.continuous(10_000_000, 100).budgetUsd(25.0);
 * Admission a = p.decide(jobs, 3);    // ADMIT, a WAIT_FOR_..., BUDGET_EXHAUSTED or COST_DRIFT
 * }</pre>
 *
 * @param kind        how jobs are admitted
 * @param tokenLimit  the enqueued-token limit (waves and continuous)
 * @param maxJobs     concurrent batch jobs allowed (continuous)
 * @param budgetUsd   the run's USD cap; 0 means none
 * @param costDriftFactor admission pauses when finished work cost this many times its estimate; 0 = no check
 */
public record AdmissionPolicy(Kind kind, long tokenLimit, int maxJobs, double budgetUsd, double costDriftFactor) {
    /** Share of the enqueued-token limit filled before any finished job has measured the estimate. */
    public static final double SEED_SHARE = 0.9;
    /** Real-time answers seen before the drift check speaks. */
    public static final int DRIFT_MIN_ANSWERS = 20;

    /** How jobs are admitted. */
    public enum Kind { ALL, WAVES, CONTINUOUS, JOBS }

    public AdmissionPolicy {
        Checks.notNull(kind, "kind");
        Checks.atLeast(tokenLimit, 1, "tokenLimit");
        Checks.atLeast(maxJobs, 1, "maxJobs");
        Checks.atLeast(budgetUsd, 0.0, "budgetUsd");
        Checks.atLeast(costDriftFactor, 0.0, "costDriftFactor");
    }

    /** A policy without a drift check. */
    public AdmissionPolicy(Kind kind, long tokenLimit, int maxJobs, double budgetUsd) {
        this(kind, tokenLimit, maxJobs, budgetUsd, 0);
    }

    /** Every job at once. */
    public static AdmissionPolicy all() {
        return new AdmissionPolicy(Kind.ALL, Long.MAX_VALUE, Integer.MAX_VALUE, 0);
    }

    /** Waves of at most {@link #SEED_SHARE} of {@code tokenLimit} estimated tokens. */
    public static AdmissionPolicy waves(long tokenLimit) {
        return new AdmissionPolicy(Kind.WAVES, tokenLimit, Integer.MAX_VALUE, 0);
    }

    /** Continuous admission under the enqueued-token limit {@code tokenLimit} and {@code maxJobs} jobs in flight. */
    public static AdmissionPolicy continuous(long tokenLimit, int maxJobs) {
        return new AdmissionPolicy(Kind.CONTINUOUS, tokenLimit, maxJobs, 0);
    }

    /** At most {@code maxJobs} jobs in flight, no token budget (Vertex AI's concurrent-job limit). */
    public static AdmissionPolicy jobs(int maxJobs) {
        return new AdmissionPolicy(Kind.JOBS, Long.MAX_VALUE, maxJobs, 0);
    }

    /** The seed budget: {@link #SEED_SHARE} of the limit (the waves' size; continuous admission's before calibration). */
    public long seedBudget() {
        return tokenLimit == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) Math.floor(tokenLimit * SEED_SHARE));
    }

    /** True when admission learns from finished jobs (continuous), so the engine should report their counts. */
    public boolean calibrates() {
        return kind == Kind.CONTINUOUS;
    }

    /** A copy with a USD cap. */
    public AdmissionPolicy budgetUsd(double usd) {
        return new AdmissionPolicy(kind, tokenLimit, maxJobs, usd, costDriftFactor);
    }

    /** A copy that pauses admission when actual cost runs {@code factor} times over the estimate (0: never). */
    public AdmissionPolicy costDriftFactor(double factor) {
        return new AdmissionPolicy(kind, tokenLimit, maxJobs, budgetUsd, factor);
    }

    /**
     * The drift rule alone: may more be sent when work estimated at {@code estimatedUsd} actually cost
     * {@code actualUsd}? Pauses once the ratio passes the factor; the budget cap stays the hard stop.
     */
    public Admission drift(double estimatedUsd, double actualUsd, String after) {
        if (costDriftFactor > 0 && estimatedUsd > 0 && actualUsd > estimatedUsd * costDriftFactor) {
            return new Admission(Admission.Verdict.COST_DRIFT, String.format(Locale.ROOT,
                    "actual cost $%.4f is %.1f× the estimate $%.4f after %s (drift factor %.1f): admission is "
                            + "paused; check thinking and output settings, then resume with a larger "
                            + "costDriftFactor (--cost-drift 0 turns the check off)", actualUsd,
                    actualUsd / estimatedUsd, estimatedUsd, after, costDriftFactor));
        }
        return admit("cost within the estimate");
    }

    /**
     * May {@code jobs.get(candidate)} be sent now? Jobs are in submission order; jobs before the
     * candidate that are still waiting count as committed ahead of it.
     */
    public Admission decide(List<JobLoad> jobs, int candidate) {
        Checks.notNull(jobs, "jobs");
        JobLoad next = jobs.get(candidate);
        Admission budget = budget(jobs, candidate);
        if (budget != null) {
            return budget;
        }
        double estimated = 0;
        double actual = 0;
        int finished = 0;
        int ended = 0;
        for (JobLoad j : jobs) {
            if (j.phase() == JobLoad.Phase.DONE && j.actualUsd() >= 0) {
                estimated += j.usd();
                actual += j.actualUsd();
                finished++;
            } else if (j.phase() == JobLoad.Phase.DONE) {
                ended++;
            }
        }
        if (costDriftFactor > 0 && finished == 0 && ended > 0) {
            // The first job to end frees its tokens, but nothing more goes out before its cost is known.
            return new Admission(Admission.Verdict.WAIT_FOR_RESULTS,
                    "waiting for the first finished job's results to check its cost against the estimate");
        }
        if (finished > 0) {
            Admission drift = drift(estimated, actual, finished + (finished == 1 ? " finished job" : " finished jobs"));
            if (!drift.admitted()) {
                return drift;
            }
        }
        return switch (kind) {
            case ALL -> admit("all jobs are sent at once");
            case WAVES -> wave(jobs, candidate);
            case CONTINUOUS -> continuous(jobs, next);
            case JOBS -> slot(jobs);
        };
    }

    /** The budget rule alone: may something costing {@code nextUsd} be sent with {@code committedUsd} committed? */
    public Admission spend(double committedUsd, double nextUsd) {
        if (budgetUsd > 0 && committedUsd + nextUsd > budgetUsd + 1e-9) {
            return new Admission(Admission.Verdict.BUDGET_EXHAUSTED, String.format(Locale.ROOT,
                    "budget cap $%.2f reached ($%.2f committed, this would add $%.2f)", budgetUsd, committedUsd,
                    nextUsd));
        }
        return admit("within the budget");
    }

    private Admission budget(List<JobLoad> jobs, int candidate) {
        if (budgetUsd <= 0) {
            return null;
        }
        double committed = 0;
        for (int i = 0; i < jobs.size(); i++) {
            JobLoad j = jobs.get(i);
            if (i < candidate && j.phase() == JobLoad.Phase.SKIPPED) {
                return new Admission(Admission.Verdict.BUDGET_EXHAUSTED, String.format(Locale.ROOT,
                        "budget cap $%.2f reached: an earlier batch was not sent", budgetUsd));
            }
            if (j.isSent() || i < candidate && j.phase() == JobLoad.Phase.WAITING) {
                committed += j.usd();
            }
        }
        Admission a = spend(committed, jobs.get(candidate).usd());
        return a.admitted() ? null : a;
    }

    private Admission slot(List<JobLoad> jobs) {
        int running = running(jobs);
        return running >= maxJobs ? waitForSlot(running)
                : admit(String.format(Locale.ROOT, "%d of %d batch jobs in flight", running, maxJobs));
    }

    private static int running(List<JobLoad> jobs) {
        int running = 0;
        for (JobLoad j : jobs) {
            if (j.phase() == JobLoad.Phase.IN_FLIGHT) {
                running++;
            }
        }
        return running;
    }

    private Admission waitForSlot(int running) {
        return new Admission(Admission.Verdict.WAIT_FOR_JOB_SLOT, String.format(Locale.ROOT,
                "%d of %d batch jobs are running; waiting for one to finish", running, maxJobs));
    }

    private Admission continuous(List<JobLoad> jobs, JobLoad next) {
        TokenCalibration calibration = TokenCalibration.of(jobs);
        long budget = tokenLimit == Long.MAX_VALUE ? Long.MAX_VALUE
                : Math.max(1, (long) Math.floor(tokenLimit * calibration.share()));
        long tokens = 0;
        int running = 0;
        for (JobLoad j : jobs) {
            if (j.phase() == JobLoad.Phase.IN_FLIGHT) {
                tokens += calibration.scale(j.tokens());
                running++;
            }
        }
        if (running >= maxJobs) {
            return waitForSlot(running);
        }
        long needs = calibration.scale(next.tokens());
        if (needs > budget) {
            return running == 0 ? admit("larger than the token budget: runs alone")
                    : new Admission(Admission.Verdict.WAIT_FOR_TOKENS, String.format(Locale.ROOT,
                            "the batch needs %,d tokens, more than the budget of %,d; it runs alone once nothing "
                                    + "else is in flight", needs, budget));
        }
        if (tokens + needs > budget) {
            return new Admission(Admission.Verdict.WAIT_FOR_TOKENS, String.format(Locale.ROOT,
                    "%,d of %,d enqueued tokens in use, the batch needs %,d; waiting for jobs to finish",
                    tokens, budget, needs));
        }
        return admit(String.format(Locale.ROOT, "%,d + %,d tokens within the budget of %,d (%s)", tokens,
                needs, budget, calibration));
    }

    /**
     * The jobs' waves: their indices grouped, in order, into runs of at most the seed budget (a job
     * larger than the budget is a wave of its own).
     */
    public List<List<Integer>> waves(List<JobLoad> jobs) {
        return group(jobs, seedBudget());
    }

    /** Job indices grouped, in order, into runs of at most {@code budget} estimated tokens. */
    public static List<List<Integer>> group(List<JobLoad> jobs, long budget) {
        List<List<Integer>> waves = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long tokens = 0;
        for (int i = 0; i < jobs.size(); i++) {
            if (!current.isEmpty() && tokens + jobs.get(i).tokens() > budget) {
                waves.add(current);
                current = new ArrayList<>();
                tokens = 0;
            }
            current.add(i);
            tokens += jobs.get(i).tokens();
        }
        if (!current.isEmpty()) {
            waves.add(current);
        }
        return waves;
    }

    private Admission wave(List<JobLoad> jobs, int candidate) {
        List<List<Integer>> waves = waves(jobs);
        for (int w = 0; w < waves.size(); w++) {
            if (waves.get(w).contains(candidate)) {
                return admit("wave " + (w + 1) + " is open");
            }
            if (!waves.get(w).stream().allMatch(i -> jobs.get(i).isSettled())) {
                return new Admission(Admission.Verdict.WAIT_FOR_WAVE, "waiting for wave " + (w + 1) + " to finish");
            }
        }
        throw new IllegalArgumentException("candidate must be an index of jobs, was " + candidate);
    }

    private static Admission admit(String reason) {
        return new Admission(Admission.Verdict.ADMIT, reason);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "AdmissionPolicy[all" + cap() + "]";
            case WAVES -> String.format(Locale.ROOT, "AdmissionPolicy[waves of %,d tokens%s]", seedBudget(), cap());
            case CONTINUOUS -> String.format(Locale.ROOT, "AdmissionPolicy[continuous, limit %,d tokens, %d jobs%s]",
                    tokenLimit, maxJobs, cap());
            case JOBS -> String.format(Locale.ROOT, "AdmissionPolicy[jobs, at most %d in flight%s]", maxJobs, cap());
        };
    }

    private String cap() {
        return (budgetUsd > 0 ? String.format(Locale.ROOT, ", budget $%.2f", budgetUsd) : "")
                + (costDriftFactor > 0 ? String.format(Locale.ROOT, ", drift %.1f×", costDriftFactor) : "");
    }
}
