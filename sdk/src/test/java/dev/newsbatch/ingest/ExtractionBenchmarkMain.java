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
 * held-out pages. The two are interleaved page by page, each running first on every other page, and timed in
 * thread CPU time as well as wall time, so that other load on the machine affects both alike. The timed rounds
 * follow a warm-up of {@value #WARMUP_PAGES} pages or more, whose ratio is printed apart. The extractor parses with
 * jsoup parsers lent from a pool ({@link HtmlParsers}); the bare parse is {@code Jsoup.parse}'s, a new parser per
 * page. A last pass on the held-out pages gives the bare parse a pooled parser too, so that the extractor's own
 * work shows apart from the parse's saving ({@code extraction-vs-pooled-parse-held-out}, no goal).
 *
 * <pre>{@code
 * java ... dev.newsbatch.ingest.ExtractionBenchmarkMain [PAGES_DIR] [ROUNDS]
 * }</pre>
 */
public final class ExtractionBenchmarkMain {
    /**
     * Pages extracted (and parsed bare) before the timed rounds. The extractor has more code for the JIT to compile
     * than the bare parse; on 2 cores its ratio rises through the first ~1,700 pages of the dev set and is level
     * after that, so the timed rounds start past it.
     */
    private static final int WARMUP_PAGES = 2_400;

    private ExtractionBenchmarkMain() {}

    /** The timing of the warm-up and of the timed rounds after it. */
    private record Timings(Timing warmUp, Timing timed) {}

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
        Timings devTimings = time(extractor, dev, rounds, false);
        Timing devTiming = devTimings.timed();
        Timing otherTiming = time(extractor, other, otherRounds, false).timed();
        Timing pooledTiming = time(extractor, other, Math.max(1, otherRounds / 2), true).timed();
        devTimings.warmUp().print("dev set, warm-up (JIT compiling, not the figure)");
        devTiming.print("dev set (" + dir + ")");
        otherTiming.print("held-out pages (" + otherDir + ")");
        pooledTiming.print("held-out pages, the bare parse with a pooled parser too");
        ExtractionScore.Summary heldOut = ExtractionScore.score(otherDir, extractor);
        System.out.println("held-out pages: " + heldOut);
        System.out.printf(Locale.ROOT, "extraction-pages-per-s %.0f pages/s (goal >= 300, one thread, CPU time)%n",
                devTiming.pagesPerSecond());
        System.out.printf(Locale.ROOT, "extraction-vs-jsoup %.2f ratio (goal >= 0.90, CPU time, dev set)%n",
                devTiming.ratio());
        System.out.printf(Locale.ROOT, "extraction-vs-jsoup-warm-up %.2f ratio (goal none: the dev set's first %d pages, "
                + "while the JIT compiles; not counted above)%n", devTimings.warmUp().ratio(), devTimings.warmUp().pages() * devTimings.warmUp().rounds());
        System.out.printf(Locale.ROOT, "extraction-vs-jsoup-held-out %.2f ratio (goal >= 0.90, CPU time, held-out pages)%n",
                otherTiming.ratio());
        System.out.printf(Locale.ROOT, "extraction-vs-pooled-parse-held-out %.2f ratio (goal none: against a bare parse "
                + "with a pooled parser too, the extractor's own work alone)%n", pooledTiming.ratio());
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

    /**
     * Times {@code rounds} rounds over {@code pages} after a warm-up of at least {@link #WARMUP_PAGES} pages (and a
     * quarter of the rounds); the warm-up's own timing is returned too. Within a round the two alternate which runs
     * first on each page, so that neither always finds the caches as the other left them. With {@code pooledBare}, the
     * bare parse borrows a pooled parser as the extractor does.
     */
    private static Timings time(ArticleExtractor extractor, List<String> pages, int rounds, boolean pooledBare) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = 0;
        // bare CPU, extractor CPU, bare wall, extractor wall
        long[] measured = new long[4];
        long[] warming = new long[4];
        int warmup = Math.max(rounds / 4, (WARMUP_PAGES + pages.size() - 1) / pages.size());
        for (int round = 0; round < rounds + warmup; round++) {
            long[] into = round < warmup ? warming : measured;
            for (int page = 0; page < pages.size(); page++) {
                String html = pages.get(page);
                boolean bareFirst = (round + page) % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean bare = bareFirst == (k == 0);
                    // each starts with the page in the caches, as a page just fetched and decoded is
                    sink += html.indexOf('\u0001');
                    long c0 = cpu.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    sink += bare ? (pooledBare ? HtmlParsers.parse(html, "http://fakehost/")
                            : Jsoup.parse(html, "http://fakehost/")).body().text().length()
                            : extractor.extract(html, "http://fakehost/").contents().length();
                    long c1 = cpu.getCurrentThreadCpuTime();
                    long w1 = System.nanoTime();
                    into[bare ? 0 : 1] += c1 - c0;
                    into[bare ? 2 : 3] += w1 - w0;
                }
            }
        }
        if (sink == 42) {
            System.out.println("(sink)");
        }
        return new Timings(new Timing(pages.size(), warmup, warming[0], warming[1], warming[2], warming[3]),
                new Timing(pages.size(), rounds, measured[0], measured[1], measured[2], measured[3]));
    }
}
