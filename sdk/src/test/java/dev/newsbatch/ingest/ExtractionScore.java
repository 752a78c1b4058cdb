package dev.newsbatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The extraction dev set's scoring (score.py) in Java: bag-of-words precision, recall and F1 of the predicted
 * contents against the text of expected.html (lower-cased word tokens with multiplicity), and exact title
 * match after whitespace folding.
 */
final class ExtractionScore {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern SPACE = Pattern.compile("(?U)\\s+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractionScore() {}

    /**
     * One page's scores; {@code byline}, {@code siteName} and {@code published} are null when the page states no
     * expected value for them, else whether the extracted value equals it after whitespace folding.
     */
    record Row(String name, double precision, double recall, double f1, boolean titleOk, Boolean bylineOk,
               Boolean siteNameOk, Boolean publishedOk) {
        Row(String name, double precision, double recall, double f1, boolean titleOk) {
            this(name, precision, recall, f1, titleOk, null, null, null);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-40s P=%.3f R=%.3f F1=%.3f title=%s byline=%s site=%s date=%s", name,
                    precision, recall, f1, mark(titleOk), mark(bylineOk), mark(siteNameOk), mark(publishedOk));
        }

        private static String mark(Boolean ok) {
            return ok == null ? "  " : ok ? "ok" : "--";
        }
    }

    /** Means over the pages; the byline, site name and date matches over the pages that expect one. */
    record Summary(List<Row> rows, double meanF1, double titleMatch, double bylineMatch, double siteNameMatch,
                   double publishedMatch) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "mean_f1=%.3f title_match=%.3f byline_match=%.3f site_name_match=%.3f "
                    + "published_match=%.3f pages=%d", meanF1, titleMatch, bylineMatch, siteNameMatch, publishedMatch,
                    rows.size());
        }
    }

    /** The dev set's directory: {@code extraction-dev/} of the test resources, as copied to the test class path. */
    static Path devSet() {
        return resourceDir("extraction-dev");
    }

    /** The held-out pages' directory: {@code extraction-other/} of the test resources. */
    static Path otherSet() {
        return resourceDir("extraction-other");
    }

    private static Path resourceDir(String name) {
        URL readme = ExtractionScore.class.getResource("/" + name + "/README.md");
        if (readme == null || !"file".equals(readme.getProtocol())) {
            throw new IllegalStateException("the extraction pages (src/test/resources/" + name + ") are not a "
                    + "directory on the test class path: " + readme);
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad dev set location " + readme, e);
        }
    }

    static List<Path> pages(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("expected.html"))).sorted().collect(Collectors.toList());
        }
    }

    static Summary score(Path pages, Path predictions) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path page : pages(pages)) {
            String name = page.getFileName().toString();
            Path pred = predictions.resolve(name + ".json");
            ExtractedArticle a = new ExtractedArticle("", "", null, null, null, null);
            if (Files.isRegularFile(pred)) {
                JsonNode d = JSON.readTree(pred.toFile());
                a = new ExtractedArticle(textOrNull(d, "title"), d.path("contents").asText(""), textOrNull(d, "byline"),
                        textOrNull(d, "site_name"), textOrNull(d, "published"), null);
            }
            rows.add(row(page, a));
        }
        return summary(rows);
    }

    private static String textOrNull(JsonNode d, String field) {
        return d.path(field).isTextual() ? d.path(field).asText() : null;
    }

    /** The scores of {@code a}, extracted from {@code page}'s source, title and metadata included. */
    static Row row(Path page, ExtractedArticle a) throws IOException {
        Row r = row(page, a.contents(), a.title());
        Path metaPath = page.resolve("expected-metadata.json");
        JsonNode meta = Files.isRegularFile(metaPath) ? JSON.readTree(metaPath.toFile()) : JSON.createObjectNode();
        return new Row(r.name(), r.precision(), r.recall(), r.f1(), r.titleOk(), matches(meta, "byline", a.byline()),
                matches(meta, "siteName", a.siteName()), matches(meta, "publishedTime", a.published()));
    }

    private static Boolean matches(JsonNode meta, String field, String got) {
        JsonNode want = meta.get(field);
        if (want == null || !want.isTextual() || want.asText().isBlank()) {
            return null;
        }
        return fold(want.asText()).equals(fold(got));
    }

    /** Extracts and scores every page of {@code dir}. */
    static Summary score(Path dir, ArticleExtractor extractor) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path page : pages(dir)) {
            String html = Files.readString(page.resolve("source.html"), StandardCharsets.UTF_8);
            rows.add(row(page, extractor.extract(html, "http://fakehost/test/page.html")));
        }
        return summary(rows);
    }

    static Row row(Path page, String contents, String title) throws IOException {
        Map<String, Integer> want = tokens(htmlText(Files.readString(page.resolve("expected.html"), StandardCharsets.UTF_8)));
        Map<String, Integer> got = tokens(contents);
        Path metaPath = page.resolve("expected-metadata.json");
        String expectedTitle = Files.isRegularFile(metaPath) ? JSON.readTree(metaPath.toFile()).path("title").asText(null) : null;
        int common = 0;
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            common += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
        }
        double p = common / (double) Math.max(1, sum(got));
        double r = common / (double) Math.max(1, sum(want));
        double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
        boolean t = expectedTitle != null && !expectedTitle.isEmpty() && fold(expectedTitle).equals(fold(title));
        return new Row(page.getFileName().toString(), p, r, f, t);
    }

    static Summary summary(List<Row> rows) {
        int n = Math.max(1, rows.size());
        double f = rows.stream().mapToDouble(Row::f1).sum() / n;
        double t = rows.stream().filter(Row::titleOk).count() / (double) n;
        return new Summary(List.copyOf(rows), f, t, share(rows, Row::bylineOk), share(rows, Row::siteNameOk),
                share(rows, Row::publishedOk));
    }

    private static double share(List<Row> rows, java.util.function.Function<Row, Boolean> field) {
        long expected = rows.stream().map(field).filter(java.util.Objects::nonNull).count();
        long ok = rows.stream().map(field).filter(Boolean.TRUE::equals).count();
        return expected == 0 ? 1 : ok / (double) expected;
    }

    private static int sum(Map<String, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }

    static Map<String, Integer> tokens(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        return counts;
    }

    static String htmlText(String html) {
        StringBuilder s = new StringBuilder();
        collect(Jsoup.parseBodyFragment(html).body(), s);
        return s.toString();
    }

    private static void collect(Element e, StringBuilder s) {
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode) {
                s.append(' ').append(((TextNode) n).getWholeText());
            } else if (n instanceof Element) {
                Element c = (Element) n;
                if (!c.normalName().equals("script") && !c.normalName().equals("style")) {
                    s.append(' ');
                    collect(c, s);
                    s.append(' ');
                }
            }
        }
    }

    static String fold(String s) {
        return s == null ? "" : SPACE.matcher(s).replaceAll(" ").strip();
    }
}
