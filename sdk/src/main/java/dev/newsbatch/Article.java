package dev.newsbatch;

import dev.newsbatch.internal.Checks;
import java.util.Objects;

/**
 * One news article to classify: a stable id, a title, the text, and the URL it came from (if any).
 *
 * <pre>{@code
 * Article a = Article.of("a1", "Rates rise", "The central bank raised rates by 25 basis points.");
 * }</pre>
 *
 * @param id       stable identifier, unique within a run; the request key is derived from it
 * @param title    the headline (may be empty, never null)
 * @param contents the article text (never null)
 * @param url      where the article came from, or {@code null}
 */
public record Article(String id, String title, String contents, String url) {

    public Article {
        Checks.notBlank(id, "id");
        title = title == null ? "" : title;
        Objects.requireNonNull(contents, "contents must not be null");
    }

    /** An article without a URL: {@code new Article("a1", "Rates rise", "The central bank ...")}. */
    public Article(String id, String title, String contents) {
        this(id, title, contents, null);
    }

    /** An article without a URL, the same as the three-argument constructor. */
    public static Article of(String id, String title, String contents) {
        return new Article(id, title, contents);
    }

    @Override
    public String toString() {
        return "Article[id=" + id + ", title=" + Checks.abbreviate(title, 60)
                + ", chars=" + contents.length() + (url == null ? "" : ", url=" + url) + "]";
    }
}
