package dev.newsbatch.ingest;

import dev.newsbatch.FetchOptions;
import dev.newsbatch.Article;
import dev.newsbatch.internal.Checks;
import dev.newsbatch.internal.retry.RetryAfter;
import dev.newsbatch.internal.retry.RetryOutcome;
import dev.newsbatch.internal.retry.RetryPolicy;
import dev.newsbatch.internal.retry.Retryable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Fetches article pages over HTTP(S), politely and concurrently, and extracts their text with
 * {@link ArticleExtractor}. Every URL ends with a {@link FetchResult}; one bad URL never stops the others.
 *
 * <p>Politeness and safety: at most {@link FetchOptions#maxConcurrency()} requests at once and
 * {@link FetchOptions#maxPerHost()} per host; a clear {@code User-Agent}; optional robots.txt; retries with
 * exponential backoff after timeouts, network errors, 429 and 5xx, honouring {@code Retry-After} (seconds or
 * an HTTP date) up to {@link FetchOptions#maxRetryAfter()}, through the SDK's one retry policy. Redirects are
 * followed here, not by the HTTP client, so that every hop is checked again: only http and https, and no
 * loopback, private, link-local, unique-local or multicast destination (after DNS resolution) unless
 * {@link FetchOptions} allows it. Bodies are limited in size (also after gzip/deflate decompression); the
 * charset comes from the {@code Content-Type} header, else a byte order mark or {@code <meta>}, else UTF-8.
 *
 * <p>The check happens before connecting, on the addresses the name resolves to at that moment; the HTTP client
 * resolves the name again when it connects, so a DNS server that answers differently within that instant is not
 * caught.
 *
 * <pre>{@code
 * try (ArticleFetcher fetcher = ArticleFetcher.of(FetchOptions.ofDefaults().maxConcurrency(32))) {
 *     List<FetchResult> results = fetcher.fetchAll(UrlLists.read(Path.of("urls.txt")),
 *             r -> System.err.println(r));
 * }
 * }</pre>
 */
public final class ArticleFetcher implements AutoCloseable {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> RETRYABLE = Set.of(408, 425, 429, 500, 502, 503, 504);

    private final FetchOptions options;
    private final ArticleExtractor extractor;
    private final HttpClient client;
    private final AddressGuard guard;
    private final RetryPolicy retry;
    private final Retryable<Exchange> retryable;
    private final ExecutorService workers;
    private final ConcurrentHashMap<String, FutureTask<RobotsRules>> robots = new ConcurrentHashMap<>();

    /** A fetcher waiting between attempts with {@code sleeper} and reading {@code Retry-After} dates by {@code clock}. */
    ArticleFetcher(FetchOptions options, ArticleExtractor extractor, RetryPolicy.Sleeper sleeper, Clock clock) {
        this.options = options;
        this.extractor = extractor;
        this.retry = RetryPolicy.ofDefaults()
                .maxAttempts(options.maxAttempts())
                .backoff(options.initialBackoff(), 2.0, 0.2, options.initialBackoff().multipliedBy(1 << 16))
                .maxServerDelay(options.maxRetryAfter())
                .sleeper(sleeper);
        this.retryable = Retryable.results(
                x -> x.response != null ? RETRYABLE.contains(x.response.statusCode()) : x.retryable,
                x -> x.response == null ? Optional.empty()
                        : RetryAfter.parse(x.response.headers().firstValue("retry-after").orElse(null), clock.instant()));
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.guard = new AddressGuard(options.allowLoopback(), options.allowPrivateNetworks());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(options.maxConcurrency(), r -> {
            Thread t = new Thread(r, "newsbatch-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A fetcher with {@code options} and the default extractor. Close it to stop its threads. */
    public static ArticleFetcher of(FetchOptions options) {
        return of(options, ArticleExtractor.ofDefaults());
    }

    /** A fetcher with {@code options} and {@code extractor}. */
    public static ArticleFetcher of(FetchOptions options, ArticleExtractor extractor) {
        Checks.notNull(options, "options");
        Checks.notNull(extractor, "extractor");
        return new ArticleFetcher(options, extractor, RetryPolicy.Sleeper.THREAD, Clock.systemUTC());
    }

    /** The settings. */
    public FetchOptions options() {
        return options;
    }

    /**
     * Fetches all {@code urls} concurrently and returns their results in the same order. Blocks until all are
     * done.
     *
     * @param onResult called once per URL as soon as it is done, from a worker thread (may be {@code null})
     * @throws IllegalArgumentException if {@code urls} is null
     */
    public List<FetchResult> fetchAll(List<URI> urls, Consumer<FetchResult> onResult) {
        Checks.notNull(urls, "urls");
        FetchResult[] results = new FetchResult[urls.size()];
        HostQueue<Integer> queue = new HostQueue<>(options.maxPerHost());
        for (int i = 0; i < urls.size(); i++) {
            URI u = Checks.notNull(urls.get(i), "urls[" + i + "]");
            queue.add(u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT) + ":" + u.getPort(), i);
        }
        int threads = Math.min(options.maxConcurrency(), urls.size());
        CountDownLatch finished = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            workers.execute(() -> {
                try {
                    HostQueue.Entry<Integer> e;
                    while ((e = queue.take()) != null) {
                        try {
                            FetchResult r = fetch(urls.get(e.task()));
                            results[e.task()] = r;
                            if (onResult != null) {
                                onResult.accept(r);
                            }
                        } finally {
                            queue.done(e.host());
                        }
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                } finally {
                    finished.countDown();
                }
            });
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching", e);
        }
        return List.of(results);
    }

    /** {@link #fetchAll(List, Consumer)} without a progress callback. */
    public List<FetchResult> fetchAll(List<URI> urls) {
        return fetchAll(urls, null);
    }

    /**
     * Fetches one URL and extracts its article; never throws for a bad URL or response, but reports it in the
     * result. Blocks until done.
     */
    public FetchResult fetch(URI url) {
        Checks.notNull(url, "url");
        long start = System.nanoTime();
        try {
            return fetch(url, start);
        } catch (RuntimeException e) {
            return failure(url, url, start, FetchFailure.NETWORK, "unexpected error: " + e, 0, 0);
        }
    }

    private FetchResult fetch(URI url, long start) {
        URI current = url;
        Set<URI> seen = new HashSet<>();
        seen.add(url);
        int redirects = 0;
        while (true) {
            String invalid = invalid(current);
            if (invalid != null) {
                return failure(url, current, start, FetchFailure.INVALID_URL, invalid, 0, 0);
            }
            try {
                String refusal = guard.refusal(current.getHost());
                if (refusal != null) {
                    return failure(url, current, start, FetchFailure.BLOCKED_ADDRESS, refusal, 0, 0);
                }
            } catch (UnknownHostException e) {
                return failure(url, current, start, FetchFailure.NETWORK, "unknown host " + current.getHost(), 0, 0);
            }
            if (options.respectRobots() && !robotsAllow(current)) {
                return failure(url, current, start, FetchFailure.ROBOTS, "robots.txt disallows " + current.getRawPath(), 0, 0);
            }
            Exchange x = exchange(current, options.maxBodyBytes());
            if (x.failure != null) {
                return failure(url, current, start, x.failure, x.detail, x.status, x.attempts);
            }
            HttpResponse<byte[]> r = x.response;
            int status = r.statusCode();
            if (REDIRECTS.contains(status)) {
                Optional<String> location = r.headers().firstValue("location");
                if (location.isEmpty()) {
                    return failure(url, current, start, FetchFailure.HTTP_STATUS, "redirect without Location", status, x.attempts);
                }
                if (++redirects > options.maxRedirects()) {
                    return failure(url, current, start, FetchFailure.TOO_MANY_REDIRECTS,
                            "more than " + options.maxRedirects() + " redirects", status, x.attempts);
                }
                URI next;
                try {
                    next = current.resolve(new URI(location.get().strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return failure(url, current, start, FetchFailure.INVALID_URL, "bad redirect Location " + location.get(), status, x.attempts);
                }
                if (!seen.add(next)) {
                    return failure(url, current, start, FetchFailure.TOO_MANY_REDIRECTS, "redirect loop at " + next, status, x.attempts);
                }
                current = next;
                continue;
            }
            if (status < 200 || status >= 300) {
                return failure(url, current, start, FetchFailure.HTTP_STATUS, "HTTP " + status, status, x.attempts);
            }
            return page(url, current, start, r, x.attempts);
        }
    }

    private FetchResult page(URI url, URI current, long start, HttpResponse<byte[]> r, int attempts) {
        int status = r.statusCode();
        String type = r.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !isHtml(type)) {
            return failure(url, current, start, FetchFailure.NOT_HTML, "Content-Type " + type, status, attempts);
        }
        byte[] body;
        try {
            body = decode(r.body(), r.headers().firstValue("content-encoding").orElse(""));
        } catch (LimitedBody.TooLarge e) {
            return failure(url, current, start, FetchFailure.TOO_LARGE, e.getMessage() + " after decompression", status, attempts);
        } catch (IOException e) {
            return failure(url, current, start, FetchFailure.NETWORK, "cannot decode body: " + e.getMessage(), status, attempts);
        }
        if (type.isEmpty() && !looksLikeHtml(body)) {
            return failure(url, current, start, FetchFailure.NOT_HTML, "no Content-Type and the body is not markup", status, attempts);
        }
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(body), charset(type), current.toString());
        } catch (IOException e) {
            return failure(url, current, start, FetchFailure.NETWORK, "cannot parse body: " + e.getMessage(), status, attempts);
        }
        ExtractedArticle extracted = extractor.extract(doc);
        if (extracted.isEmpty()) {
            return failure(url, current, start, FetchFailure.EMPTY, "no article text found", status, attempts);
        }
        Article article = new Article(ArticleIds.fromUrl(url.toString()), extracted.title(), extracted.contents(), url.toString());
        return new FetchResult(url, current, Optional.of(article), null, "", status, attempts, since(start),
                extracted);
    }

    /** One hop's request, retried after transient failures. */
    private Exchange exchange(URI uri, long maxBody) {
        AtomicInteger attempts = new AtomicInteger();
        RetryOutcome<Exchange> o = retry.run(() -> attempt(uri, maxBody, attempts.incrementAndGet()), retryable);
        Exchange last = o.orThrow();
        if (o.end() == RetryOutcome.End.DELAY_TOO_LONG) {
            return Exchange.failed(FetchFailure.HTTP_STATUS, "HTTP " + last.status + ", Retry-After "
                    + o.refusedDelay().toSeconds() + " s is longer than maxRetryAfter", last.status, last.attempts);
        }
        return last;
    }

    private Exchange attempt(URI uri, long maxBody, int attempt) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .timeout(options.readTimeout())
                    .header("User-Agent", options.userAgent())
                    .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
                    .header("Accept-Encoding", "gzip, deflate")
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            return Exchange.failed(FetchFailure.INVALID_URL, e.getMessage(), 0, attempt);
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
            int status = info.statusCode();
            if (status < 200 || status >= 300) {
                return new LimitedBody(0, maxBody);
            }
            String type = info.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
            if (!type.isEmpty() && !isHtml(type)) {
                return new LimitedBody(0, maxBody);
            }
            long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
            return new LimitedBody(declared > maxBody ? -1 : maxBody, maxBody);
        });
        try {
            HttpResponse<byte[]> response = future.get(options.readTimeout().toMillis() + 100, TimeUnit.MILLISECONDS);
            return new Exchange(response, null, null, response.statusCode(), attempt, false);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Exchange.timedOut("no complete response within " + options.readTimeout().toMillis() + " ms", attempt);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Exchange.failed(FetchFailure.NETWORK, "interrupted", 0, attempt);
        } catch (CancellationException e) {
            return Exchange.failed(FetchFailure.NETWORK, "cancelled", 0, attempt);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while ((c instanceof java.util.concurrent.CompletionException || c instanceof IOException)
                    && c.getCause() != null && !(c instanceof LimitedBody.TooLarge) && !(c instanceof HttpTimeoutException)) {
                if (c.getCause() instanceof IOException || c.getCause() instanceof java.util.concurrent.CompletionException) {
                    c = c.getCause();
                } else {
                    break;
                }
            }
            if (c instanceof LimitedBody.TooLarge) {
                return Exchange.failed(FetchFailure.TOO_LARGE, c.getMessage(), 200, attempt);
            }
            if (c instanceof HttpTimeoutException) {
                return Exchange.timedOut(c.getMessage(), attempt);
            }
            String message = c == null ? "unknown error" : c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
            Exchange x = Exchange.failed(FetchFailure.NETWORK, message, 0, attempt);
            return new Exchange(null, x.failure, x.detail, 0, attempt, true);
        }
    }

    private boolean robotsAllow(URI uri) {
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        FutureTask<RobotsRules> task = new FutureTask<>(() -> loadRobots(URI.create(origin + "/robots.txt")));
        FutureTask<RobotsRules> existing = robots.putIfAbsent(origin, task);
        if (existing == null) {
            task.run();
            existing = task;
        }
        RobotsRules rules;
        try {
            rules = existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            rules = RobotsRules.ALLOW_ALL;
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return rules.allows(path);
    }

    /** The robots.txt rules; a missing or unreadable file allows everything. */
    private RobotsRules loadRobots(URI robotsUrl) {
        Exchange x = exchangeText(robotsUrl);
        if (x.response == null || x.response.statusCode() != 200) {
            return RobotsRules.ALLOW_ALL;
        }
        return RobotsRules.parse(new String(x.response.body(), StandardCharsets.UTF_8), options.userAgent());
    }

    private Exchange exchangeText(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(options.readTimeout())
                .header("User-Agent", options.userAgent()).GET().build();
        try {
            HttpResponse<byte[]> r = client.sendAsync(request, info -> new LimitedBody(
                    info.statusCode() == 200 ? 512 * 1024 : 0, 512 * 1024)).get(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Exchange(r, null, null, r.statusCode(), 1, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.failed(FetchFailure.NETWORK, "interrupted", 0, 1);
        } catch (ExecutionException | TimeoutException e) {
            return Exchange.failed(FetchFailure.NETWORK, String.valueOf(e.getCause()), 0, 1);
        }
    }

    private static String invalid(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "url must be http or https, was " + u;
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            return "url must have a host, was " + u;
        }
        return null;
    }

    private static boolean isHtml(String contentType) {
        return contentType.startsWith("text/html") || contentType.startsWith("application/xhtml+xml");
    }

    private static boolean looksLikeHtml(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length && body[i] == '<';
    }

    /** The charset named by a Content-Type, or null (jsoup then reads a BOM or {@code <meta>}, else UTF-8). */
    static String charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.startsWith("charset=")) {
                String name = p.substring(8).replace("\"", "").replace("'", "").strip();
                try {
                    return Charset.isSupported(name) ? name : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private byte[] decode(byte[] body, String encoding) throws IOException {
        String e = encoding.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return body;
        }
        InputStream in;
        if (e.equals("gzip") || e.equals("x-gzip")) {
            in = new GZIPInputStream(new ByteArrayInputStream(body));
        } else if (e.equals("deflate")) {
            boolean zlib = body.length >= 2 && (body[0] & 0x0F) == 8 && ((body[0] & 0xFF) << 8 | (body[1] & 0xFF)) % 31 == 0;
            in = new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib));
        } else {
            throw new IOException("unsupported Content-Encoding " + encoding);
        }
        try (InputStream s = in) {
            byte[] out = s.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxBodyBytes() + 1));
            if (out.length > options.maxBodyBytes()) {
                throw new LimitedBody.TooLarge(options.maxBodyBytes());
            }
            return out;
        }
    }

    private static FetchResult failure(URI url, URI current, long start, FetchFailure failure, String detail, int status,
                                       int attempts) {
        return new FetchResult(url, current, Optional.empty(), failure, detail, status, attempts, since(start),
                null);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Stops the worker threads; fetches in progress finish first. */
    @Override
    public void close() {
        workers.shutdown();
    }

    @Override
    public String toString() {
        return "ArticleFetcher[" + options + "]";
    }

    /** The outcome of one request: a response, or a failure (retryable or not). */
    private static final class Exchange {
        final HttpResponse<byte[]> response;
        final FetchFailure failure;
        final String detail;
        final int status;
        final int attempts;
        final boolean retryable;

        Exchange(HttpResponse<byte[]> response, FetchFailure failure, String detail, int status, int attempts, boolean retryable) {
            this.response = response;
            this.failure = failure;
            this.detail = detail;
            this.status = status;
            this.attempts = attempts;
            this.retryable = retryable;
        }

        static Exchange failed(FetchFailure failure, String detail, int status, int attempts) {
            return new Exchange(null, failure, detail, status, attempts, false);
        }

        static Exchange timedOut(String detail, int attempts) {
            return new Exchange(null, FetchFailure.TIMEOUT, detail, 0, attempts, true);
        }
    }
}
