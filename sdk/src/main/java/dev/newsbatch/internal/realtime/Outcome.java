package dev.newsbatch.internal.realtime;

import java.time.Duration;

/**
 * What happened to one article in a real-time run, delivered to the {@link OutcomeListener} as soon
 * as it is known: it succeeded (with its result), failed (with the reason, after how many attempts),
 * or was deferred (not finished because the daily cap was reached or the run was cancelled; it
 * should be sent again later).
 *
 * <pre>{@code
 * runner.run(articles, call, o -> { if (o.succeeded()) ledger.save(o.articleId(), o.result()); });
 * }</pre>
 *
 * @param index     position of the article in the input, from 0
 * @param articleId the article's id
 * @param status    succeeded, failed or deferred
 * @param result    the call's result when succeeded, else {@code null}
 * @param reason    why it failed or was deferred, else {@code null}
 * @param attempts  requests sent for it
 * @param elapsed   time from its first attempt to its outcome
 * @param error     the exception of the last attempt when failed, else {@code null}
 * @param <R>       the result type
 */
public record Outcome<R>(long index, String articleId, Status status, R result, String reason, int attempts,
                         Duration elapsed, Exception error) {

    /** The kinds of outcome. */
    public enum Status {
        /** The call returned a result. */
        SUCCEEDED,
        /** The call failed for good: not retryable, or out of attempts. */
        FAILED,
        /** Not finished: daily cap reached or run cancelled; send it again later. */
        DEFERRED
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    @Override
    public String toString() {
        return "Outcome[#" + index + " " + articleId + " " + status + " after " + attempts + " attempt"
                + (attempts == 1 ? "" : "s") + (reason == null ? "" : ": " + reason) + "]";
    }
}
