package dev.newsbatch.ingest;

import dev.newsbatch.Article;
import dev.newsbatch.internal.Checks;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How fetching one URL ended: the extracted article, or the reason there is none.
 *
 * <pre>{@code
 * FetchResult r = fetcher.fetch(URI.create("https://example.com/news/1"));
 * r.article().ifPresentOrElse(a -> System.out.println(a.title()),
 *         () -> System.out.println(r.failure() + ": " + r.detail()));
 * }</pre>
 *
 * @param url      the URL asked for
 * @param finalUrl the URL the page came from after redirects (equal to {@code url} without redirects)
 * @param article  the article (id from {@link ArticleIds#fromUrl}, url = {@code url}), or empty on failure
 * @param failure  why there is no article, or {@code null} on success
 * @param detail   a human-readable explanation of the failure, or empty
 * @param status   the last HTTP status received, or 0 when no response came
 * @param attempts how many requests were made for the final hop (1 without retries)
 * @param elapsed  the wall time from start to result, including retries and redirects
 * @param page     everything extracted from the page (byline, site name, published time...), or {@code null}
 *                 on failure
 */
public record FetchResult(URI url, URI finalUrl, Optional<Article> article, FetchFailure failure, String detail,
                          int status, int attempts, Duration elapsed, ExtractedArticle page) {

    public FetchResult {
        Checks.notNull(url, "url");
        Checks.notNull(article, "article");
        Checks.notNull(elapsed, "elapsed");
        detail = detail == null ? "" : detail;
        if (article.isPresent() == (failure != null)) {
            throw new IllegalArgumentException("failure must be set exactly when article is empty, was " + failure);
        }
    }

    /** Everything extracted from the page, when an article was. */
    public Optional<ExtractedArticle> extracted() {
        return Optional.ofNullable(page);
    }

    /** True when an article was extracted. */
    public boolean ok() {
        return failure == null;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("FetchResult[");
        s.append(ok() ? "OK" : failure.name());
        if (status > 0) {
            s.append(' ').append(status);
        }
        s.append(' ').append(Checks.abbreviate(url.toString(), 100));
        if (ok()) {
            s.append(", chars=").append(article.get().contents().length());
        } else if (!detail.isEmpty()) {
            s.append(", ").append(Checks.abbreviate(detail, 100));
        }
        return s.append(", ").append(elapsed.toMillis()).append(" ms]").toString();
    }
}
