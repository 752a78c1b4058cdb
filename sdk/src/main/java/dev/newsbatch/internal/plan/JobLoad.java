package dev.newsbatch.internal.plan;

import dev.newsbatch.internal.Checks;

/**
 * One batch job as the {@link AdmissionPolicy} sees it: its estimated input tokens, its estimated
 * cost (each request priced on its own) and where it stands.
 *
 * <pre>{@code
 * List<JobLoad> jobs = List.of(JobLoad.inFlight(2_800_000, 0.42), JobLoad.waiting(2_800_000, 0.42));
 * policy.decide(jobs, 1);
 * }</pre>
 *
 * @param tokens estimated input tokens of the job's requests
 * @param usd    estimated cost of the job
 * @param actualUsd what its finished requests cost by their usage; negative when unknown
 * @param phase  where the job stands
 */
public record JobLoad(long tokens, double usd, Phase phase, double actualUsd) {

    /** A job whose actual cost is not known (yet). */
    public JobLoad(long tokens, double usd, Phase phase) {
        this(tokens, usd, phase, -1);
    }

    /** Where a job stands. */
    public enum Phase {
        /** Not sent yet. */
        WAITING,
        /** Sent; Gemini is working on it (or its results are not stored yet). */
        IN_FLIGHT,
        /** Sent and finished. */
        DONE,
        /** Settled without being sent (the budget cap). */
        SKIPPED
    }

    public JobLoad {
        Checks.atLeast(tokens, 0, "tokens");
        Checks.notNull(phase, "phase");
    }

    /** A job not sent yet. */
    public static JobLoad waiting(long tokens, double usd) {
        return new JobLoad(tokens, usd, Phase.WAITING);
    }

    /** A job being worked on. */
    public static JobLoad inFlight(long tokens, double usd) {
        return new JobLoad(tokens, usd, Phase.IN_FLIGHT);
    }

    /** A copy in another phase. */
    public JobLoad phase(Phase next) {
        return new JobLoad(tokens, usd, next, actualUsd);
    }

    /** True once the job is done or skipped. */
    public boolean isSettled() {
        return phase == Phase.DONE || phase == Phase.SKIPPED;
    }

    /** True when the job was sent (its cost is committed). */
    public boolean isSent() {
        return phase == Phase.IN_FLIGHT || phase == Phase.DONE;
    }
}
