package dev.newsbatch;

import java.time.Duration;

/**
 * Gemini refused a call as wrong (HTTP 4xx other than 429): a malformed request, an unknown
 * model or job, a missing permission. Sending it again unchanged fails again, except for 408.
 *
 * <pre>{@code
 * try { Jobs.status("batches/abc", Path.of("batch_jobs")); }
 * catch (GeminiClientException e) { if (e.status() == 404) System.out.println("no such job"); }
 * }</pre>
 */
public final class GeminiClientException extends GeminiException {
    private static final long serialVersionUID = 1L;

    GeminiClientException(int status, String operation, String jobId, Duration retryDelay, String message, Throwable cause) {
        super(status, operation, jobId, retryDelay, message, cause);
    }
}
