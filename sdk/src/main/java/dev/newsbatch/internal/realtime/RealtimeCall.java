package dev.newsbatch.internal.realtime;

import dev.newsbatch.Article;

/**
 * One real-time request for one article, e.g. a {@code generateContent} call through the Gemini
 * gateway. Throw {@code GeminiException} for API failures so that retryable ones are retried.
 *
 * <pre>{@code
 * RealtimeCall<Classification> call = article -> gateway.classify(model, article);
 * }</pre>
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface RealtimeCall<R> {
    /** Sends the request for {@code article} and returns its result. */
    R call(Article article) throws Exception;
}
