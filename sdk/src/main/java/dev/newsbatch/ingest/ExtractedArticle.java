package dev.newsbatch.ingest;

import dev.newsbatch.Article;
import dev.newsbatch.internal.Checks;

/**
 * What {@link ArticleExtractor} found on a page: the headline, the main text (paragraphs separated by line
 * breaks) and, where the page states them, byline, site name, publication time and a short description.
 *
 * <pre>{@code
 * ExtractedArticle e = ArticleExtractor.ofDefaults().extract(html, "https://example.com/news/1");
 * Article a = e.toArticle("https://example.com/news/1");
 * }</pre>
 *
 * @param title     the headline, or empty
 * @param contents  the main text, or empty when nothing was found
 * @param byline    the author line, or {@code null}
 * @param siteName  the publication's name, or {@code null}
 * @param published the publication time as the page states it (usually ISO 8601), or {@code null}
 * @param excerpt   the page's own short description, or {@code null}
 */
public record ExtractedArticle(String title, String contents, String byline, String siteName, String published,
                               String excerpt) {

    public ExtractedArticle {
        title = title == null ? "" : title;
        contents = contents == null ? "" : contents;
    }

    /** True when no main text was found. */
    public boolean isEmpty() {
        return contents.isBlank();
    }

    /** This as an {@link Article} whose id is {@link ArticleIds#fromUrl(String)} of {@code url}. */
    public Article toArticle(String url) {
        Checks.notBlank(url, "url");
        return new Article(ArticleIds.fromUrl(url), title, contents, url);
    }

    @Override
    public String toString() {
        return "ExtractedArticle[title=" + Checks.abbreviate(title, 60) + ", chars=" + contents.length()
                + (byline == null ? "" : ", byline=" + Checks.abbreviate(byline, 40))
                + (siteName == null ? "" : ", siteName=" + Checks.abbreviate(siteName, 40))
                + (published == null ? "" : ", published=" + published) + "]";
    }
}
