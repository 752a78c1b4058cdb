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
    NOT_SENT,
    /**
     * The answer was cut at the output limit ({@code finishReason: MAX_TOKENS}; thinking counts
     * against it): billed, but truncated. Not retried with the same settings: lower the thinking.
     */
    TRUNCATED,
    /** The answer was stopped by the safety filters ({@code SAFETY}, {@code PROHIBITED_CONTENT}, ...). Not retried. */
    SAFETY,
    /** The answer was stopped for reciting protected text ({@code RECITATION}). Not retried. */
    RECITATION,
    /** The prompt itself was blocked ({@code promptFeedback.blockReason}, no answer). Not retried. */
    PROMPT_BLOCKED,
    /** The model stopped for another reason ({@code OTHER}, {@code MALFORMED_FUNCTION_CALL}, ...). Retried. */
    OTHER_FINISH,
    /** The model answered with no text and no reason. Retried. */
    EMPTY_ANSWER;

    /**
     * Whether sending the article again (with the same settings) may succeed: errors of the service
     * and of the answer's form, but not a truncation, a safety or recitation stop or a blocked prompt,
     * which would be paid for again with the same result.
     */
    public boolean isRetryable() {
        return this == API_ERROR || this == UNPARSABLE_JSON || this == SCHEMA_VIOLATION
                || this == MISSING_LINE || this == JOB_FAILED || this == OTHER_FINISH || this == EMPTY_ANSWER;
    }
}
