package dev.newsbatch.app.rest;

import dev.newsbatch.Article;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.schema.Answer;
import dev.newsbatch.schema.ClassificationSchema;
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
 * @param schema    {@code schema}: the response schema the rows follow, or null for the news fields
 */
public record Submission(List<Article> articles, List<String> urls, String batchName, boolean waitForCompletion,
                         RunSettings settings, ClassificationSchema<Answer> schema) {
    public Submission {
        articles = List.copyOf(articles);
        urls = List.copyOf(urls);
        settings = settings == null ? RunSettings.none() : settings;
    }

    /** A submission with the default settings. */
    public Submission(List<Article> articles, List<String> urls, String batchName, boolean waitForCompletion) {
        this(articles, urls, batchName, waitForCompletion, RunSettings.none(), null);
    }

    /** A submission into the news fields. */
    public Submission(List<Article> articles, List<String> urls, String batchName, boolean waitForCompletion,
                      RunSettings settings) {
        this(articles, urls, batchName, waitForCompletion, settings, null);
    }

    /** {@code spec} classifying into {@link #schema()}, or {@code spec} itself without one. */
    public BatchSpec<? extends Record> classifying(BatchSpec<? extends Record> spec) {
        return schema == null ? spec : spec.classifyInto(schema);
    }

    /** Articles or URLs in the submission. */
    public int count() {
        return articles.size() + urls.size();
    }

    @Override
    public String toString() {
        return "Submission[" + (batchName == null ? "(unnamed)" : batchName) + ", "
                + (urls.isEmpty() ? articles.size() + " articles" : urls.size() + " urls")
                + (waitForCompletion ? ", wait" : "") + (settings.flex() ? ", flex" : "")
                + (schema == null ? "" : ", schema " + schema.columns()) + "]";
    }
}
