package dev.newsbatch.plan;

import dev.newsbatch.internal.Checks;

import java.util.Locale;

/**
 * Continuous admission as pure logic: given the enqueued-token budget (the safe share of the tier's
 * limit), the concurrent-job limit and an optional USD budget cap, decides whether the next batch
 * may be submitted while others are still running. Unlike waves there is no barrier: a batch goes
 * as soon as enough tokens are free.
 *
 * <pre>{@code
 * AdmissionGate gate = AdmissionGate.of(9_000_000, 100).budgetUsd(5.00);
 * Admission a = gate.decide(inFlight, plan.batches().get(7));
 * }</pre>
 *
 * @param tokenBudget input tokens that may be enqueued at once
 * @param maxJobs     batch jobs that may be active at once
 * @param budgetUsd   USD cap on everything submitted; {@code 0} for none
 */
public record AdmissionGate(long tokenBudget, int maxJobs, double budgetUsd) {

    public AdmissionGate {
        Checks.atLeast(tokenBudget, 1, "tokenBudget");
        Checks.atLeast(maxJobs, 1, "maxJobs");
        Checks.atLeast(budgetUsd, 0.0, "budgetUsd");
    }

    /** A gate without a budget cap. */
    public static AdmissionGate of(long tokenBudget, int maxJobs) {
        return new AdmissionGate(tokenBudget, maxJobs, 0.0);
    }

    /** A copy with a USD budget cap ({@code 0} for none). */
    public AdmissionGate budgetUsd(double usd) {
        return new AdmissionGate(tokenBudget, maxJobs, usd);
    }

    /** Whether {@code next} may be submitted now, given what is {@code running}. */
    public Admission decide(InFlight running, BatchSlice next) {
        Checks.notNull(running, "running");
        Checks.notNull(next, "next");
        return decide(running, next.inputTokens(), next.costUsd());
    }

    /** Whether a batch of {@code tokens} costing {@code costUsd} may be submitted now. */
    public Admission decide(InFlight running, long tokens, double costUsd) {
        if (tokens > tokenBudget) {
            return new Admission(Admission.Verdict.NEVER_FITS, String.format(Locale.ROOT,
                    "the batch needs %,d tokens, more than the enqueued-token budget of %,d; split it smaller",
                    tokens, tokenBudget));
        }
        if (budgetUsd > 0 && running.committedUsd() + costUsd > budgetUsd + 1e-9) {
            return new Admission(Admission.Verdict.BUDGET_EXHAUSTED, String.format(Locale.ROOT,
                    "budget cap $%.2f reached: $%.2f committed, the next batch would add $%.2f; "
                            + "no new batches are submitted", budgetUsd, running.committedUsd(), costUsd));
        }
        if (running.jobs() >= maxJobs) {
            return new Admission(Admission.Verdict.WAIT_FOR_JOB_SLOT, String.format(Locale.ROOT,
                    "%d of %d batch jobs are running; waiting for one to finish", running.jobs(), maxJobs));
        }
        if (running.tokens() + tokens > tokenBudget) {
            return new Admission(Admission.Verdict.WAIT_FOR_TOKENS, String.format(Locale.ROOT,
                    "%,d of %,d enqueued tokens in use, the batch needs %,d; waiting for jobs to finish",
                    running.tokens(), tokenBudget, tokens));
        }
        return new Admission(Admission.Verdict.ADMIT, String.format(Locale.ROOT,
                "%,d + %,d tokens within the budget of %,d", running.tokens(), tokens, tokenBudget));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AdmissionGate[tokens=%,d, jobs=%d%s]", tokenBudget, maxJobs,
                budgetUsd > 0 ? String.format(Locale.ROOT, ", budget=$%.2f", budgetUsd) : "");
    }
}
