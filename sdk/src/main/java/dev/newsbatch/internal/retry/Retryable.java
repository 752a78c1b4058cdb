package dev.newsbatch.internal.retry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a {@link RetryPolicy} may retry, and where the delay a server asked for is found: for an exception, for
 * a result, or both. Anything else ends the retries at once.
 *
 * <pre>{@code
 * Retryable<Object> gemini = Retryable.errors(e -> e instanceof GeminiException g && g.isRetryable(),
 *         e -> e instanceof GeminiException g ? g.retryDelay() : Optional.empty());
 * Retryable<HttpResponse<?>> busy = Retryable.results(r -> r.statusCode() == 503,
 *         r -> r.headers().firstValue("retry-after").flatMap(v -> RetryAfter.parse(v, Instant.now())));
 * }</pre>
 *
 * @param error       whether an exception is worth another attempt
 * @param errorDelay  the delay the server asked for with that exception, if any
 * @param result      whether a result is worth another attempt
 * @param resultDelay the delay the server asked for with that result, if any
 * @param <T>         the result type
 */
public record Retryable<T>(Predicate<Throwable> error, Function<Throwable, Optional<Duration>> errorDelay,
                           Predicate<T> result, Function<T, Optional<Duration>> resultDelay) {

    /** Checks that every function is there. */
    public Retryable {
        if (error == null || errorDelay == null || result == null || resultDelay == null) {
            throw new IllegalArgumentException("error, errorDelay, result and resultDelay must not be null");
        }
    }

    /** Retries the exceptions {@code retryable} accepts, after {@code serverDelay} when it gives one; no result. */
    public static <T> Retryable<T> errors(Predicate<Throwable> retryable,
                                          Function<Throwable, Optional<Duration>> serverDelay) {
        return new Retryable<>(retryable, serverDelay, r -> false, r -> Optional.empty());
    }

    /** Retries the results {@code retryable} accepts, after {@code serverDelay} when it gives one; no exception. */
    public static <T> Retryable<T> results(Predicate<T> retryable, Function<T, Optional<Duration>> serverDelay) {
        return new Retryable<>(e -> false, e -> Optional.empty(), retryable, serverDelay);
    }
}
