package dev.newsbatch.internal.run;

import dev.newsbatch.BigQueryTable;
import dev.newsbatch.InputProblem;
import dev.newsbatch.InvalidInputException;
import dev.newsbatch.ingest.ArticleFiles;
import dev.newsbatch.internal.ArticleSource;
import dev.newsbatch.internal.gemini.BigQueryTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A BigQuery table of articles: its rows are read once, when the source is made, into a local JSONL copy
 * (one line a row, columns mapped to the article's fields), which is checked whole like a file, its problems
 * naming the table and the row, and streamed at submission; so a run reads the table once however often it
 * is estimated or submitted, and what is recorded in the ledger is what was read.
 */
final class BigQuerySource {
    private static final List<String> FIELDS = List.of("id", "title", "contents", "url");

    private BigQuerySource() {}

    /**
     * @throws IllegalArgumentException when a mapped field is not id, title, contents or url, or a column is missing
     * @throws InvalidInputException    listing every problem (row, field) of the table's articles
     */
    static ArticleSource of(BigQueryTable table, Map<String, String> columns, Map<String, String> env) {
        for (String field : columns.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("a column mapping names one of " + String.join(", ", FIELDS)
                        + ", was \"" + field + "\"");
            }
        }
        Path copy;
        try {
            Path dir = Files.createTempDirectory(InputProblem.BIGQUERY_COPY_PREFIX);
            copy = dir.resolve(table.project() + "." + table.dataset() + "." + table.table() + ".jsonl");
            dir.toFile().deleteOnExit();
            copy.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary copy of " + table, e);
        }
        try (BigQueryTables tables = BigQueryTables.open(table.project(), env)) {
            tables.snapshot(table, columns, copy);
        }
        List<InputProblem> problems = ArticleFiles.check(copy);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return ArticleSource.of(() -> ArticleFiles.stream(copy).iterator(), -1, "bigquery=" + table.uri());
    }
}
