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
 * @param outputTokens answer tokens
 * @param jobName      the job that answered, or null (real-time)
 */
public record ItemOutcomeRecord(String key, String result, String errorKind, String error, long inputTokens,
                                long outputTokens, String jobName) {

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
