package dev.newsbatch;

import dev.newsbatch.internal.Checks;

/**
 * One classified article: which article, its classification and the tokens it cost.
 *
 * <pre>{@code
 * for (Row<NewsClassification> r : results.rows()) System.out.println(r.id() + " " + r.value().sentiment());
 * }</pre>
 *
 * @param id           the article's id
 * @param title        the article's title
 * @param url          the article's URL, or null
 * @param value        the classification
 * @param inputTokens  prompt tokens billed
 * @param outputTokens answer tokens billed
 * @param <T>          the classification record type
 */
public record Row<T>(String id, String title, String url, T value, long inputTokens, long outputTokens) {
    @Override
    public String toString() {
        return "Row[" + id + ", " + Checks.abbreviate(title, 40) + ", " + value + "]";
    }
}
