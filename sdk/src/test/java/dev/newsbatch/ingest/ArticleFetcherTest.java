package dev.newsbatch.ingest;

import dev.newsbatch.FetchOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.Article;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import javax.net.SocketFactory;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArticleFetcherTest {
    private static final FetchOptions LOCAL = FetchOptions.ofDefaults().allowLoopback(true)
            .readTimeout(Duration.ofSeconds(10)).initialBackoff(Duration.ZERO);
    /** Loopback and private addresses refused, as by default. */
    private static final FetchOptions STRICT = FetchOptions.ofDefaults()
            .readTimeout(Duration.ofSeconds(10)).initialBackoff(Duration.ZERO);
    /** An address of TEST-NET-3 (RFC 5737), standing in for a server on the internet. */
    private static final InetAddress PUBLIC = address(203, 0, 113, 7);

    private TestSite site;
    private ArticleFetcher fetcher;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        site = new TestSite();
        fetcher = ArticleFetcher.of(LOCAL);
    }

    @AfterEach
    void stop() {
        release.countDown();
        fetcher.close();
        site.close();
    }

    @Test
    void fetchesPageAndExtractsArticleWithStableId() {
        AtomicReference<String> agent = new AtomicReference<>();
        site.on("/news/1", x -> {
            agent.set(x.getRequestHeaders().getFirst("User-Agent"));
            TestSite.html(x, TestSite.article("Rates rise again", "alpha"));
        });
        URI url = site.url("/news/1");
        FetchResult r = fetcher.fetch(url);
        assertTrue(r.ok(), r.toString());
        Article a = r.article().orElseThrow();
        assertEquals(ArticleIds.fromUrl(url.toString()), a.id());
        assertEquals("Rates rise again", a.title());
        assertTrue(a.contents().contains("alpha paragraph 4"), a.contents());
        assertFalse(a.contents().contains("All rights reserved"), a.contents());
        assertEquals(200, r.status());
        assertEquals("newsbatch/0.1 (+https://github.com/newsbatch)", agent.get());
    }

    @Test
    void refusesLoopbackUnlessAllowed() {
        AtomicInteger hits = new AtomicInteger();
        site.on("/news/1", x -> {
            hits.incrementAndGet();
            TestSite.html(x, TestSite.article("T", "m"));
        });
        try (ArticleFetcher strict = ArticleFetcher.of(FetchOptions.ofDefaults())) {
            FetchResult r = strict.fetch(site.url("/news/1"));
            assertEquals(FetchFailure.BLOCKED_ADDRESS, r.failure());
            assertTrue(r.detail().contains("loopback"), r.detail());
        }
        assertEquals(0, hits.get());
    }

    @Test
    void followsRedirectsAndReportsFinalUrl() {
        site.on("/old", x -> TestSite.redirect(x, "/middle"));
        site.on("/middle", x -> TestSite.redirect(x, site.url("/new").toString()));
        site.on("/new", x -> TestSite.html(x, TestSite.article("Moved story", "beta")));
        FetchResult r = fetcher.fetch(site.url("/old"));
        assertTrue(r.ok(), r.toString());
        assertEquals(site.url("/new"), r.finalUrl());
        assertEquals(site.url("/old").toString(), r.article().orElseThrow().url());
    }

    @Test
    void rejectsRedirectToPrivateAddress() {
        site.on("/to-private", x -> TestSite.redirect(x, "http://10.0.0.1/admin"));
        FetchResult r = fetcher.fetch(site.url("/to-private"));
        assertEquals(FetchFailure.BLOCKED_ADDRESS, r.failure(), r.toString());
        assertTrue(r.detail().contains("10.0.0.1") && r.detail().contains("private"), r.detail());
    }

    @Test
    void rejectsRedirectToCloudMetadataAddress() {
        site.on("/to-metadata", x -> TestSite.redirect(x, "http://169.254.169.254/latest/meta-data/"));
        FetchResult r = fetcher.fetch(site.url("/to-metadata"));
        assertEquals(FetchFailure.BLOCKED_ADDRESS, r.failure(), r.toString());
        assertTrue(r.detail().contains("link-local"), r.detail());
    }

    @Test
    void connectsOnlyToTheAddressItCheckedWhenTheNameRebinds() throws IOException {
        AtomicInteger internal = new AtomicInteger();
        site.on("/admin", x -> {
            internal.incrementAndGet();
            TestSite.html(x, TestSite.article("Internal", "secret"));
        });
        List<String> lookups = Collections.synchronizedList(new ArrayList<>());
        // a public address the first time, loopback every time after
        Dns rebinding = host -> {
            lookups.add(host);
            return List.of(lookups.size() == 1 ? PUBLIC : InetAddress.getLoopbackAddress());
        };
        try (TestSite outside = new TestSite()) {
            outside.on("/admin", x -> TestSite.html(x, TestSite.article("Public", "outside")));
            try (ArticleFetcher f = fetcher(STRICT, rebinding, publicServer(outside))) {
                FetchResult r = f.fetch(URI.create("http://news.test:" + site.port() + "/admin"));
                assertTrue(r.ok(), r.toString());
                assertTrue(r.article().orElseThrow().contents().contains("outside"), r.toString());
            }
        }
        assertEquals(List.of("news.test"), lookups);
        assertEquals(0, internal.get());
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsLoopback() {
        AtomicInteger hits = new AtomicInteger();
        site.on("/admin", x -> {
            hits.incrementAndGet();
            TestSite.html(x, TestSite.article("Internal", "secret"));
        });
        Dns both = host -> List.of(PUBLIC, InetAddress.getLoopbackAddress());
        try (ArticleFetcher f = fetcher(STRICT, both, publicServer(site))) {
            FetchResult r = f.fetch(URI.create("http://news.test:" + site.port() + "/admin"));
            assertEquals(FetchFailure.BLOCKED_ADDRESS, r.failure(), r.toString());
            assertTrue(r.detail().contains("news.test resolves to 127.0.0.1, a loopback address"), r.detail());
        }
        assertEquals(0, hits.get());
    }

    @Test
    void rejectsRedirectToANameThatResolvesToLoopback() throws IOException {
        AtomicInteger internal = new AtomicInteger();
        site.on("/admin", x -> {
            internal.incrementAndGet();
            TestSite.html(x, TestSite.article("Internal", "secret"));
        });
        Dns names = host -> List.of(host.equals("news.test") ? PUBLIC : InetAddress.getLoopbackAddress());
        try (TestSite outside = new TestSite()) {
            outside.on("/story", x -> TestSite.redirect(x, "http://intranet.test:" + site.port() + "/admin"));
            try (ArticleFetcher f = fetcher(STRICT, names, publicServer(outside))) {
                FetchResult r = f.fetch(URI.create("http://news.test:" + outside.port() + "/story"));
                assertEquals(FetchFailure.BLOCKED_ADDRESS, r.failure(), r.toString());
                assertTrue(r.detail().contains("intranet.test resolves to 127.0.0.1, a loopback address"), r.detail());
                assertEquals(URI.create("http://intranet.test:" + site.port() + "/admin"), r.finalUrl());
            }
        }
        assertEquals(0, internal.get());
    }

    @Test
    void rejectsRedirectToNonHttpScheme() {
        site.on("/to-file", x -> TestSite.redirect(x, "file:///etc/passwd"));
        assertEquals(FetchFailure.INVALID_URL, fetcher.fetch(site.url("/to-file")).failure());
        assertEquals(FetchFailure.INVALID_URL, fetcher.fetch(URI.create("ftp://example.com/a")).failure());
    }

    @Test
    void stopsRedirectLoop() {
        site.on("/a", x -> TestSite.redirect(x, "/b"));
        site.on("/b", x -> TestSite.redirect(x, "/a"));
        FetchResult r = fetcher.fetch(site.url("/a"));
        assertEquals(FetchFailure.TOO_MANY_REDIRECTS, r.failure());
        assertTrue(r.detail().contains("loop"), r.detail());
    }

    @Test
    void limitsRedirectChain() {
        site.on("/hop", x -> {
            int n = Integer.parseInt(x.getRequestURI().getQuery());
            TestSite.redirect(x, "/hop?" + (n + 1));
        });
        try (ArticleFetcher f = ArticleFetcher.of(LOCAL.maxRedirects(3))) {
            FetchResult r = f.fetch(site.url("/hop?0"));
            assertEquals(FetchFailure.TOO_MANY_REDIRECTS, r.failure());
            assertEquals("more than 3 redirects", r.detail());
        }
    }

    @Test
    void timesOutWhenServerStallsBeforeHeaders() {
        site.on("/stall", x -> {
            await(release);
            TestSite.html(x, TestSite.article("Late", "late"));
        });
        try (ArticleFetcher f = ArticleFetcher.of(LOCAL.readTimeout(Duration.ofMillis(300)).maxAttempts(1))) {
            FetchResult r = f.fetch(site.url("/stall"));
            assertEquals(FetchFailure.TIMEOUT, r.failure(), r.toString());
        }
    }

    @Test
    void timesOutWhenBodyStallsHalfway() {
        site.on("/half", x -> {
            x.getResponseHeaders().set("Content-Type", "text/html");
            x.sendResponseHeaders(200, 0);
            OutputStream out = x.getResponseBody();
            out.write("<html><body><p>first part".getBytes(StandardCharsets.UTF_8));
            out.flush();
            await(release);
            out.close();
        });
        try (ArticleFetcher f = ArticleFetcher.of(LOCAL.readTimeout(Duration.ofMillis(300)).maxAttempts(2))) {
            FetchResult r = f.fetch(site.url("/half"));
            assertEquals(FetchFailure.TIMEOUT, r.failure(), r.toString());
            assertEquals(2, r.attempts());
        }
    }

    @Test
    void retriesAfter503AndSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        site.on("/flaky", x -> {
            if (calls.incrementAndGet() == 1) {
                x.getResponseHeaders().set("Retry-After", "0");
                TestSite.send(x, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
            } else {
                TestSite.html(x, TestSite.article("Back", "gamma"));
            }
        });
        FetchResult r = fetcher.fetch(site.url("/flaky"));
        assertTrue(r.ok(), r.toString());
        assertEquals(2, r.attempts());
        assertEquals(2, calls.get());
    }

    @Test
    void givesUpAfterMaxAttemptsOf429() {
        AtomicInteger calls = new AtomicInteger();
        site.on("/limited", x -> {
            calls.incrementAndGet();
            TestSite.send(x, 429, "text/plain", new byte[0]);
        });
        FetchResult r = fetcher.fetch(site.url("/limited"));
        assertEquals(FetchFailure.HTTP_STATUS, r.failure());
        assertEquals(429, r.status());
        assertEquals(3, calls.get());
    }

    @Test
    void stopsRetryingWhenRetryAfterIsTooLong() {
        AtomicInteger calls = new AtomicInteger();
        site.on("/later", x -> {
            calls.incrementAndGet();
            x.getResponseHeaders().set("Retry-After", "3600");
            TestSite.send(x, 503, "text/plain", new byte[0]);
        });
        FetchResult r = fetcher.fetch(site.url("/later"));
        assertEquals(FetchFailure.HTTP_STATUS, r.failure());
        assertTrue(r.detail().contains("Retry-After 3600 s"), r.detail());
        assertEquals(1, calls.get());
    }

    @Test
    void waitsTheRetryAfterAnHttpDateAsksFor() {
        Instant now = Instant.parse("2025-03-10T12:00:00Z");
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        site.on("/dated", x -> {
            if (calls.incrementAndGet() == 1) {
                x.getResponseHeaders().set("Retry-After", "Mon, 10 Mar 2025 12:00:05 GMT");
                TestSite.send(x, 503, "text/plain", new byte[0]);
            } else {
                TestSite.html(x, TestSite.article("Dated", "theta"));
            }
        });
        try (ArticleFetcher f = new ArticleFetcher(LOCAL, ArticleExtractor.ofDefaults(), waits::add,
                Clock.fixed(now, ZoneOffset.UTC))) {
            FetchResult r = f.fetch(site.url("/dated"));
            assertTrue(r.ok(), r.toString());
            assertEquals(2, r.attempts());
        }
        assertEquals(List.of(Duration.ofSeconds(5)), waits);
    }

    @Test
    void backsOffExponentiallyWithJitterWithoutRetryAfter() {
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        site.on("/limited", x -> TestSite.send(x, 429, "text/plain", new byte[0]));
        FetchOptions options = LOCAL.initialBackoff(Duration.ofMillis(500)).maxAttempts(4);
        try (ArticleFetcher f = new ArticleFetcher(options, ArticleExtractor.ofDefaults(), waits::add, Clock.systemUTC())) {
            FetchResult r = f.fetch(site.url("/limited"));
            assertEquals(429, r.status());
            assertEquals(4, r.attempts());
        }
        assertEquals(3, waits.size(), waits.toString());
        for (int k = 0; k < 3; k++) {
            long base = 500L << k;
            long ms = waits.get(k).toMillis();
            assertTrue(ms >= base * 8 / 10 && ms <= base * 12 / 10, "wait " + k + " was " + ms + " ms");
        }
    }

    @Test
    void doesNotRetry404() {
        AtomicInteger calls = new AtomicInteger();
        site.on("/gone", x -> {
            calls.incrementAndGet();
            TestSite.send(x, 404, "text/html", "<p>not found</p>".getBytes(StandardCharsets.UTF_8));
        });
        FetchResult r = fetcher.fetch(site.url("/gone"));
        assertEquals(FetchFailure.HTTP_STATUS, r.failure());
        assertEquals(404, r.status());
        assertEquals(1, calls.get());
    }

    @Test
    void rejectsBodyLargerThanLimit() {
        byte[] big = new byte[300_000];
        java.util.Arrays.fill(big, (byte) 'a');
        site.on("/declared", x -> TestSite.send(x, 200, "text/html", big));
        site.on("/chunked", x -> {
            x.getResponseHeaders().set("Content-Type", "text/html");
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 10; i++) {
                    out.write(big);
                }
            } catch (IOException clientHungUp) {
                // expected: the fetcher stops reading
            }
        });
        try (ArticleFetcher f = ArticleFetcher.of(LOCAL.maxBodyBytes(100_000))) {
            assertEquals(FetchFailure.TOO_LARGE, f.fetch(site.url("/declared")).failure());
            assertEquals(FetchFailure.TOO_LARGE, f.fetch(site.url("/chunked")).failure());
        }
    }

    @Test
    void rejectsGzipBombAfterDecompression() throws IOException {
        byte[] zipped = gzip(new byte[2_000_000]);
        site.on("/bomb", x -> {
            x.getResponseHeaders().set("Content-Encoding", "gzip");
            TestSite.send(x, 200, "text/html", zipped);
        });
        try (ArticleFetcher f = ArticleFetcher.of(LOCAL.maxBodyBytes(100_000))) {
            FetchResult r = f.fetch(site.url("/bomb"));
            assertEquals(FetchFailure.TOO_LARGE, r.failure(), r.toString());
        }
    }

    @Test
    void decodesGzipBody() throws IOException {
        byte[] zipped = gzip(TestSite.article("Zipped", "delta").getBytes(StandardCharsets.UTF_8));
        site.on("/gz", x -> {
            x.getResponseHeaders().set("Content-Encoding", "gzip");
            TestSite.send(x, 200, "text/html; charset=utf-8", zipped);
        });
        FetchResult r = fetcher.fetch(site.url("/gz"));
        assertTrue(r.ok(), r.toString());
        assertTrue(r.article().orElseThrow().contents().contains("delta paragraph 0"));
    }

    @Test
    void rejectsNonHtml() {
        site.on("/file.pdf", x -> TestSite.send(x, 200, "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
        FetchResult r = fetcher.fetch(site.url("/file.pdf"));
        assertEquals(FetchFailure.NOT_HTML, r.failure());
        assertTrue(r.detail().contains("application/pdf"), r.detail());
    }

    @Test
    void readsCharsetFromMetaWhenHeaderHasNone() {
        String page = TestSite.article("Caf\u00e9 prices", "caf\u00e9").replace("<head>", "<head><meta charset=\"windows-1252\">");
        site.on("/latin", x -> TestSite.send(x, 200, "text/html", page.getBytes(Charset.forName("windows-1252"))));
        FetchResult r = fetcher.fetch(site.url("/latin"));
        assertTrue(r.article().orElseThrow().contents().contains("caf\u00e9 paragraph 1"), r.toString());
    }

    @Test
    void headerCharsetWinsAndUnknownCharsetFallsBackToMeta() {
        String page = TestSite.article("Na\u00efve", "na\u00efve");
        site.on("/header", x -> TestSite.send(x, 200, "text/html; charset=ISO-8859-1", page.getBytes(StandardCharsets.ISO_8859_1)));
        String withMeta = page.replace("<head>", "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">");
        site.on("/bogus", x -> TestSite.send(x, 200, "text/html; charset=no-such-charset", withMeta.getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(fetcher.fetch(site.url("/header")).article().orElseThrow().contents().contains("na\u00efve paragraph 2"));
        assertTrue(fetcher.fetch(site.url("/bogus")).article().orElseThrow().contents().contains("na\u00efve paragraph 2"));
    }

    @Test
    void reportsPageWithoutArticleTextAsEmpty() {
        site.on("/empty", x -> TestSite.html(x, "<html><body><nav><a href=/>Home</a></nav></body></html>"));
        assertEquals(FetchFailure.EMPTY, fetcher.fetch(site.url("/empty")).failure());
    }

    @Test
    void obeysRobotsWhenAsked() {
        site.on("/robots.txt", x -> TestSite.send(x, 200, "text/plain",
                "User-agent: *\nDisallow: /private\nAllow: /private/ok\n".getBytes(StandardCharsets.UTF_8)));
        site.on("/private", x -> TestSite.html(x, TestSite.article("Secret", "epsilon")));
        try (ArticleFetcher f = ArticleFetcher.of(LOCAL.respectRobots(true))) {
            FetchResult r = f.fetch(site.url("/private/page"));
            assertEquals(FetchFailure.ROBOTS, r.failure());
            assertTrue(f.fetch(site.url("/private/ok/page")).ok());
        }
        assertTrue(fetcher.fetch(site.url("/private/page")).ok());
    }

    @Test
    void fetchAllKeepsOrderReportsEachUrlAndCallsBack() {
        site.on("/good", x -> TestSite.html(x, TestSite.article("Good", "zeta")));
        site.on("/missing", x -> TestSite.send(x, 404, "text/html", new byte[0]));
        List<URI> urls = List.of(site.url("/good?1"), site.url("/missing"), URI.create("http://10.0.0.1/x"), site.url("/good?2"));
        List<FetchResult> seen = Collections.synchronizedList(new ArrayList<>());
        List<FetchResult> results = fetcher.fetchAll(urls, seen::add);
        assertEquals(4, results.size());
        assertEquals(4, seen.size());
        for (int i = 0; i < urls.size(); i++) {
            assertEquals(urls.get(i), results.get(i).url());
        }
        assertTrue(results.get(0).ok());
        assertEquals(FetchFailure.HTTP_STATUS, results.get(1).failure());
        assertEquals(FetchFailure.BLOCKED_ADDRESS, results.get(2).failure());
        assertTrue(results.get(3).ok());
    }

    @Test
    void neverRunsMoreThanMaxPerHostAtOnce() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier pair = new CyclicBarrier(2);
        site.on("/polite", x -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                pair.await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // a lone request passes on after the timeout; the assertions below then fail
            }
            inFlight.decrementAndGet();
            TestSite.html(x, TestSite.article("Polite", "eta"));
        });
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            urls.add(site.url("/polite?" + i));
        }
        try (ArticleFetcher f = ArticleFetcher.of(LOCAL.maxConcurrency(8).maxPerHost(2))) {
            List<FetchResult> results = f.fetchAll(urls);
            assertTrue(results.stream().allMatch(FetchResult::ok), results.toString());
        }
        assertEquals(2, most.get());
    }

    @Test
    void keepsThePerHostLimitAcrossConcurrentBatches() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Semaphore arrived = new Semaphore(0);
        Semaphore gate = new Semaphore(0);
        site.on("/shared", x -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            arrived.release();
            acquire(gate);
            inFlight.decrementAndGet();
            TestSite.html(x, TestSite.article("Shared", "iota"));
        });
        List<URI> first = new ArrayList<>();
        List<URI> second = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            first.add(site.url("/shared?a" + i));
            second.add(site.url("/shared?b" + i));
        }
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (ArticleFetcher a = ArticleFetcher.of(LOCAL.maxConcurrency(4).maxPerHost(2));
             ArticleFetcher b = ArticleFetcher.of(LOCAL.maxConcurrency(4).maxPerHost(2))) {
            Future<List<FetchResult>> one = callers.submit(() -> a.fetchAll(first));
            Future<List<FetchResult>> two = callers.submit(() -> b.fetchAll(second));
            // keep two requests held at the server; let one go only when two are there, so any third would
            // arrive while two are still held
            acquire(arrived);
            for (int n = 1; n < 8; n++) {
                acquire(arrived);
                gate.release();
            }
            gate.release();
            List<FetchResult> results = new ArrayList<>(one.get());
            results.addAll(two.get());
            assertTrue(results.stream().allMatch(FetchResult::ok), results.toString());
        } finally {
            callers.shutdownNow();
        }
        assertEquals(2, most.get());
    }

    @Test
    void optionsAreImmutableAndValidated() {
        FetchOptions o = FetchOptions.ofDefaults();
        FetchOptions p = o.maxPerHost(4);
        assertNotSame(o, p);
        assertEquals(2, o.maxPerHost());
        assertEquals(4, p.maxPerHost());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.maxConcurrency(0));
        assertEquals("maxConcurrency must be >= 1, was 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> o.readTimeout(Duration.ZERO));
        assertTrue(e.getMessage().startsWith("readTimeout must be > 0"), e.getMessage());
        assertTrue(o.toString().length() < 300);
    }

    @Test
    void idsIgnoreCaseOfHostDefaultPortAndFragment() {
        assertEquals(ArticleIds.fromUrl("https://example.com/a"), ArticleIds.fromUrl("HTTPS://Example.COM:443/a#top"));
        assertEquals(16, ArticleIds.fromUrl("https://example.com/a").length());
        assertFalse(ArticleIds.fromUrl("https://example.com/a").equals(ArticleIds.fromUrl("https://example.com/A")));
    }

    private static ArticleFetcher fetcher(FetchOptions options, Dns resolver, SocketFactory sockets) {
        return new ArticleFetcher(options, ArticleExtractor.ofDefaults(), d -> { }, Clock.systemUTC(), resolver, sockets);
    }

    /**
     * Plain sockets on which a connection to {@link #PUBLIC} reaches {@code server} instead: a stand-in for a
     * server on the internet. Connections to any other address go where they are addressed.
     */
    private static SocketFactory publicServer(TestSite server) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new Socket() {
                    @Override
                    public void connect(SocketAddress to, int timeout) throws IOException {
                        boolean outside = ((InetSocketAddress) to).getAddress().equals(PUBLIC);
                        super.connect(outside ? new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()) : to,
                                timeout);
                    }
                };
            }

            @Override
            public Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static void acquire(Semaphore s) {
        try {
            assertTrue(s.tryAcquire(30, TimeUnit.SECONDS), "nothing arrived");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(data);
        }
        return b.toByteArray();
    }
}
