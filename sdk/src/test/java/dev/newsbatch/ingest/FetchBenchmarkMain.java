package dev.newsbatch.ingest;

import dev.newsbatch.FetchOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fetch throughput against a loopback server: N distinct URLs (default 12,000) of a realistic article page,
 * fetched and extracted by {@link ArticleFetcher}; prints pages per second.
 *
 * <pre>{@code
 * java ... dev.newsbatch.ingest.FetchBenchmarkMain [URLS] [MAX_CONCURRENCY] [MAX_PER_HOST]
 * }</pre>
 */
public final class FetchBenchmarkMain {
    private FetchBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int perHost = args.length > 2 ? Integer.parseInt(args[2]) : concurrency;
        byte[] page = TestSite.article("Benchmark story", "bench").getBytes(StandardCharsets.UTF_8);
        try (TestSite site = new TestSite().on("/a", x -> TestSite.send(x, 200, "text/html; charset=utf-8", page));
             ArticleFetcher fetcher = ArticleFetcher.of(FetchOptions.ofDefaults().allowLoopback(true)
                     .maxConcurrency(concurrency).maxPerHost(perHost))) {
            List<URI> warm = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                warm.add(site.url("/a?w" + i));
            }
            fetcher.fetchAll(warm);
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                urls.add(site.url("/a?" + i));
            }
            long start = System.nanoTime();
            List<FetchResult> results = fetcher.fetchAll(urls);
            double seconds = (System.nanoTime() - start) / 1e9;
            long ok = results.stream().filter(FetchResult::ok).count();
            System.out.printf(Locale.ROOT, "urls=%d ok=%d seconds=%.2f pages_per_s=%.0f concurrency=%d per_host=%d page_bytes=%d%n",
                    n, ok, seconds, n / seconds, concurrency, perHost, page.length);
            System.out.printf(Locale.ROOT, "fetch-pages-per-s %.0f pages/s (goal >= 300)%n", n / seconds);
            System.out.printf(Locale.ROOT, "fetch-ok %d pages (goal = %d)%n", ok, n);
        }
    }
}
