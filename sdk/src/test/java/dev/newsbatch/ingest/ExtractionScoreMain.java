package dev.newsbatch.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the extractor's predictions for a pages directory, one {@code NAME.json} per page, for score.py;
 * then prints this module's own scoring of them (F1, title, byline, site name and date matches). With no
 * arguments it reads the dev set of the test resources, and also scores the held-out pages
 * ({@code extraction-other/}).
 *
 * <pre>{@code
 * java ... dev.newsbatch.ingest.ExtractionScoreMain sdk/src/test/resources/extraction-dev /tmp/pred
 * }</pre>
 */
public final class ExtractionScoreMain {
    private ExtractionScoreMain() {}

    public static void main(String[] args) throws Exception {
        Path pages = Path.of(args.length > 0 ? args[0] : ExtractionScore.devSet().toString());
        Path out = Path.of(args.length > 1 ? args[1] : "target/extraction-predictions");
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper();
        ArticleExtractor extractor = ArticleExtractor.ofDefaults();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(pages)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve("source.html"))).sorted().collect(Collectors.toList());
        }
        for (Path d : dirs) {
            String html = Files.readString(d.resolve("source.html"), StandardCharsets.UTF_8);
            ExtractedArticle a = extractor.extract(html, "http://fakehost/test/page.html");
            ObjectNode o = json.createObjectNode();
            o.put("title", a.title());
            o.put("contents", a.contents());
            o.put("byline", a.byline());
            o.put("site_name", a.siteName());
            o.put("published", a.published());
            Files.writeString(out.resolve(d.getFileName() + ".json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        }
        ExtractionScore.Summary summary = ExtractionScore.score(pages, out);
        summary.rows().forEach(System.out::println);
        System.out.println(summary);
        ExtractionScore.Summary other = null;
        if (args.length == 0) {
            other = ExtractionScore.score(ExtractionScore.otherSet(), extractor);
            System.out.println("held-out pages (" + ExtractionScore.otherSet() + "):");
            other.rows().forEach(System.out::println);
            System.out.println(other);
        }
        System.out.printf(Locale.ROOT, "extraction-mean-f1 %.3f f1 (goal >= 0.97)%n", summary.meanF1());
        System.out.printf(Locale.ROOT, "extraction-title-match %.3f fraction (goal >= 0.93)%n", summary.titleMatch());
        System.out.printf(Locale.ROOT, "extraction-byline-match %.3f fraction (goal: no lower than before)%n",
                summary.bylineMatch());
        System.out.printf(Locale.ROOT, "extraction-site-name-match %.3f fraction (goal: no lower than before)%n",
                summary.siteNameMatch());
        System.out.printf(Locale.ROOT, "extraction-published-match %.3f fraction (goal: no lower than before)%n",
                summary.publishedMatch());
        if (other != null) {
            System.out.printf(Locale.ROOT, "extraction-held-out-mean-f1 %.3f f1 (goal >= 0.90)%n", other.meanF1());
            System.out.printf(Locale.ROOT, "extraction-held-out-title-match %.3f fraction (goal >= 0.90)%n",
                    other.titleMatch());
        }
    }
}
