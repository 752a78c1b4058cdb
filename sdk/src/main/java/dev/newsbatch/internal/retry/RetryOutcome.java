package dev.newsbatch.internal.retry;

import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;

/**
 * How a retried call ended: the last attempt's result or exception, how many attempts and waits it took, and
 * why it stopped.
 *
 * <pre>{@code
 * RetryOutcome<Page> o = policy.run(() -> fetch(url), rules);
 * if (o.end() == RetryOutcome.End.DELAY_TOO_LONG) System.out.println("server asked for " + o.refusedDelay());
 * }</pre>
 *
 * @param result       the last attempt's result, or {@code null} when it threw
 * @param error        the last attempt's exception, or {@code null} when it returned
 * @param attempts     attempts made, the first included
 * @param retries      waits begun between attempts
 * @param end          why no further attempt was made
 * @param refusedDelay the server's delay that ended the retries ({@link End#DELAY_TOO_LONG}), else {@code null}
 * @param <T>          the result type
 */
public record RetryOutcome<T>(T result, Exception error, int attempts, int retries, End end, Duration refusedDelay) {

    /** Why a retried call stopped. */
    public enum End {
        /** The last outcome is not retryable: a success, or a failure the rules do not retry. */
        DONE,
        /** The last outcome was retryable, but no attempts were left. */
        EXHAUSTED,
        /** The server asked for a delay above the policy's maximum. */
        DELAY_TOO_LONG,
        /** A wait was interrupted; the thread's interrupt flag is set again. */
        INTERRUPTED
    }

    /** The last result, or the last exception thrown (a checked one wrapped). */
    public T orThrow() {
        if (error == null) {
            return result;
        }
        if (error instanceof RuntimeException e) {
            throw e;
        }
        throw new UndeclaredThrowableException(error, error.toString());
    }

    @Override
    public String toString() {
        return "RetryOutcome[" + end + " after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                + (error == null ? "" : ", " + error.getClass().getSimpleName())
                + (refusedDelay == null ? "" : ", refused " + refusedDelay.toMillis() + "ms") + "]";
    }
}
