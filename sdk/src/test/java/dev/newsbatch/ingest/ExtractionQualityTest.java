package dev.newsbatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The extractor against the 29-page dev set in the test resources ({@code extraction-dev/}, from Mozilla
 * Readability's test suite), scored as score.py does, and against the 14 held-out pages ({@code extraction-other/}).
 */
class ExtractionQualityTest {

    @Test
    void scoresAboveFloorOnDevSet() throws Exception {
        Path dir = ExtractionScore.devSet();
        List<ExtractionScore.Row> rows = new ArrayList<>();
        for (Path page : ExtractionScore.pages(dir)) {
            String html = Files.readString(page.resolve("source.html"), StandardCharsets.UTF_8);
            ExtractedArticle a = ArticleExtractor.ofDefaults().extract(html, "http://fakehost/test/page.html");
            rows.add(ExtractionScore.row(page, a.contents(), a.title()));
        }
        ExtractionScore.Summary s = ExtractionScore.summary(rows);
        assertEquals(29, rows.size(), "dev set pages");
        assertTrue(s.meanF1() >= 0.97, s.toString());
        assertTrue(s.titleMatch() >= 0.93, s.toString());
    }

    @Test
    void scoresAboveFloorOnHeldOutPages() throws Exception {
        ExtractionScore.Summary s = ExtractionScore.score(ExtractionScore.otherSet(), ArticleExtractor.ofDefaults());
        assertEquals(14, s.rows().size(), "held-out pages");
        assertTrue(s.meanF1() >= 0.95, s.toString());
        assertTrue(s.titleMatch() >= 0.9, s.toString());
        assertTrue(s.bylineMatch() >= 0.9 && s.siteNameMatch() >= 0.9 && s.publishedMatch() >= 0.9, s.toString());
        for (ExtractionScore.Row row : s.rows()) {
            assertTrue(row.f1() >= 0.9, row.toString());
        }
    }

    @Test
    void scorerMatchesReferenceArithmetic() {
        assertEquals(2, ExtractionScore.tokens("The the, cat").get("the"));
        assertEquals("a b", ExtractionScore.fold(" a \u00a0\n b "));
        assertTrue(ExtractionScore.htmlText("<p>a<b>b</b></p><script>x</script>").contains("a  b"));
    }
}
