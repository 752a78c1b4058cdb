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
 * Single-threaded extraction speed: pages per second of {@link ArticleExtractor} and of a bare jsoup
 * {@code parse} + {@code body().text()} on the same pages, and their ratio, on the dev set's pages and on the
 * held-out pages ({@code extraction-other/}, which the extractor is not tuned to), plus the mean F1 on the
 * held-out pages. The two are interleaved page by page and timed in thread CPU time as well as wall time, so
 * that other load on the machine affects both alike.
 *
 * <pre>{@code
 * java ... dev.newsbatch.ingest.ExtractionBenchmarkMain [PAGES_DIR] [ROUNDS]
 * }</pre>
 */
public final class ExtractionBenchmarkMain {
    private ExtractionBenchmarkMain() {}

    /** CPU and wall nanoseconds of the bare parse and of the extractor over all timed rounds. */
    private record Timing(int pages, int rounds, long bareCpu, long fullCpu, long bareWall, long fullWall) {
        double ratio() {
            return (double) bareCpu / fullCpu;
        }

        double pagesPerSecond() {
            return (double) rounds * pages / (fullCpu / 1e9);
        }

        void print(String name) {
            double n = (double) rounds * pages;
            System.out.printf(Locale.ROOT, "%s: pages=%d rounds=%d%n", name, pages, rounds);
            System.out.printf(Locale.ROOT, "  cpu:  bare_pages_per_s=%.1f extractor_pages_per_s=%.1f ratio=%.2f%n",
                    n / (bareCpu / 1e9), n / (fullCpu / 1e9), ratio());
            System.out.printf(Locale.ROOT, "  wall: bare_pages_per_s=%.1f extractor_pages_per_s=%.1f ratio=%.2f%n",
                    n / (bareWall / 1e9), n / (fullWall / 1e9), (double) bareWall / fullWall);
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : ExtractionScore.devSet();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        ArticleExtractor extractor = ArticleExtractor.ofDefaults();
        Path otherDir = ExtractionScore.otherSet();
        List<String> dev = sources(dir);
        List<String> other = sources(otherDir);
        // the held-out pages are small: more rounds give them a comparable amount of work
        int otherRounds = rounds * Math.max(1, (int) (chars(dev) / Math.max(1, chars(other)) / 2));
        Timing devTiming = time(extractor, dev, rounds);
        Timing otherTiming = time(extractor, other, otherRounds);
        devTiming.print("dev set (" + dir + ")");
        otherTiming.print("held-out pages (" + otherDir + ")");
        ExtractionScore.Summary heldOut = ExtractionScore.score(otherDir, extractor);
        System.out.println("held-out pages: " + heldOut);
        System.out.printf(Locale.ROOT, "extraction-pages-per-s %.0f pages/s (goal >= 300, one thread, CPU time)%n",
                devTiming.pagesPerSecond());
        System.out.printf(Locale.ROOT, "extraction-vs-jsoup %.2f ratio (goal >= 0.90, CPU time, dev set)%n",
                devTiming.ratio());
        System.out.printf(Locale.ROOT, "extraction-vs-jsoup-held-out %.2f ratio (goal >= 0.90, CPU time, held-out pages)%n",
                otherTiming.ratio());
        System.out.printf(Locale.ROOT, "extraction-held-out-mean-f1 %.3f f1 (goal >= 0.90)%n", heldOut.meanF1());
    }

    private static List<String> sources(Path dir) throws Exception {
        List<String> pages = new ArrayList<>();
        for (Path p : ExtractionScore.pages(dir)) {
            pages.add(Files.readString(p.resolve("source.html"), StandardCharsets.UTF_8));
        }
        return pages;
    }

    private static long chars(List<String> pages) {
        return pages.stream().mapToLong(String::length).sum();
    }

    private static Timing time(ArticleExtractor extractor, List<String> pages, int rounds) {
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
        if (sink == 42) {
            System.out.println("(sink)");
        }
        return new Timing(pages.size(), rounds, bareCpu, fullCpu, bareWall, fullWall);
    }
}
