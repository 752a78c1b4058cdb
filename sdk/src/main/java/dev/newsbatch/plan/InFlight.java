package dev.newsbatch.plan;

import dev.newsbatch.internal.Checks;

/**
 * What is running now, as an {@link AdmissionGate} sees it: the input tokens of active batch jobs,
 * how many there are, and the USD already committed (spent or submitted).
 *
 * <pre>{@code
 * InFlight now = InFlight.NONE.plus(batch);
 * }</pre>
 *
 * @param tokens       prompt tokens of active jobs
 * @param jobs         active jobs
 * @param committedUsd USD of everything submitted so far
 */
public record InFlight(long tokens, int jobs, double committedUsd) {

    /** Nothing running and nothing spent. */
    public static final InFlight NONE = new InFlight(0, 0, 0.0);

    public InFlight {
        Checks.atLeast(tokens, 0, "tokens");
        Checks.atLeast(jobs, 0, "jobs");
        Checks.atLeast(committedUsd, 0.0, "committedUsd");
    }

    /** After submitting {@code b}. */
    public InFlight plus(BatchSlice b) {
        return new InFlight(tokens + b.inputTokens(), jobs + 1, committedUsd + b.costUsd());
    }

    /** After {@code b} has completed (its tokens are free again; its cost stays committed). */
    public InFlight minus(BatchSlice b) {
        return new InFlight(tokens - b.inputTokens(), jobs - 1, committedUsd);
    }
}
