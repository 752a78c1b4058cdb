/**
 * The one retry policy of the SDK: bounded attempts, exponential backoff with jitter, and the delay a server
 * asks for ({@code Retry-After}, Gemini's {@code RetryInfo}) honoured up to a cap. It is built on
 * Resilience4j's {@code Retry}, which decides whether and when to try again; the waiting goes through a
 * {@link dev.newsbatch.internal.retry.RetryPolicy.Sleeper}, so tests record waits instead of sleeping.
 *
 * <p>The article fetcher, the Gemini gateway and the real-time runner all retry through it. Each one says
 * what is retryable and where a server's delay is found with a
 * {@link dev.newsbatch.internal.retry.Retryable}.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.ofDefaults().maxAttempts(5);
 * Supplier<String> read = policy.decorate(() -> client.get(name),
 *         Retryable.errors(e -> e instanceof UncheckedIOException, e -> Optional.empty()));
 * }</pre>
 *
 * <p>Imports only the JDK and Resilience4j, never another {@code dev.newsbatch} package, so it cannot take
 * part in a package cycle. Not part of the public API.
 */
package dev.newsbatch.internal.retry;
