package dev.newsbatch.internal.retry;

import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * One retried call: Resilience4j's {@code Retry} says whether and how long to wait after each attempt, the
 * policy's sleeper waits. The rules are wrapped to remember what they said about the latest attempt, which
 * tells why the retries ended. Used by one thread at a time.
 */
final class RetryLoop<T> {
    private final RetryPolicy policy;
    private final Retry.AsyncContext<T> context;
    private boolean retryable;
    private Optional<Duration> asked = Optional.empty();

    RetryLoop(RetryPolicy policy, Retryable<? super T> rules) {
        this.policy = policy;
        Retryable<T> remembered = new Retryable<T>(
                e -> retryable = rules.error().test(e),
                e -> asked = rules.errorDelay().apply(e),
                r -> retryable = rules.result().test(r),
                r -> asked = rules.resultDelay().apply(r));
        this.context = Retry.of("newsbatch", policy.config(remembered)).asyncContext();
    }

    RetryOutcome<T> run(Callable<? extends T> body) {
        int retries = 0;
        for (int attempt = 1; ; attempt++) {
            retryable = false;
            asked = Optional.empty();
            T result = null;
            Exception error = null;
            try {
                result = body.call();
            } catch (Exception e) {
                error = e;
            }
            long wait = error != null ? context.onError(error) : context.onResult(result);
            if (wait < 0) {
                return ended(result, error, attempt, retries);
            }
            retries++;
            try {
                policy.sleeper().sleep(Duration.ofMillis(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new RetryOutcome<>(result, error, attempt, retries, RetryOutcome.End.INTERRUPTED, null);
            }
        }
    }

    /** No wait after a retryable outcome with attempts left means the server asked for too long a delay. */
    private RetryOutcome<T> ended(T result, Exception error, int attempt, int retries) {
        if (!retryable) {
            if (error == null) {
                context.onComplete();
            }
            return new RetryOutcome<>(result, error, attempt, retries, RetryOutcome.End.DONE, null);
        }
        if (attempt >= policy.maxAttempts()) {
            return new RetryOutcome<>(result, error, attempt, retries, RetryOutcome.End.EXHAUSTED, null);
        }
        return new RetryOutcome<>(result, error, attempt, retries, RetryOutcome.End.DELAY_TOO_LONG, asked.orElseThrow());
    }
}
