package dev.newsbatch.internal.plan;

import dev.newsbatch.internal.Checks;

/**
 * The one rule for how much one batch job holds, used by the planner (the estimate's batches) and by the
 * engine (the request files it writes), so both cut the same jobs: at most {@code maxItems} requests,
 * {@code maxBytes} of request file, and {@code maxTokens} estimated input tokens.
 *
 * <p>The token cap keeps several jobs inside the enqueued-token budget: a job holds at most
 * {@code 1/JOBS_IN_BUDGET} of it, so when one job finishes the others keep Gemini busy while the next is
 * uploaded and created. Without an enqueued-token limit there is no token cap.
 *
 * <pre>{@code
 * JobSizing s = JobSizing.of(1_000, 2_000_000_000L, 10_000_000);   // 2,250,000 tokens a job at most
 * if (s.overTokens(jobTokens, nextTokens)) { closeTheJob(); }
 * }</pre>
 *
 * @param maxItems  requests per job
 * @param maxBytes  bytes per request file
 * @param maxTokens estimated input tokens per job ({@link Long#MAX_VALUE}: no cap)
 */
public record JobSizing(int maxItems, long maxBytes, long maxTokens) {
    /** How many jobs of the largest size fit in the safe share of the enqueued-token limit. */
    public static final int JOBS_IN_BUDGET = 4;

    public JobSizing {
        Checks.atLeast(maxItems, 1, "maxItems");
        Checks.atLeast(maxBytes, 1, "maxBytes");
        Checks.atLeast(maxTokens, 1, "maxTokens");
    }

    /** The sizing for a tier whose enqueued-token limit is {@code enqueuedLimit} (≤ 0 or unlimited: no token cap). */
    public static JobSizing of(int maxItems, long maxBytes, long enqueuedLimit) {
        return new JobSizing(maxItems, maxBytes, tokensPerJob(enqueuedLimit));
    }

    /** The token cap of one job under an enqueued-token limit: its seed safe share, split in {@link #JOBS_IN_BUDGET}. */
    public static long tokensPerJob(long enqueuedLimit) {
        if (enqueuedLimit <= 0 || enqueuedLimit == ModelLimits.UNLIMITED) {
            return Long.MAX_VALUE;
        }
        return Math.max(1, (long) Math.floor(enqueuedLimit * AdmissionPolicy.SEED_SHARE / JOBS_IN_BUDGET));
    }

    /** True when a job already holding {@code tokens} (and at least one request) must close before one of {@code next}. */
    public boolean overTokens(long tokens, long next) {
        return tokens > 0 && tokens + next > maxTokens;
    }

    /** True when a job holding {@code items} requests in {@code bytes} is full. */
    public boolean full(long items, long bytes) {
        return items >= maxItems || bytes >= maxBytes;
    }
}
