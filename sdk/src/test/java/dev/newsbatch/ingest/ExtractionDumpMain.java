package dev.newsbatch.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the extractor's output (title, byline, published, site name, excerpt and text) of every page of the dev
 * set and of the held-out pages to one file per page, so that two versions of the extractor can be compared with
 * {@code diff -r}.
 *
 * <pre>{@code
 * java ... dev.newsbatch.ingest.ExtractionDumpMain OUT_DIR [PAGES_DIR]
 * }</pre>
 */
public final class ExtractionDumpMain {
    private ExtractionDumpMain() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<Path> dirs = new ArrayList<>();
        dirs.add(args.length > 1 ? Path.of(args[1]) : ExtractionScore.devSet());
        dirs.add(ExtractionScore.otherSet());
        // the defaults, and a threshold no page reaches, so that every search with fewer filters runs as well
        ArticleExtractor[] extractors = {ArticleExtractor.ofDefaults(), ArticleExtractor.ofDefaults().minContentChars(1_000_000)};
        Files.createDirectories(out);
        int n = 0;
        for (Path dir : dirs) {
            for (Path page : ExtractionScore.pages(dir)) {
                String html = Files.readString(page.resolve("source.html"), StandardCharsets.UTF_8);
                StringBuilder dump = new StringBuilder();
                for (ArticleExtractor extractor : extractors) {
                    ExtractedArticle a = extractor.extract(html, "http://fakehost/test/page.html");
                    dump.append(extractor).append("\ntitle: ").append(a.title()).append("\nbyline: ").append(a.byline())
                            .append("\npublished: ").append(a.published()).append("\nsite: ").append(a.siteName())
                            .append("\nexcerpt: ").append(a.excerpt()).append("\n\n").append(a.contents()).append("\n\n");
                }
                Files.writeString(out.resolve(dir.getFileName() + "--" + page.getFileName() + ".txt"), dump,
                        StandardCharsets.UTF_8);
                n++;
            }
        }
        System.out.println(n + " pages written to " + out);
    }
}
