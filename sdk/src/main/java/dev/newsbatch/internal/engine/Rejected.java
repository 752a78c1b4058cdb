package dev.newsbatch.internal.engine;

/**
 * An input that yielded no article to send (for example a page that could not be fetched), to be
 * recorded as a failed item of the run.
 *
 * <pre>{@code
 * engine.recordRejected(runId, List.of(new Rejected("u-3f2a", "", "https://x/y", "FETCH_FAILED", "HTTP 404")));
 * }</pre>
 *
 * @param articleId the id the article would have had
 * @param title     its title, if known
 * @param url       its URL, if any
 * @param errorKind the {@link dev.newsbatch.ErrorKind} name
 * @param message   what happened
 */
public record Rejected(String articleId, String title, String url, String errorKind, String message) {
}
