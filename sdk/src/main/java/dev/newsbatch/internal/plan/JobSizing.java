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
 * if (s.closesBefore(items, bytes, tokens, lineBytes, lineTokens)) { closeTheJob(); }
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

    /**
     * True when a job holding {@code items} requests, {@code bytes} of file and {@code tokens} estimated tokens
     * must close before a request of {@code nextBytes} and {@code nextTokens} is added: an empty job never
     * closes, so a request larger than a job may hold gets a job of its own.
     */
    public boolean closesBefore(long items, long bytes, long tokens, long nextBytes, long nextTokens) {
        return items > 0 && (items >= maxItems || bytes + nextBytes > maxBytes || tokens + nextTokens > maxTokens);
    }
}
