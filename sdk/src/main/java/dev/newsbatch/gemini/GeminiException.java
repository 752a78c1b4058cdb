package dev.newsbatch.gemini;

import java.time.Duration;
import java.util.Optional;

/**
 * A Gemini API call that failed: carries the HTTP status, the operation, the job (if any) and the
 * server's suggested retry delay (if it gave one).
 *
 * <pre>{@code
 * try { gateway.createBatch(...); }
 * catch (GeminiException e) { if (e.isRetryable()) ...; }
 * }</pre>
 */
public class GeminiException extends RuntimeException {
    private final int status;
    private final String operation;
    private final String jobId;
    private final Duration retryDelay;

    public GeminiException(int status, String operation, String jobId, Duration retryDelay,
                           String message, Throwable cause) {
        super(operation + (jobId == null ? "" : " " + jobId) + " failed"
                + (status > 0 ? " with HTTP " + status : "") + ": " + message, cause);
        this.status = status;
        this.operation = operation;
        this.jobId = jobId;
        this.retryDelay = retryDelay;
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
