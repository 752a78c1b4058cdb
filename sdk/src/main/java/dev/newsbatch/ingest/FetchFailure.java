package dev.newsbatch.ingest;

/**
 * Why fetching a URL gave no article.
 *
 * <pre>{@code
 * if (result.failure() == FetchFailure.HTTP_STATUS) System.out.println(result.status());
 * }</pre>
 */
public enum FetchFailure {
    /** Not an absolute http or https URL. */
    INVALID_URL,
    /** The host resolves to an address refused by {@link dev.newsbatch.FetchOptions} (private, loopback, link-local...). */
    BLOCKED_ADDRESS,
    /** The site's robots.txt disallows the path (only when {@link dev.newsbatch.FetchOptions#respectRobots()} is on). */
    ROBOTS,
    /** The server answered with an error status (after any retries); see {@link FetchResult#status()}. */
    HTTP_STATUS,
    /** Connecting or reading took longer than the configured timeouts (after any retries). */
    TIMEOUT,
    /** More redirects than {@link dev.newsbatch.FetchOptions#maxRedirects()}, or a redirect loop. */
    TOO_MANY_REDIRECTS,
    /** The body is larger than {@link dev.newsbatch.FetchOptions#maxBodyBytes()}. */
    TOO_LARGE,
    /** The response is not an HTML page. */
    NOT_HTML,
    /** The page had no article text after extraction. */
    EMPTY,
    /** The connection failed (refused, reset, unknown host...). */
    NETWORK
}
