package dev.newsbatch.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * Single-threaded extraction speed on the dev set's pages: pages per second of {@link ArticleExtractor} and of a
 * bare jsoup {@code parse} + {@code body().text()} on the same pages, and their ratio. The two are interleaved
 * page by page and timed in thread CPU time as well as wall time, so that other load on the machine affects
 * both alike.
 *
 * <pre>{@code
 * java ... dev.newsbatch.ingest.ExtractionBenchmarkMain [PAGES_DIR] [ROUNDS]
 * }</pre>
 */
public final class ExtractionBenchmarkMain {
    private ExtractionBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : ExtractionScore.devSet();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        List<String> pages = new ArrayList<>();
        for (Path p : ExtractionScore.pages(dir)) {
            pages.add(Files.readString(p.resolve("source.html"), StandardCharsets.UTF_8));
        }
        ArticleExtractor extractor = ArticleExtractor.ofDefaults();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long bareCpu = 0;
        long fullCpu = 0;
        long bareWall = 0;
        long fullWall = 0;
        int warmup = Math.max(1, rounds / 4);
        for (int round = 0; round < rounds + warmup; round++) {
            for (String html : pages) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                sink += Jsoup.parse(html, "http://fakehost/").body().text().length();
                long c1 = cpu.getCurrentThreadCpuTime();
                long w1 = System.nanoTime();
                sink += extractor.extract(html, "http://fakehost/").contents().length();
                long c2 = cpu.getCurrentThreadCpuTime();
                long w2 = System.nanoTime();
                if (round >= warmup) {
                    bareCpu += c1 - c0;
                    fullCpu += c2 - c1;
                    bareWall += w1 - w0;
                    fullWall += w2 - w1;
                }
            }
        }
        double n = (double) rounds * pages.size();
        System.out.printf(Locale.ROOT, "pages=%d rounds=%d (sink %d)%n", pages.size(), rounds, sink % 10);
        System.out.printf(Locale.ROOT, "cpu:  bare_pages_per_s=%.1f extractor_pages_per_s=%.1f ratio=%.2f%n",
                n / (bareCpu / 1e9), n / (fullCpu / 1e9), (double) bareCpu / fullCpu);
        System.out.printf(Locale.ROOT, "wall: bare_pages_per_s=%.1f extractor_pages_per_s=%.1f ratio=%.2f%n",
                n / (bareWall / 1e9), n / (fullWall / 1e9), (double) bareWall / fullWall);
        System.out.printf(Locale.ROOT, "extraction-pages-per-s %.0f pages/s (goal >= 300, one thread, CPU time)%n",
                n / (fullCpu / 1e9));
        System.out.printf(Locale.ROOT, "extraction-vs-jsoup %.2f ratio (goal >= 0.75, CPU time)%n",
                (double) bareCpu / fullCpu);
    }
}
