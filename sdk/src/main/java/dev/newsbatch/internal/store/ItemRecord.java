package dev.newsbatch.internal.store;

/**
 * One article's row in the ledger: where it is in the workflow and its outcome.
 *
 * <pre>{@code
 * ledger.items(runId, "FAILED").forEach(i -> System.out.println(i.articleId() + ": " + i.error()));
 * }</pre>
 *
 * @param key          the request key
 * @param articleId    the article's id
 * @param title        the title (may be empty)
 * @param url          the source URL, or null
 * @param contentHash  SHA-256 of title and contents
 * @param chunk        the batch number it was last assigned to (-1 for none)
 * @param state        PENDING, SUBMITTED, DONE or FAILED
 * @param attempts     how many times it was sent
 * @param jobName      the Gemini job that answered, or null
 * @param result       the answer JSON, once DONE
 * @param errorKind    the kind of error, once FAILED
 * @param error        the error message, once FAILED
 * @param inputTokens  prompt tokens billed
 * @param outputTokens answer tokens billed
 * @param estTokens    estimated input tokens
 */
public record ItemRecord(String key, String articleId, String title, String url, String contentHash, int chunk,
                         ItemState state, int attempts, String jobName, String result, String errorKind, String error,
                         long inputTokens, long outputTokens, long estTokens, long thinkingTokens) {

    /** An item without thinking tokens. */
    public ItemRecord(String key, String articleId, String title, String url, String contentHash, int chunk,
                      ItemState state, int attempts, String jobName, String result, String errorKind, String error,
                      long inputTokens, long outputTokens, long estTokens) {
        this(key, articleId, title, url, contentHash, chunk, state, attempts, jobName, result, errorKind, error,
                inputTokens, outputTokens, estTokens, 0);
    }

    /** A new item, not yet sent. */
    public static ItemRecord pending(String key, String articleId, String title, String url, String contentHash,
                                     long estTokens) {
        return new ItemRecord(key, articleId, title, url, contentHash, -1, ItemState.PENDING, 0, null, null, null, null,
                0, 0, estTokens);
    }

    /** A new item refused before sending. */
    public static ItemRecord refused(String key, String articleId, String title, String url, String contentHash,
                                     long estTokens, String errorKind, String error) {
        return new ItemRecord(key, articleId, title, url, contentHash, -1, ItemState.FAILED, 0, null, null, errorKind, error,
                0, 0, estTokens);
    }

    @Override
    public String toString() {
        return "Item[" + articleId + ", " + state + (error == null ? "" : ", " + errorKind) + "]";
    }
}
