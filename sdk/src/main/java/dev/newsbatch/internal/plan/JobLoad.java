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
 * @param phase  where the job stands
 * @param actualUsd what its finished requests cost by their usage; negative when unknown
 * @param reportedTokens   input tokens Gemini reported for the finished job's answered requests (0: unknown)
 * @param reportedEstimate the estimate of those same requests (0: unknown)
 */
public record JobLoad(long tokens, double usd, Phase phase, double actualUsd, long reportedTokens,
                      long reportedEstimate) {

    /** A job whose actual cost and counted tokens are not known (yet). */
    public JobLoad(long tokens, double usd, Phase phase) {
        this(tokens, usd, phase, -1, 0, 0);
    }

    /** A job whose counted tokens are not known. */
    public JobLoad(long tokens, double usd, Phase phase, double actualUsd) {
        this(tokens, usd, phase, actualUsd, 0, 0);
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
        Checks.atLeast(reportedTokens, 0, "reportedTokens");
        Checks.atLeast(reportedEstimate, 0, "reportedEstimate");
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
        return new JobLoad(tokens, usd, next, actualUsd, reportedTokens, reportedEstimate);
    }

    /** A copy with the input tokens Gemini reported for the job's answered requests and their estimate. */
    public JobLoad reported(long counted, long estimated) {
        return new JobLoad(tokens, usd, phase, actualUsd, counted, estimated);
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
