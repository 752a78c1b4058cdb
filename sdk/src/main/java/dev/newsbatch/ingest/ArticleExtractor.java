package dev.newsbatch.ingest;

import dev.newsbatch.internal.Checks;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the readable article from an HTML page: headline, main text without navigation, boilerplate and
 * comments, and the byline, site name and publication time the page states. Immutable and thread-safe.
 *
 * <p>Title: the page's JSON-LD headline, {@code og:title} or similar metadata, else its {@code <title>} with
 * the site name cut off (see {@link TitleFinder}). Main text: found by content scoring (text length, commas,
 * link density, paragraph structure, class and id hints), with boilerplate dropped: hidden elements, scripts,
 * nav, aside, footer, forms, share and related blocks, link lists. Whitespace is collapsed and each paragraph
 * ends with a line break.
 *
 * <pre>{@code
 * ArticleExtractor extractor = ArticleExtractor.ofDefaults();
 * ExtractedArticle article = extractor.extract(html, "https://example.com/news/1");
 * System.out.println(article.title() + "\n\n" + article.contents());
 * }</pre>
 */
public final class ArticleExtractor {
    private static final ArticleExtractor DEFAULTS = new ArticleExtractor(500);

    private final int minContentChars;

    private ArticleExtractor(int minContentChars) {
        this.minContentChars = minContentChars;
    }

    /** An extractor with the defaults: {@code minContentChars} 500. */
    public static ArticleExtractor ofDefaults() {
        return DEFAULTS;
    }

    /** Below this many characters of main text, the search is repeated with fewer filters. Default: 500. */
    public int minContentChars() {
        return minContentChars;
    }

    /**
     * A copy with another {@link #minContentChars()}.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public ArticleExtractor minContentChars(int value) {
        Checks.atLeast(value, 0, "minContentChars");
        return new ArticleExtractor(value);
    }

    /**
     * Extracts the article of {@code html}, parsed as {@code Jsoup.parse(html, baseUrl)} parses it (with a jsoup
     * parser lent from a small pool rather than a new one per page).
     *
     * @param html    the page
     * @param baseUrl the page's URL, for resolving relative links (may be empty)
     * @throws IllegalArgumentException if {@code html} is null
     */
    public ExtractedArticle extract(String html, String baseUrl) {
        Checks.notNull(html, "html");
        return extract(HtmlParsers.parse(html, baseUrl == null ? "" : baseUrl));
    }

    /** Extracts the article of a parsed page; {@code doc} is not changed. */
    public ExtractedArticle extract(Document doc) {
        Checks.notNull(doc, "doc");
        Element body = doc.body();
        // One walk reads the body into a PageTree, passing its meta tags and JSON-LD scripts to the metadata after
        // those of the rest of the page: the title is then known before the content search, which needs it (to
        // leave out the heading that repeats it).
        PageMetadata.Sources sources = new PageMetadata.Sources();
        collectOutside(doc, body, sources);
        PageTree tree = PageTree.of(body, sources);
        PageMetadata meta = PageMetadata.of(doc, sources);
        String title = TitleFinder.find(doc, meta);
        ContentFinder.Content content = new ContentFinder(tree, title, minContentChars).find();
        String text = TextRenderer.render(tree, content.parts(), content.dropped(), content.length());
        String byline = meta.byline() != null ? meta.byline() : content.byline();
        return new ExtractedArticle(title, text, byline, meta.siteName(), meta.published(), meta.excerpt());
    }

    /** Passes every part of the page but {@code body} to {@code sources}, in document order. */
    private static void collectOutside(Element e, Element body, PageMetadata.Sources sources) {
        for (int i = 0, n = e.childNodeSize(); i < n; i++) {
            if (e.childNode(i) instanceof Element) {
                Element c = (Element) e.childNode(i);
                if (c == body) {
                    continue;
                }
                if (c.normalName().equals("html")) {
                    collectOutside(c, body, sources);
                } else {
                    sources.visit(c);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "ArticleExtractor[minContentChars=" + minContentChars + "]";
    }
}
