package dev.newsbatch;

/**
 * Why one article has no classification.
 *
 * <pre>{@code
 * results.errors().stream().filter(e -> e.kind() == ErrorKind.SCHEMA_VIOLATION).count();
 * }</pre>
 */
public enum ErrorKind {
    /** Gemini answered the request with an error status. */
    API_ERROR,
    /** The answer was not JSON. */
    UNPARSABLE_JSON,
    /** The answer was JSON but broke the response schema. */
    SCHEMA_VIOLATION,
    /** The results file had no line for the request (or the line was unreadable). */
    MISSING_LINE,
    /** The whole batch job failed, expired or was cancelled. */
    JOB_FAILED,
    /** The article is larger than the model's input limit; it was not sent. */
    INPUT_TOO_LARGE,
    /** The article's URL could not be fetched or had no text. */
    FETCH_FAILED,
    /** The daily request cap was reached before the article was sent. */
    DAILY_CAP,
    /** The budget cap was reached before the article was sent. */
    BUDGET,
    /** The run was cancelled or its deadline passed before the article was sent. */
    NOT_SENT;

    /** Whether sending the article again may succeed. */
    public boolean isRetryable() {
        return this == API_ERROR || this == UNPARSABLE_JSON || this == SCHEMA_VIOLATION
                || this == MISSING_LINE || this == JOB_FAILED;
    }
}
