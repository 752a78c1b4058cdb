package dev.newsbatch.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * Single-threaded extraction speed on the dev set's pages: pages per second of {@link ArticleExtractor} and of a
 * bare jsoup {@code parse} + {@code body().text()} on the same pages, and their ratio.
 *
 * <pre>{@code
 * java ... dev.newsbatch.ingest.ExtractionBenchmarkMain [PAGES_DIR] [SECONDS_PER_ROUND]
 * }</pre>
 */
public final class ExtractionBenchmarkMain {
    private ExtractionBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : ExtractionScore.devSet();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        List<String> pages = new ArrayList<>();
        for (Path p : ExtractionScore.pages(dir)) {
            pages.add(Files.readString(p.resolve("source.html"), StandardCharsets.UTF_8));
        }
        ArticleExtractor extractor = ArticleExtractor.ofDefaults();
        long sink = 0;
        double bare = 0;
        double full = 0;
        for (int round = 0; round < 4; round++) {     // alternate, the first round of each warms up
            bare = rate(pages, seconds, html -> Jsoup.parse(html, "http://fakehost/").body().text().length());
            full = rate(pages, seconds, html -> extractor.extract(html, "http://fakehost/").contents().length());
            System.out.printf(Locale.ROOT, "round %d: bare jsoup %.1f pages/s, extractor %.1f pages/s, ratio %.2f%n",
                    round + 1, bare, full, full / bare);
        }
        System.out.printf(Locale.ROOT, "pages=%d bare_pages_per_s=%.1f extractor_pages_per_s=%.1f ratio=%.2f%n",
                pages.size(), bare, full, full / bare);
    }

    private static double rate(List<String> pages, double seconds, java.util.function.ToIntFunction<String> work) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long done = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            for (String html : pages) {
                sink += work.applyAsInt(html);
            }
            done += pages.size();
        }
        if (sink == 42) {
            System.out.print("");
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }
}
