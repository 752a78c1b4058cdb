package dev.newsbatch.internal.plan;

/**
 * The answer of the {@link AdmissionPolicy}: may a batch job (or a real-time call) be sent now, and
 * if not, why.
 *
 * <pre>{@code
 * Admission a = policy.decide(jobs, next);
 * if (a.admitted()) submit(next); else if (a.isFinal()) settleUnsent(next, a.reason());
 * }</pre>
 *
 * @param verdict what to do
 * @param reason  a sentence for the user
 */
public record Admission(Verdict verdict, String reason) {

    /** The possible answers. */
    public enum Verdict {
        /** Send it now. */
        ADMIT,
        /** Wait until jobs in flight free enough enqueued tokens. */
        WAIT_FOR_TOKENS,
        /** Wait until a job finishes: the concurrent-job limit is reached. */
        WAIT_FOR_JOB_SLOT,
        /** Wait until the previous wave has finished. */
        WAIT_FOR_WAVE,
        /** Wait until the results of a job that ended are stored, so the drift check can price them. */
        WAIT_FOR_RESULTS,
        /** Never: the budget cap would be passed. Its articles end as BUDGET errors. */
        BUDGET_EXHAUSTED,
        /**
         * Not now: what finished so far cost more than the estimate by the run's drift factor.
         * Admission pauses (articles stay unsent) until the run is resumed with a larger factor.
         */
        COST_DRIFT
    }

    /** True when the job may be sent now. */
    public boolean admitted() {
        return verdict == Verdict.ADMIT;
    }

    /** True when waiting will not help. */
    public boolean isFinal() {
        return verdict == Verdict.BUDGET_EXHAUSTED;
    }

    @Override
    public String toString() {
        return verdict + ": " + reason;
    }
}
