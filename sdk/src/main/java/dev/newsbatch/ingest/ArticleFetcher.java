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
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
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
 * <p>The address check and the connection use one and the same name lookup: the HTTP client (OkHttp) asks the
 * fetcher's own resolver, which resolves the name once, refuses the host if any of its addresses is refused, and
 * hands the client exactly the addresses it checked. A DNS server that answers differently a moment later (DNS
 * rebinding) therefore cannot send the request to an address that was not checked.
 *
 * <p>The per-host limit counts every fetcher in the process: two batches fetching from one host at the same time
 * share its {@link FetchOptions#maxPerHost()} requests.
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
    /** Where a 503's {@code Retry-After} waits while the response passes the HTTP client (see {@link #holdRetryAfter}). */
    private static final String HELD_RETRY_AFTER = "Newsbatch-Held-Retry-After";

    private final FetchOptions options;
    private final ArticleExtractor extractor;
    private final OkHttpClient client;
    private final AddressGuard guard;
    private final RetryPolicy retry;
    private final Retryable<Exchange> retryable;
    private final ExecutorService workers;
    private final ConcurrentHashMap<String, FutureTask<RobotsRules>> robots = new ConcurrentHashMap<>();

    /** Cancels requests that outlast the read timeout; shared by all fetchers. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    /** A fetcher waiting between attempts with {@code sleeper} and reading {@code Retry-After} dates by {@code clock}. */
    ArticleFetcher(FetchOptions options, ArticleExtractor extractor, RetryPolicy.Sleeper sleeper, Clock clock) {
        this(options, extractor, sleeper, clock, Dns.SYSTEM, SocketFactory.getDefault());
    }

    /**
     * A fetcher that resolves host names with {@code resolver} (whose answers are checked before use) and opens
     * plain connections with {@code sockets}.
     */
    ArticleFetcher(FetchOptions options, ArticleExtractor extractor, RetryPolicy.Sleeper sleeper, Clock clock,
                   Dns resolver, SocketFactory sockets) {
        this.options = options;
        this.extractor = extractor;
        this.retry = RetryPolicy.ofDefaults()
                .maxAttempts(options.maxAttempts())
                .backoff(options.initialBackoff(), 2.0, 0.2, options.initialBackoff().multipliedBy(1 << 16))
                .maxServerDelay(options.maxRetryAfter())
                .sleeper(sleeper);
        this.retryable = Retryable.results(
                x -> x.reply != null ? RETRYABLE.contains(x.reply.status()) : x.retryable,
                x -> x.reply == null ? Optional.empty()
                        : RetryAfter.parse(x.reply.header("retry-after"), clock.instant()));
        this.guard = new AddressGuard(options.allowLoopback(), options.allowPrivateNetworks());
        this.client = new OkHttpClient.Builder()
                .dns(guard.checking(resolver))
                .socketFactory(sockets)
                .proxy(Proxy.NO_PROXY)
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.readTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .protocols(List.of(Protocol.HTTP_1_1))
                .addNetworkInterceptor(ArticleFetcher::holdRetryAfter)
                .eventListenerFactory(call -> {
                    Deadline d = call.request().tag(Deadline.class);
                    return d == null ? EventListener.NONE : d;
                })
                .build();
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
            String refusal = guard.literalRefusal(current.getHost());
            if (refusal != null) {
                return failure(url, current, start, FetchFailure.BLOCKED_ADDRESS, refusal, 0, 0);
            }
            if (options.respectRobots() && !robotsAllow(current)) {
                return failure(url, current, start, FetchFailure.ROBOTS, "robots.txt disallows " + current.getRawPath(), 0, 0);
            }
            Exchange x = exchange(current, options.maxBodyBytes());
            if (x.failure != null) {
                return failure(url, current, start, x.failure, x.detail, x.status, x.attempts);
            }
            Reply r = x.reply;
            int status = r.status();
            if (REDIRECTS.contains(status)) {
                Optional<String> location = Optional.ofNullable(r.header("location"));
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

    private FetchResult page(URI url, URI current, long start, Reply r, int attempts) {
        int status = r.status();
        String type = contentType(r.headers());
        if (!type.isEmpty() && !isHtml(type)) {
            return failure(url, current, start, FetchFailure.NOT_HTML, "Content-Type " + type, status, attempts);
        }
        byte[] body;
        try {
            String encoding = r.header("content-encoding");
            body = decode(r.body(), encoding == null ? "" : encoding);
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
            doc = HtmlParsers.parse(new ByteArrayInputStream(body), charset(type), current.toString(), body.length);
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
        HttpUrl target = HttpUrl.parse(uri.toString());
        if (target == null) {
            return Exchange.failed(FetchFailure.INVALID_URL, "not a valid http(s) URL: " + uri, 0, attempt);
        }
        Deadline deadline = new Deadline(options.readTimeout());
        Request request = new Request.Builder().url(target)
                .header("User-Agent", options.userAgent())
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
                .header("Accept-Encoding", "gzip, deflate")
                .tag(Deadline.class, deadline)
                .get()
                .build();
        try (Response response = client.newCall(request).execute()) {
            int status = response.code();
            String type = contentType(response.headers());
            byte[] body = new byte[0];
            if (status >= 200 && status < 300 && (type.isEmpty() || isHtml(type))) {
                if (response.body().contentLength() > maxBody) {
                    throw new LimitedBody.TooLarge(maxBody);
                }
                body = LimitedBody.read(response.body().byteStream(), maxBody);
            }
            return new Exchange(new Reply(status, restoreRetryAfter(response.headers()), body), null, null, status, attempt,
                    false);
        } catch (AddressGuard.Refused e) {
            return Exchange.failed(FetchFailure.BLOCKED_ADDRESS, e.getMessage(), 0, attempt);
        } catch (UnknownHostException e) {
            return Exchange.failed(FetchFailure.NETWORK, "unknown host " + uri.getHost(), 0, attempt);
        } catch (LimitedBody.TooLarge e) {
            return Exchange.failed(FetchFailure.TOO_LARGE, e.getMessage(), 200, attempt);
        } catch (IOException e) {
            if (deadline.expired() || e instanceof SocketTimeoutException) {
                return Exchange.timedOut("no complete response within " + options.readTimeout().toMillis() + " ms", attempt);
            }
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Exchange(null, FetchFailure.NETWORK, message, 0, attempt, true);
        } finally {
            deadline.stop();
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
        HttpUrl target = HttpUrl.parse(robotsUrl.toString());
        if (target == null) {
            return RobotsRules.ALLOW_ALL;
        }
        Deadline deadline = new Deadline(options.readTimeout());
        Request request = new Request.Builder().url(target).header("User-Agent", options.userAgent())
                .tag(Deadline.class, deadline).get().build();
        try (Response r = client.newCall(request).execute()) {
            if (r.code() != 200) {
                return RobotsRules.ALLOW_ALL;
            }
            byte[] text = LimitedBody.read(r.body().byteStream(), 512 * 1024);
            return RobotsRules.parse(new String(text, StandardCharsets.UTF_8), options.userAgent());
        } catch (IOException e) {
            return RobotsRules.ALLOW_ALL;
        } finally {
            deadline.stop();
        }
    }

    /**
     * Keeps a 503's {@code Retry-After} from the HTTP client, which would otherwise repeat a 503 with
     * {@code Retry-After: 0} by itself, out of sight of the retry policy; {@link #restoreRetryAfter} puts it back.
     */
    private static Response holdRetryAfter(Interceptor.Chain chain) throws IOException {
        Response r = chain.proceed(chain.request());
        String retryAfter = r.header("Retry-After");
        if (r.code() != 503 || retryAfter == null) {
            return r;
        }
        return r.newBuilder().removeHeader("Retry-After").header(HELD_RETRY_AFTER, retryAfter).build();
    }

    private static Headers restoreRetryAfter(Headers headers) {
        String held = headers.get(HELD_RETRY_AFTER);
        return held == null ? headers : headers.newBuilder().removeAll(HELD_RETRY_AFTER).set("Retry-After", held).build();
    }

    private static String contentType(Headers headers) {
        String type = headers.get("content-type");
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
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
            return LimitedBody.read(s, options.maxBodyBytes());
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
        client.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "ArticleFetcher[" + options + "]";
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "newsbatch-fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    /** A response: status, headers and the body as far as it was wanted (empty when it was not). */
    private record Reply(int status, Headers headers, byte[] body) {
        /** The header's first value, or null. */
        String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * Cancels a request that is not complete, body included, within {@code limit} of sending it. The HTTP client
     * reports the request's events to it.
     */
    private static final class Deadline extends EventListener {
        private final Duration limit;
        private volatile ScheduledFuture<?> timer;
        private volatile boolean expired;

        Deadline(Duration limit) {
            this.limit = limit;
        }

        @Override
        public void requestHeadersStart(Call call) {
            if (timer == null) {
                timer = DEADLINES.schedule(() -> {
                    expired = true;
                    call.cancel();
                }, limit.toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        boolean expired() {
            return expired;
        }

        void stop() {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
        }
    }

    /** The outcome of one request: a response, or a failure (retryable or not). */
    private static final class Exchange {
        final Reply reply;
        final FetchFailure failure;
        final String detail;
        final int status;
        final int attempts;
        final boolean retryable;

        Exchange(Reply reply, FetchFailure failure, String detail, int status, int attempts, boolean retryable) {
            this.reply = reply;
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
