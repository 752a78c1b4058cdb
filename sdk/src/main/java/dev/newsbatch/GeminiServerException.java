package dev.newsbatch;

import java.time.Duration;

/**
 * A Gemini call failed on the server's side (HTTP 5xx) or got no answer at all (status 0:
 * refused, reset or timed out). Usually worth retrying.
 *
 * <pre>{@code
 * try { Jobs.status("batches/abc", Path.of("batch_jobs")); }
 * catch (GeminiServerException e) { System.out.println(e.status() + " from " + e.operation()); }
 * }</pre>
 */
public final class GeminiServerException extends GeminiException {
    private static final long serialVersionUID = 1L;

    GeminiServerException(int status, String operation, String jobId, Duration retryDelay, String message, Throwable cause) {
        super(status, operation, jobId, retryDelay, message, cause);
    }
}
