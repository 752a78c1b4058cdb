package dev.newsbatch.plan;

/**
 * The answer of an {@link AdmissionGate}: may the next batch be submitted now, and if not, why.
 *
 * <pre>{@code
 * Admission a = gate.decide(inFlight, next);
 * if (a.admitted()) submit(next); else if (a.isFinal()) stop(a.reason());
 * }</pre>
 *
 * @param verdict what to do
 * @param reason  a sentence for the user
 */
public record Admission(Verdict verdict, String reason) {

    /** The possible answers. */
    public enum Verdict {
        /** Submit it now. */
        ADMIT,
        /** Wait until running jobs free enough enqueued tokens. */
        WAIT_FOR_TOKENS,
        /** Wait until a running job finishes (concurrent-job limit). */
        WAIT_FOR_JOB_SLOT,
        /** Stop: the USD budget cap would be exceeded. */
        BUDGET_EXHAUSTED,
        /** Stop: the batch alone exceeds the enqueued-token budget and can never be admitted. */
        NEVER_FITS
    }

    /** True when the batch may be submitted now. */
    public boolean admitted() {
        return verdict == Verdict.ADMIT;
    }

    /** True when waiting will not help. */
    public boolean isFinal() {
        return verdict == Verdict.BUDGET_EXHAUSTED || verdict == Verdict.NEVER_FITS;
    }

    @Override
    public String toString() {
        return verdict + ": " + reason;
    }
}
