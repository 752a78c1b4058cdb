package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Enforces the quotas: RPM, TPM and RPD of generateContent per model (counted by this emulator instance),
 * and, for batch creation, concurrent jobs and enqueued tokens per model (counted from the shared state).
 * A refusal is 429 RESOURCE_EXHAUSTED with Google's body: QuotaFailure, Help and RetryInfo details.
 */
final class QuotaGuard {
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final String SERVICE = "generativelanguage.googleapis.com/";

    private final EmulatorConfig config;
    private final Counters counters;
    private final Map<String, Window> windows = new HashMap<>();

    /** Requests and tokens of the last minute, and requests of the current Pacific day, for one model. */
    private static final class Window {
        final Deque<long[]> minute = new ArrayDeque<>();   // {epochMillis, tokens}
        long minuteTokens;
        LocalDate day;
        long dayRequests;
    }

    QuotaGuard(EmulatorConfig config, Counters counters) {
        this.config = config;
        this.counters = counters;
    }

    /** Admits one generateContent call of {@code tokens} input tokens, or throws 429. */
    void admitGenerate(String model, long tokens, Instant now) {
        Quota q = config.quotaFor(model);
        String m = bare(model);
        boolean free = "free".equals(config.tier());
        synchronized (windows) {
            Window w = windows.computeIfAbsent(m, k -> new Window());
            long t = now.toEpochMilli();
            while (!w.minute.isEmpty() && w.minute.peekFirst()[0] <= t - 60_000) {
                w.minuteTokens -= w.minute.pollFirst()[1];
            }
            LocalDate today = now.atZone(PACIFIC).toLocalDate();
            if (!today.equals(w.day)) {
                w.day = today;
                w.dayRequests = 0;
            }
            Duration untilMinuteFrees = w.minute.isEmpty() ? Duration.ZERO
                    : Duration.ofMillis(w.minute.peekFirst()[0] + 60_000 - t);
            if (w.minute.size() + 1 > q.requestsPerMinute()) {
                throw refuse(free ? "generate_content_free_tier_requests" : "generate_requests_per_model",
                        free ? "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"
                                : "GenerateRequestsPerMinutePerProjectPerModel",
                        m, q.requestsPerMinute(), untilMinuteFrees);
            }
            if (w.minuteTokens + tokens > q.tokensPerMinute()) {
                throw refuse(free ? "generate_content_free_tier_input_token_count"
                                : "generate_content_paid_tier_input_token_count",
                        free ? "GenerateContentInputTokensPerModelPerMinute-FreeTier"
                                : "GenerateContentPaidTierInputTokensPerModelPerMinute",
                        m, q.tokensPerMinute(), untilMinuteFrees);
            }
            if (w.dayRequests + 1 > q.requestsPerDay()) {
                Instant midnight = today.plusDays(1).atStartOfDay(PACIFIC).toInstant();
                throw refuse(free ? "generate_content_free_tier_requests" : "generate_requests_per_model_per_day",
                        free ? "GenerateRequestsPerDayPerProjectPerModel-FreeTier"
                                : "GenerateRequestsPerDayPerProjectPerModel",
                        m, q.requestsPerDay(), Duration.between(now, midnight));
            }
            w.minute.addLast(new long[] {t, tokens});
            w.minuteTokens += tokens;
            w.dayRequests++;
        }
    }

    /**
     * Admits a new batch job of {@code tokens} for {@code model}, given the jobs already pending or running;
     * {@code enqueued} are the tokens of those jobs for the same model.
     */
    void admitBatch(String model, long tokens, int activeJobs, long enqueued, Duration untilOneEnds) {
        Quota q = config.quotaFor(model);
        String m = bare(model);
        if (activeJobs + 1 > q.concurrentBatchJobs()) {
            throw refuse("batch_concurrent_requests", "BatchConcurrentRequestsPerProject", m,
                    q.concurrentBatchJobs(), untilOneEnds);
        }
        if (enqueued + tokens > q.enqueuedBatchTokens()) {
            throw refuse("batch_enqueued_tokens", "BatchEnqueuedTokensPerProjectPerModel", m,
                    q.enqueuedBatchTokens(), untilOneEnds);
        }
    }

    private ApiError refuse(String metric, String quotaId, String model, long limit, Duration retry) {
        counters.rateLimited.incrementAndGet();
        long seconds = Math.max(1, (retry.toMillis() + 999) / 1000);
        ArrayNode details = Json.array();
        ObjectNode failure = details.addObject();
        failure.put("@type", "type.googleapis.com/google.rpc.QuotaFailure");
        ObjectNode violation = failure.putArray("violations").addObject();
        violation.put("quotaMetric", SERVICE + metric);
        violation.put("quotaId", quotaId);
        violation.putObject("quotaDimensions").put("location", "global").put("model", model);
        violation.put("quotaValue", String.valueOf(limit));
        ObjectNode help = details.addObject();
        help.put("@type", "type.googleapis.com/google.rpc.Help");
        help.putArray("links").addObject().put("description", "Learn more about Gemini API quotas")
                .put("url", "https://ai.google.dev/gemini-api/docs/rate-limits");
        details.addObject().put("@type", "type.googleapis.com/google.rpc.RetryInfo").put("retryDelay", seconds + "s");
        String message = "You exceeded your current quota, please check your plan and billing details. For more "
                + "information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. "
                + "To monitor your current usage, head to: https://ai.dev/usage?tab=rate-limit. \n"
                + "* Quota exceeded for metric: " + SERVICE + metric + ", limit: " + limit + ", model: " + model
                + "\nPlease retry in " + seconds + "s.";
        return new ApiError(429, "RESOURCE_EXHAUSTED", message, details);
    }

    static String bare(String model) {
        return model.startsWith("models/") ? model.substring(7) : model;
    }
}
