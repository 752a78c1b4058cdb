package dev.newsbatch.app.rest;

import dev.newsbatch.Article;
import java.util.List;

/**
 * A validated submission: the articles (or URLs), the run name and whether to wait for the results.
 *
 * <pre>{@code
 * Submission s = RequestBodies.contents(json);
 * }</pre>
 *
 * @param articles  the articles of {@code /batch/submit-contents} (empty for URL submissions)
 * @param urls      the URLs of {@code /batch/submit} (empty for content submissions)
 * @param batchName the run name, or null for a unique default name
 * @param waitForCompletion {@code wait_for_completion}
 * @param settings  thinking, flex and limits of the run ({@link RunSettings#none()} for the defaults)
 */
public record Submission(List<Article> articles, List<String> urls, String batchName, boolean waitForCompletion,
                         RunSettings settings) {
    public Submission {
        articles = List.copyOf(articles);
        urls = List.copyOf(urls);
        settings = settings == null ? RunSettings.none() : settings;
    }

    /** A submission with the default settings. */
    public Submission(List<Article> articles, List<String> urls, String batchName, boolean waitForCompletion) {
        this(articles, urls, batchName, waitForCompletion, RunSettings.none());
    }

    /** Articles or URLs in the submission. */
    public int count() {
        return articles.size() + urls.size();
    }

    @Override
    public String toString() {
        return "Submission[" + (batchName == null ? "(unnamed)" : batchName) + ", "
                + (urls.isEmpty() ? articles.size() + " articles" : urls.size() + " urls")
                + (waitForCompletion ? ", wait" : "") + (settings.flex() ? ", flex" : "") + "]";
    }
}
