package dev.newsbatch;

import java.time.Duration;

/**
 * Gemini refused a call over a quota (HTTP 429 RESOURCE_EXHAUSTED): requests or tokens per
 * minute, requests per day, enqueued batch tokens or a spend limit. {@link #retryDelay()} says when to
 * try again, when the server said so.
 *
 * <pre>{@code
 * try { Jobs.status("batches/abc", Path.of("batch_jobs")); }
 * catch (GeminiQuotaException e) { e.retryDelay().ifPresent(System.out::println); }
 * }</pre>
 */
public final class GeminiQuotaException extends GeminiException {
    private static final long serialVersionUID = 1L;

    GeminiQuotaException(int status, String operation, String jobId, Duration retryDelay, String message, Throwable cause) {
        super(status, operation, jobId, retryDelay, message, cause);
    }

    /**
     * True when the limit reached is the project's spend limit (per rolling 10 minutes or per month)
     * rather than a rate: the wait is the rest of the window, and runs say so once.
     */
    public boolean isSpendLimit() {
        String m = String.valueOf(getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("spend cap") || m.contains("spend limit") || m.contains("spending limit")
                || m.contains("billing cap");
    }
}
