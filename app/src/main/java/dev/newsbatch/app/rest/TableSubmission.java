package dev.newsbatch.app.rest;

import dev.newsbatch.BigQueryTable;
import java.util.Map;

/**
 * A validated submission over a BigQuery table: the table, its columns for the article's fields, and the
 * rest of the submission (name, wait, settings, schema).
 *
 * <pre>{@code
 * TableSubmission t = RequestBodies.table(json);   // {"table": "bq://p.news.articles", "columns": {"id": "story_id"}}
 * }</pre>
 *
 * @param table      the table of articles
 * @param columns    article field to the table's column; fields not named read the column of their name
 * @param submission name, wait, settings and schema (no articles or URLs)
 */
public record TableSubmission(BigQueryTable table, Map<String, String> columns, Submission submission) {
    public TableSubmission {
        columns = Map.copyOf(columns);
    }
}
