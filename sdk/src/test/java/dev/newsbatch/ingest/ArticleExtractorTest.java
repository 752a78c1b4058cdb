package dev.newsbatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.ofDefaults();
    private static final String PARA = "The council approved the new budget on Monday after a long debate, and the mayor said "
            + "that spending on schools, roads and parks would rise next year.";

    private static String body(String head, String body) {
        return "<html><head>" + head + "</head><body>" + body + "</body></html>";
    }

    private static String paragraphs(String marker, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append("<p>").append(marker).append(i).append(' ').append(PARA).append("</p>");
        }
        return s.toString();
    }

    private static ExtractedArticle extract(String html) {
        return EXTRACTOR.extract(html, "https://example.com/news/1");
    }

    @Test
    void prefersOpenGraphTitleOverTitleTag() {
        ExtractedArticle a = extract(body("<title>Budget passes | City Times</title><meta property=\"og:title\" content=\"Council passes budget\">",
                "<article>" + paragraphs("p", 4) + "</article>"));
        assertEquals("Council passes budget", a.title());
    }

    @Test
    void prefersJsonLdHeadline() {
        String ld = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"headline\":\"Budget approved after long debate\",\"author\":[{\"name\":\"Ann Lee\"},{\"name\":\"Bo Chen\"}],"
                + "\"datePublished\":\"2024-05-01T10:00:00Z\",\"publisher\":{\"name\":\"City Times\"}}</script>";
        ExtractedArticle a = extract(body("<title>x</title><meta property=\"og:title\" content=\"Other\">" + ld,
                "<article>" + paragraphs("p", 4) + "</article>"));
        assertEquals("Budget approved after long debate", a.title());
        assertEquals("Ann Lee, Bo Chen", a.byline());
        assertEquals("2024-05-01T10:00:00Z", a.published());
        assertEquals("City Times", a.siteName());
    }

    @Test
    void stripsSiteNameFromTitleTag() {
        assertEquals("Council approves the city budget for next year",
                extract(body("<title>Council approves the city budget for next year | City Times</title>", paragraphs("p", 4))).title());
        assertEquals("Budget passes",
                extract(body("<title>Budget passes - City Times</title><meta property=\"og:site_name\" content=\"City Times\">",
                        paragraphs("p", 4))).title());
    }

    @Test
    void keepsMainTextAndDropsNavigationHeaderFooterAndAside() {
        String html = body("<title>T</title>", "<header class=\"site-header\"><a href=/>Home</a> Sign in</header>"
                + "<nav><a href=/a>World</a> <a href=/b>Sport</a></nav>"
                + "<div id=\"main\"><article>" + paragraphs("keep", 5) + "</article>"
                + "<aside>Most read: Ten things you missed this week</aside></div>"
                + "<footer>Copyright City Times</footer>");
        String text = extract(html).contents();
        assertTrue(text.contains("keep4"), text);
        assertFalse(text.contains("Sign in"), text);
        assertFalse(text.contains("Sport"), text);
        assertFalse(text.contains("Most read"), text);
        assertFalse(text.contains("Copyright"), text);
    }

    @Test
    void dropsHiddenElementsScriptsAndComments() {
        String html = body("<title>T</title>", "<article>" + paragraphs("keep", 4)
                + "<p style=\"display: none\">hidden words here</p><div hidden>also hidden</div>"
                + "<script>var tracking = 1;</script><!-- a comment --></article>");
        String text = extract(html).contents();
        assertFalse(text.contains("hidden"), text);
        assertFalse(text.contains("tracking"), text);
        assertFalse(text.contains("comment"), text);
    }

    @Test
    void dropsShareAndRelatedBlocks() {
        String html = body("<title>T</title>", "<article>" + paragraphs("keep", 4)
                + "<div class=\"share-buttons\">Share on Facebook Share on Twitter</div>"
                + "<div class=\"related-stories\"><a href=/x>Another story about budgets</a></div></article>");
        String text = extract(html).contents();
        assertFalse(text.contains("Facebook"), text);
        assertFalse(text.contains("Another story"), text);
        assertTrue(text.contains("keep3"), text);
    }

    @Test
    void dropsLinkHeavyBlocksInsideArticle() {
        StringBuilder links = new StringBuilder("<div class=\"more\">");
        for (int i = 0; i < 8; i++) {
            links.append("<a href=\"/s").append(i).append("\">Linked headline number ").append(i).append("</a> ");
        }
        String html = body("<title>T</title>", "<article>" + paragraphs("keep", 4) + links + "</div></article>");
        assertFalse(extract(html).contents().contains("Linked headline"));
    }

    @Test
    void keepsMainTextSplitIntoSiblingDivsAcrossAdsAndFigures() {
        String ad = "<div class=\"ad-container\"><div>Advertisement</div><iframe src=\"https://ads.example/x\"></iframe></div>";
        String html = body("<title>T</title>", "<nav><a href=/a>World</a> <a href=/b>Sport</a></nav><div class=\"page\">"
                + "<div class=\"text-block\">" + paragraphs("first", 3) + "</div>" + ad
                + "<figure><img src=/x.jpg><figcaption>A caption under the photo.</figcaption></figure>"
                + "<div class=\"text-block\">" + paragraphs("second", 3) + "</div>" + ad
                + "<div class=\"text-block\">" + paragraphs("third", 2) + "</div></div>");
        String text = extract(html).contents();
        assertTrue(text.contains("first0") && text.contains("second2") && text.contains("third1"), text);
        assertFalse(text.contains("Advertisement"), text);
        assertFalse(text.contains("Sport"), text);
    }

    @Test
    void dropsRelatedLinkListsAndCommentsAfterTheArticle() {
        StringBuilder related = new StringBuilder("<div class=\"more-stories\"><h3>Read next</h3><ul>");
        for (int i = 0; i < 6; i++) {
            related.append("<li><a href=\"/n").append(i).append("\">Council story number ").append(i).append("</a></li>");
        }
        related.append("</ul></div>");
        String html = body("<title>T</title>", "<div id=\"main\"><div class=\"post\">" + paragraphs("keep", 5) + "</div>"
                + related + "<section id=\"comments\"><p>reader1: I think this is the right call, and so on.</p></section></div>");
        String text = extract(html).contents();
        assertTrue(text.contains("keep4"), text);
        assertFalse(text.contains("Council story number"), text);
        assertFalse(text.contains("reader1"), text);
    }

    @Test
    void choosesDenseTextOverBoilerplateColumn() {
        String html = body("<title>T</title>", "<div class=\"sidebar\"><p>Subscribe to our newsletter for daily updates and more.</p></div>"
                + "<div class=\"story-body\">" + paragraphs("story", 6) + "</div>");
        String text = extract(html).contents();
        assertTrue(text.startsWith("story0"), text);
        assertFalse(text.contains("newsletter"), text);
    }

    @Test
    void keepsParagraphsAsLinesWithNormalisedWhitespace() {
        String html = body("<title>T</title>", "<article><p>First   line\n of\ttext, long enough to count as a paragraph here.</p>"
                + "<p>Second paragraph, also long enough to count as a paragraph of text.</p>" + paragraphs("x", 3) + "</article>");
        String text = extract(html).contents();
        assertTrue(text.startsWith("First line of text, long enough to count as a paragraph here.\nSecond paragraph"), text);
    }

    @Test
    void findsBylineInPageWhenMetadataHasNone() {
        String html = body("<title>T</title>", "<article><div class=\"byline\">By Jane Doe</div>" + paragraphs("p", 4) + "</article>");
        ExtractedArticle a = extract(html);
        assertEquals("By Jane Doe", a.byline());
        assertFalse(a.contents().contains("Jane Doe"), a.contents());
    }

    @Test
    void removesHeadingThatRepeatsTheTitle() {
        String html = body("<title>Council passes budget</title>", "<article><h1>Council passes budget</h1>" + paragraphs("p", 4) + "</article>");
        assertFalse(extract(html).contents().contains("Council passes budget"));
    }

    @Test
    void fallsBackToWholeBodyForShortPages() {
        ExtractedArticle a = extract(body("<title>Short note</title>", "<p>Only one short line.</p>"));
        assertEquals("Only one short line.", a.contents());
    }

    @Test
    void reportsEmptyWhenPageHasNoText() {
        assertTrue(extract(body("<title>T</title>", "<nav><a href=/>Home</a></nav>")).isEmpty());
        assertNull(extract(body("<title>T</title>", "")).byline());
    }

    @Test
    void minContentCharsIsValidatedAndCopied() {
        ArticleExtractor e = EXTRACTOR.minContentChars(100);
        assertNotSame(EXTRACTOR, e);
        assertEquals(500, EXTRACTOR.minContentChars());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> EXTRACTOR.minContentChars(-1));
        assertEquals("minContentChars must be >= 0, was -1", x.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EXTRACTOR.extract((String) null, ""));
    }
}
