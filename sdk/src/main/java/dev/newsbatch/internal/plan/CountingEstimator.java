package dev.newsbatch.internal.plan;

import dev.newsbatch.Article;
import dev.newsbatch.internal.Checks;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exact {@link TokenEstimator}: asks a {@link TokenCounter} (Gemini's {@code countTokens}) under
 * a Resilience4j rate limiter, and caches counts by the SHA-256 of model and text, so that the shared
 * template is counted once and a re-run does not count the same article again. The prompt tokens of
 * a request are the shared part's count plus the article's (counting the two apart may differ from
 * counting the joined text by a token or two). Output tokens are a configured figure.
 *
 * <pre>{@code
 * CountingEstimator exact = TokenEstimator.counting(gateway::countTokens, "gemini-2.5-flash")
 *         .requestsPerMinute(1_000).outputTokens(200);
 * }</pre>
 */
public final class CountingEstimator implements TokenEstimator {
    private final TokenCounter counter;
    private final String model;
    private final int requestsPerMinute;
    private final long outputTokens;
    private final int cacheEntries;
    private final RateLimiter limiter;
    private final Map<String, Integer> cache;
    private final AtomicLong calls = new AtomicLong();

    private CountingEstimator(TokenCounter counter, String model, int requestsPerMinute, long outputTokens,
                              int cacheEntries) {
        this.counter = Checks.notNull(counter, "counter");
        this.model = Checks.notBlank(model, "model");
        this.requestsPerMinute = (int) Checks.atLeast(requestsPerMinute, 1, "requestsPerMinute");
        this.outputTokens = Checks.atLeast(outputTokens, 0, "outputTokens");
        this.cacheEntries = (int) Checks.atLeast(cacheEntries, 1, "cacheEntries");
        this.limiter = RateLimiter.of("countTokens-" + model, RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Math.max(1, 60_000_000_000L / requestsPerMinute)))
                .timeoutDuration(Duration.ofHours(1))
                .build());
        int max = this.cacheEntries;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > max;
            }
        };
    }

    /** Counts for {@code model}: 3,000 requests a minute, 150 output tokens, 100,000 cached counts. */
    static CountingEstimator of(TokenCounter counter, String model) {
        return new CountingEstimator(counter, model, 3_000, 150, 100_000);
    }

    /** A copy limited to {@code rpm} count requests a minute. Default: 3,000. */
    public CountingEstimator requestsPerMinute(int rpm) {
        return new CountingEstimator(counter, model, rpm, outputTokens, cacheEntries);
    }

    /** A copy with another output figure. Default: 150. */
    public CountingEstimator outputTokens(long tokens) {
        return new CountingEstimator(counter, model, requestsPerMinute, tokens, cacheEntries);
    }

    /** A copy keeping at most {@code entries} counts. Default: 100,000. */
    public CountingEstimator cacheEntries(int entries) {
        return new CountingEstimator(counter, model, requestsPerMinute, outputTokens, entries);
    }

    /** How many times the counter was asked (cache misses). */
    public long counterCalls() {
        return calls.get();
    }

    @Override
    public TokenEstimate estimate(RequestTemplate template, Article article) {
        long input = count(template.fixedText()) + count(RequestTemplate.articleText(article));
        return new TokenEstimate(input, outputTokens);
    }

    private long count(String text) {
        if (text.isBlank()) {
            return 0;
        }
        String key = sha256(model + '\u0000' + text);
        synchronized (cache) {
            Integer hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        RateLimiter.waitForPermission(limiter);
        calls.incrementAndGet();
        int n = counter.countTokens(model, text);
        synchronized (cache) {
            cache.put(key, n);
        }
        return n;
    }

    static String sha256(String text) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String describe() {
        return "countTokens (" + model + ", exact, " + outputTokens + " out)";
    }

    @Override
    public String toString() {
        return "CountingEstimator[" + model + ", " + requestsPerMinute + " rpm, calls=" + calls.get() + "]";
    }
}
