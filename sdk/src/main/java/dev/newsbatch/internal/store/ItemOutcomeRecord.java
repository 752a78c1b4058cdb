package dev.newsbatch.internal.store;

/**
 * The outcome of one item to store: a result, or an error kind and message.
 *
 * <pre>{@code
 * ledger.recordOutcomes(runId, List.of(ItemOutcomeRecord.success(key, json, 812, 96, "batches/x")));
 * }</pre>
 *
 * @param key          the request key
 * @param result       the answer JSON, or null on error
 * @param errorKind    the kind of error, or null on success
 * @param error        the message, or null on success
 * @param inputTokens  prompt tokens
 * @param outputTokens   output tokens billed (thinking included)
 * @param jobName        the job that answered, or null (real-time)
 * @param thinkingTokens of the output, the thinking tokens
 */
public record ItemOutcomeRecord(String key, String result, String errorKind, String error, long inputTokens,
                                long outputTokens, String jobName, long thinkingTokens) {

    /** An outcome without thinking tokens. */
    public ItemOutcomeRecord(String key, String result, String errorKind, String error, long inputTokens,
                             long outputTokens, String jobName) {
        this(key, result, errorKind, error, inputTokens, outputTokens, jobName, 0);
    }

    /** A copy with the thinking share of the output. */
    public ItemOutcomeRecord withThinking(long tokens) {
        return new ItemOutcomeRecord(key, result, errorKind, error, inputTokens, outputTokens, jobName, tokens);
    }

    /** A successful outcome. */
    public static ItemOutcomeRecord success(String key, String result, long in, long out, String jobName) {
        return new ItemOutcomeRecord(key, result, null, null, in, out, jobName);
    }

    /** A failed outcome. */
    public static ItemOutcomeRecord failure(String key, String errorKind, String error, long in, long out,
                                            String jobName) {
        return new ItemOutcomeRecord(key, null, errorKind, error, in, out, jobName);
    }
}
