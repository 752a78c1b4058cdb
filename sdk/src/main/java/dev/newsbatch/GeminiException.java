package dev.newsbatch;

import java.time.Duration;
import java.util.Optional;

/**
 * A Gemini API call that failed, split by cause as the google-genai SDK splits its own errors:
 * {@link GeminiClientException} (HTTP 4xx: a bad request, an unknown model or job, no permission),
 * {@link GeminiQuotaException} (HTTP 429: a rate, token or spend limit) and
 * {@link GeminiServerException} (HTTP 5xx, or no answer at all). Each carries the HTTP status, the
 * operation, the job (if any) and the server's suggested retry delay (if it gave one).
 *
 * <pre>{@code
 * try { Jobs.status("batches/abc", Path.of("batch_jobs")); }
 * catch (GeminiQuotaException e) { e.retryDelay().ifPresent(d -> System.out.println("retry in " + d)); }
 * catch (GeminiException e) { System.out.println(e.status() + " " + e.operation()); }
 * }</pre>
 */
public abstract sealed class GeminiException extends NewsbatchException
        permits GeminiClientException, GeminiQuotaException, GeminiServerException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String operation;
    private final String jobId;
    private final transient Duration retryDelay;

    GeminiException(int status, String operation, String jobId, Duration retryDelay,
                    String message, Throwable cause) {
        super(operation + (jobId == null ? "" : " " + jobId) + " failed"
                + (status > 0 ? " with HTTP " + status : "") + ": " + message, cause);
        this.status = status;
        this.operation = operation;
        this.jobId = jobId;
        this.retryDelay = retryDelay;
    }

    /**
     * The exception for a failed call: the status decides the type (429 quota, other 4xx client,
     * 5xx or 0 server).
     *
     * @param status     the HTTP status, or 0 when the call got no answer (refused, reset, timed out)
     * @param operation  the SDK operation, e.g. {@code "batches.create"}
     * @param jobId      the batch job concerned, or null
     * @param retryDelay the delay the server asked for, or null
     */
    public static GeminiException of(int status, String operation, String jobId, Duration retryDelay,
                                     String message, Throwable cause) {
        if (status == 429) {
            return new GeminiQuotaException(status, operation, jobId, retryDelay, message, cause);
        }
        if (status >= 400 && status < 500) {
            return new GeminiClientException(status, operation, jobId, retryDelay, message, cause);
        }
        return new GeminiServerException(status, operation, jobId, retryDelay, message, cause);
    }

    /** HTTP status code, or 0 for a transport failure (connection refused, reset, timeout). */
    public int status() {
        return status;
    }

    /** The operation that failed, e.g. {@code "batches.create"}. */
    public String operation() {
        return operation;
    }

    /** The batch job name ({@code batches/...}) the call concerned, if any. */
    public Optional<String> jobId() {
        return Optional.ofNullable(jobId);
    }

    /** The delay the server asked for (RetryInfo / Retry-After), if any. */
    public Optional<Duration> retryDelay() {
        return Optional.ofNullable(retryDelay);
    }

    /** True for transport failures and HTTP 408, 429, 500, 502, 503, 504. */
    public boolean isRetryable() {
        return status == 0 || status == 408 || status == 429 || status == 500
                || status == 502 || status == 503 || status == 504;
    }

    /** True for HTTP 429 RESOURCE_EXHAUSTED. */
    public boolean isQuotaExceeded() {
        return status == 429;
    }
}
