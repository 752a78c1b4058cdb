package dev.newsbatch;

import dev.newsbatch.internal.Checks;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Immutable settings of an {@link dev.newsbatch.ingest.ArticleFetcher}; each wither returns a new instance.
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
    private static final FetchOptions DEFAULTS = new FetchOptions(Draft.defaults());

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

    private FetchOptions(Draft d) {
        this.maxConcurrency = d.maxConcurrency;
        this.maxPerHost = d.maxPerHost;
        this.connectTimeout = d.connectTimeout;
        this.readTimeout = d.readTimeout;
        this.maxRedirects = d.maxRedirects;
        this.maxBodyBytes = d.maxBodyBytes;
        this.maxAttempts = d.maxAttempts;
        this.initialBackoff = d.initialBackoff;
        this.maxRetryAfter = d.maxRetryAfter;
        this.userAgent = d.userAgent;
        this.respectRobots = d.respectRobots;
        this.allowLoopback = d.allowLoopback;
        this.allowPrivateNetworks = d.allowPrivateNetworks;
    }

    /** The defaults listed in the class documentation. */
    public static FetchOptions ofDefaults() {
        return DEFAULTS;
    }

    private FetchOptions with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new FetchOptions(d);
    }

    /** Requests in flight at once, over all hosts. Default: 16. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** @throws IllegalArgumentException if {@code value} &lt; 1 */
    public FetchOptions maxConcurrency(int value) {
        Checks.atLeast(value, 1, "maxConcurrency");
        return with(d -> d.maxConcurrency = value);
    }

    /**
     * Requests in flight at once to one host (politeness), counting the requests of every fetcher in the process.
     * Default: 2.
     */
    public int maxPerHost() {
        return maxPerHost;
    }

    /** @throws IllegalArgumentException if {@code value} &lt; 1 */
    public FetchOptions maxPerHost(int value) {
        Checks.atLeast(value, 1, "maxPerHost");
        return with(d -> d.maxPerHost = value);
    }

    /** Time allowed to open a connection. Default: 10 s. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @throws IllegalArgumentException if {@code value} is not positive */
    public FetchOptions connectTimeout(Duration value) {
        positive(value, "connectTimeout");
        return with(d -> d.connectTimeout = value);
    }

    /** Time allowed for one request, from sending it to the body's last byte. Default: 30 s. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** @throws IllegalArgumentException if {@code value} is not positive */
    public FetchOptions readTimeout(Duration value) {
        positive(value, "readTimeout");
        return with(d -> d.readTimeout = value);
    }

    /** Redirects followed per URL; each hop is checked like the first. Default: 5. */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** @throws IllegalArgumentException if {@code value} &lt; 0 */
    public FetchOptions maxRedirects(int value) {
        Checks.atLeast(value, 0, "maxRedirects");
        return with(d -> d.maxRedirects = value);
    }

    /** Largest body accepted, in bytes after decompression. Default: 5 MB. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** @throws IllegalArgumentException if {@code value} &lt; 1 */
    public FetchOptions maxBodyBytes(long value) {
        Checks.atLeast(value, 1, "maxBodyBytes");
        return with(d -> d.maxBodyBytes = value);
    }

    /** Requests per hop, counting retries after timeouts, network errors, 429 and 5xx. Default: 3. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @throws IllegalArgumentException if {@code value} &lt; 1 */
    public FetchOptions maxAttempts(int value) {
        Checks.atLeast(value, 1, "maxAttempts");
        return with(d -> d.maxAttempts = value);
    }

    /** Wait before the first retry when the server sends no {@code Retry-After}; doubles per retry. Default: 500 ms. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @throws IllegalArgumentException if {@code value} is negative */
    public FetchOptions initialBackoff(Duration value) {
        Checks.notNull(value, "initialBackoff");
        Checks.atLeast(value.toMillis(), 0, "initialBackoff");
        return with(d -> d.initialBackoff = value);
    }

    /** Longest {@code Retry-After} honoured; a longer one ends the retries at once. Default: 60 s. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** @throws IllegalArgumentException if {@code value} is negative */
    public FetchOptions maxRetryAfter(Duration value) {
        Checks.notNull(value, "maxRetryAfter");
        Checks.atLeast(value.toMillis(), 0, "maxRetryAfter");
        return with(d -> d.maxRetryAfter = value);
    }

    /** The {@code User-Agent} header. Default: {@value #USER_AGENT}. */
    public String userAgent() {
        return userAgent;
    }

    /** @throws IllegalArgumentException if {@code value} is blank */
    public FetchOptions userAgent(String value) {
        Checks.notBlank(value, "userAgent");
        return with(d -> d.userAgent = value);
    }

    /** Whether each host's robots.txt is fetched (once) and its Disallow rules obeyed. Default: off. */
    public boolean respectRobots() {
        return respectRobots;
    }

    public FetchOptions respectRobots(boolean value) {
        return with(d -> d.respectRobots = value);
    }

    /** Whether loopback addresses (127.0.0.0/8, ::1) may be fetched, e.g. for a local test server. Default: off. */
    public boolean allowLoopback() {
        return allowLoopback;
    }

    public FetchOptions allowLoopback(boolean value) {
        return with(d -> d.allowLoopback = value);
    }

    /**
     * Whether private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local (169.254/16, fe80::/10),
     * multicast and wildcard addresses may be fetched. Default: off.
     */
    public boolean allowPrivateNetworks() {
        return allowPrivateNetworks;
    }

    public FetchOptions allowPrivateNetworks(boolean value) {
        return with(d -> d.allowPrivateNetworks = value);
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

    /** The settings being changed: the one place that lists them for a copy. */
    private static final class Draft {
        int maxConcurrency;
        int maxPerHost;
        Duration connectTimeout;
        Duration readTimeout;
        int maxRedirects;
        long maxBodyBytes;
        int maxAttempts;
        Duration initialBackoff;
        Duration maxRetryAfter;
        String userAgent;
        boolean respectRobots;
        boolean allowLoopback;
        boolean allowPrivateNetworks;

        private Draft() {
        }

        Draft(FetchOptions o) {
            maxConcurrency = o.maxConcurrency;
            maxPerHost = o.maxPerHost;
            connectTimeout = o.connectTimeout;
            readTimeout = o.readTimeout;
            maxRedirects = o.maxRedirects;
            maxBodyBytes = o.maxBodyBytes;
            maxAttempts = o.maxAttempts;
            initialBackoff = o.initialBackoff;
            maxRetryAfter = o.maxRetryAfter;
            userAgent = o.userAgent;
            respectRobots = o.respectRobots;
            allowLoopback = o.allowLoopback;
            allowPrivateNetworks = o.allowPrivateNetworks;
        }

        static Draft defaults() {
            Draft d = new Draft();
            d.maxConcurrency = 16;
            d.maxPerHost = 2;
            d.connectTimeout = Duration.ofSeconds(10);
            d.readTimeout = Duration.ofSeconds(30);
            d.maxRedirects = 5;
            d.maxBodyBytes = 5L << 20;
            d.maxAttempts = 3;
            d.initialBackoff = Duration.ofMillis(500);
            d.maxRetryAfter = Duration.ofSeconds(60);
            d.userAgent = USER_AGENT;
            return d;
        }
    }
}
