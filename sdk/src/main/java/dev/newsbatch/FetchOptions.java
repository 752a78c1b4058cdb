package dev.newsbatch;

import dev.newsbatch.internal.Checks;
import java.time.Duration;

/**
 * Immutable settings of an {@link ArticleFetcher}; each wither returns a new instance.
 *
 * <pre>{@code
 * FetchOptions options = FetchOptions.ofDefaults().maxConcurrency(32).readTimeout(Duration.ofSeconds(10));
 * }</pre>
 *
 * Defaults: maxConcurrency 16, maxPerHost 2, connectTimeout 10 s, readTimeout 30 s (per request, from sending
 * to the last byte), maxRedirects 5, maxBodyBytes 5 MB (after decompression), maxAttempts 3, initialBackoff
 * 500 ms (doubled per retry, with jitter), maxRetryAfter 60 s (a longer {@code Retry-After} ends the retries),
 * userAgent {@value #USER_AGENT}, respectRobots off, allowLoopback off, allowPrivateNetworks off.
 */
public final class FetchOptions {
    /** The default user agent. */
    public static final String USER_AGENT = "newsbatch/0.1 (+https://github.com/newsbatch)";
    private static final FetchOptions DEFAULTS = new FetchOptions(16, 2, Duration.ofSeconds(10), Duration.ofSeconds(30),
            5, 5L << 20, 3, Duration.ofMillis(500), Duration.ofSeconds(60), USER_AGENT, false, false, false);

    private final int maxConcurrency;
    private final int maxPerHost;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxRedirects;
    private final long maxBodyBytes;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxRetryAfter;
    private final String userAgent;
    private final boolean respectRobots;
    private final boolean allowLoopback;
    private final boolean allowPrivateNetworks;

    private FetchOptions(int maxConcurrency, int maxPerHost, Duration connectTimeout, Duration readTimeout,
                         int maxRedirects, long maxBodyBytes, int maxAttempts, Duration initialBackoff,
                         Duration maxRetryAfter, String userAgent, boolean respectRobots, boolean allowLoopback,
                         boolean allowPrivateNetworks) {
        this.maxConcurrency = maxConcurrency;
        this.maxPerHost = maxPerHost;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxRedirects = maxRedirects;
        this.maxBodyBytes = maxBodyBytes;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxRetryAfter = maxRetryAfter;
        this.userAgent = userAgent;
        this.respectRobots = respectRobots;
        this.allowLoopback = allowLoopback;
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** The defaults listed in the class documentation. */
    public static FetchOptions ofDefaults() {
        return DEFAULTS;
    }

    private FetchOptions copy(int maxConcurrency, int maxPerHost, Duration connectTimeout, Duration readTimeout,
                              int maxRedirects, long maxBodyBytes, int maxAttempts, Duration initialBackoff,
                              Duration maxRetryAfter, String userAgent, boolean respectRobots, boolean allowLoopback,
                              boolean allowPrivateNetworks) {
        return new FetchOptions(maxConcurrency, maxPerHost, connectTimeout, readTimeout, maxRedirects, maxBodyBytes,
                maxAttempts, initialBackoff, maxRetryAfter, userAgent, respectRobots, allowLoopback, allowPrivateNetworks);
    }

    /** Requests in flight at once, over all hosts. Default: 16. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** @throws IllegalArgumentException if {@code value} &lt; 1 */
    public FetchOptions maxConcurrency(int value) {
        Checks.atLeast(value, 1, "maxConcurrency");
        return copy(value, maxPerHost, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                initialBackoff, maxRetryAfter, userAgent, respectRobots, allowLoopback, allowPrivateNetworks);
    }

    /** Requests in flight at once to one host (politeness). Default: 2. */
    public int maxPerHost() {
        return maxPerHost;
    }

    /** @throws IllegalArgumentException if {@code value} &lt; 1 */
    public FetchOptions maxPerHost(int value) {
        Checks.atLeast(value, 1, "maxPerHost");
        return copy(maxConcurrency, value, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                initialBackoff, maxRetryAfter, userAgent, respectRobots, allowLoopback, allowPrivateNetworks);
    }

    /** Time allowed to open a connection. Default: 10 s. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @throws IllegalArgumentException if {@code value} is not positive */
    public FetchOptions connectTimeout(Duration value) {
        positive(value, "connectTimeout");
        return copy(maxConcurrency, maxPerHost, value, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                initialBackoff, maxRetryAfter, userAgent, respectRobots, allowLoopback, allowPrivateNetworks);
    }

    /** Time allowed for one request, from sending it to the body's last byte. Default: 30 s. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** @throws IllegalArgumentException if {@code value} is not positive */
    public FetchOptions readTimeout(Duration value) {
        positive(value, "readTimeout");
        return copy(maxConcurrency, maxPerHost, connectTimeout, value, maxRedirects, maxBodyBytes, maxAttempts,
                initialBackoff, maxRetryAfter, userAgent, respectRobots, allowLoopback, allowPrivateNetworks);
    }

    /** Redirects followed per URL; each hop is checked like the first. Default: 5. */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** @throws IllegalArgumentException if {@code value} &lt; 0 */
    public FetchOptions maxRedirects(int value) {
        Checks.atLeast(value, 0, "maxRedirects");
        return copy(maxConcurrency, maxPerHost, connectTimeout, readTimeout, value, maxBodyBytes, maxAttempts,
                initialBackoff, maxRetryAfter, userAgent, respectRobots, allowLoopback, allowPrivateNetworks);
    }

    /** Largest body accepted, in bytes after decompression. Default: 5 MB. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** @throws IllegalArgumentException if {@code value} &lt; 1 */
    public FetchOptions maxBodyBytes(long value) {
        Checks.atLeast(value, 1, "maxBodyBytes");
        return copy(maxConcurrency, maxPerHost, connectTimeout, readTimeout, maxRedirects, value, maxAttempts,
                initialBackoff, maxRetryAfter, userAgent, respectRobots, allowLoopback, allowPrivateNetworks);
    }

    /** Requests per hop, counting retries after timeouts, network errors, 429 and 5xx. Default: 3. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @throws IllegalArgumentException if {@code value} &lt; 1 */
    public FetchOptions maxAttempts(int value) {
        Checks.atLeast(value, 1, "maxAttempts");
        return copy(maxConcurrency, maxPerHost, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, value,
                initialBackoff, maxRetryAfter, userAgent, respectRobots, allowLoopback, allowPrivateNetworks);
    }

    /** Wait before the first retry when the server sends no {@code Retry-After}; doubles per retry. Default: 500 ms. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @throws IllegalArgumentException if {@code value} is negative */
    public FetchOptions initialBackoff(Duration value) {
        Checks.notNull(value, "initialBackoff");
        Checks.atLeast(value.toMillis(), 0, "initialBackoff");
        return copy(maxConcurrency, maxPerHost, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                value, maxRetryAfter, userAgent, respectRobots, allowLoopback, allowPrivateNetworks);
    }

    /** Longest {@code Retry-After} honoured; a longer one ends the retries at once. Default: 60 s. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** @throws IllegalArgumentException if {@code value} is negative */
    public FetchOptions maxRetryAfter(Duration value) {
        Checks.notNull(value, "maxRetryAfter");
        Checks.atLeast(value.toMillis(), 0, "maxRetryAfter");
        return copy(maxConcurrency, maxPerHost, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                initialBackoff, value, userAgent, respectRobots, allowLoopback, allowPrivateNetworks);
    }

    /** The {@code User-Agent} header. Default: {@value #USER_AGENT}. */
    public String userAgent() {
        return userAgent;
    }

    /** @throws IllegalArgumentException if {@code value} is blank */
    public FetchOptions userAgent(String value) {
        Checks.notBlank(value, "userAgent");
        return copy(maxConcurrency, maxPerHost, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                initialBackoff, maxRetryAfter, value, respectRobots, allowLoopback, allowPrivateNetworks);
    }

    /** Whether each host's robots.txt is fetched (once) and its Disallow rules obeyed. Default: off. */
    public boolean respectRobots() {
        return respectRobots;
    }

    public FetchOptions respectRobots(boolean value) {
        return copy(maxConcurrency, maxPerHost, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                initialBackoff, maxRetryAfter, userAgent, value, allowLoopback, allowPrivateNetworks);
    }

    /** Whether loopback addresses (127.0.0.0/8, ::1) may be fetched, e.g. for a local test server. Default: off. */
    public boolean allowLoopback() {
        return allowLoopback;
    }

    public FetchOptions allowLoopback(boolean value) {
        return copy(maxConcurrency, maxPerHost, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                initialBackoff, maxRetryAfter, userAgent, respectRobots, value, allowPrivateNetworks);
    }

    /**
     * Whether private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local (169.254/16, fe80::/10),
     * multicast and wildcard addresses may be fetched. Default: off.
     */
    public boolean allowPrivateNetworks() {
        return allowPrivateNetworks;
    }

    public FetchOptions allowPrivateNetworks(boolean value) {
        return copy(maxConcurrency, maxPerHost, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                initialBackoff, maxRetryAfter, userAgent, respectRobots, allowLoopback, value);
    }

    private static void positive(Duration value, String field) {
        Checks.notNull(value, field);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value);
        }
    }

    @Override
    public String toString() {
        return "FetchOptions[maxConcurrency=" + maxConcurrency + ", maxPerHost=" + maxPerHost + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", maxRedirects=" + maxRedirects + ", maxBodyBytes="
                + maxBodyBytes + ", maxAttempts=" + maxAttempts + ", respectRobots=" + respectRobots
                + ", allowLoopback=" + allowLoopback + ", allowPrivateNetworks=" + allowPrivateNetworks + "]";
    }
}
