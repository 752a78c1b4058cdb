package dev.newsbatch;

import dev.newsbatch.internal.Checks;

/**
 * A BigQuery table, named as Vertex AI and BigQuery write it: {@code bq://project.dataset.table}.
 *
 * <pre>{@code
 * BigQueryTable t = BigQueryTable.parse("bq://my-project.news.articles");
 * t.dataset();   // "news"
 * }</pre>
 *
 * @param project the Google Cloud project that holds the dataset
 * @param dataset the dataset
 * @param table   the table
 */
public record BigQueryTable(String project, String dataset, String table) {
    private static final String PROJECT = "[a-z][a-z0-9.:-]{4,62}[a-z0-9]";
    private static final String NAME = "[A-Za-z0-9_]{1,1024}";

    public BigQueryTable {
        Checks.notBlank(project, "project");
        Checks.notBlank(dataset, "dataset");
        Checks.notBlank(table, "table");
        if (!project.matches(PROJECT)) {
            throw new IllegalArgumentException("a BigQuery project id is 6 to 64 lowercase letters, digits and "
                    + "dashes, starting with a letter, was \"" + project + "\"");
        }
        if (!dataset.matches(NAME)) {
            throw new IllegalArgumentException("a BigQuery dataset name is letters, digits and underscores, was \""
                    + dataset + "\"");
        }
        if (!table.matches("[\\p{L}\\p{M}\\p{N}\\p{Pc}\\p{Pd} ]{1,1024}")) {
            throw new IllegalArgumentException("a BigQuery table name is letters, digits, underscores, dashes and "
                    + "spaces, was \"" + table + "\"");
        }
    }

    /**
     * Parses {@code bq://project.dataset.table} (the {@code bq://} may be left out).
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static BigQueryTable parse(String uri) {
        Checks.notBlank(uri, "table");
        String s = uri.trim();
        String rest = s.startsWith("bq://") ? s.substring(5) : s;
        int last = rest.lastIndexOf('.');
        int middle = last < 0 ? -1 : rest.lastIndexOf('.', last - 1);
        if (middle <= 0 || last == rest.length() - 1) {
            throw new IllegalArgumentException("a BigQuery table must be bq://project.dataset.table, was \"" + uri
                    + "\"");
        }
        return new BigQueryTable(rest.substring(0, middle), rest.substring(middle + 1, last),
                rest.substring(last + 1));
    }

    /**
     * {@code project.dataset} of {@code bq://project.dataset} (the {@code bq://} may be left out), its parts
     * checked as a table's are.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    static String dataset(String uri) {
        String rest = uri.trim().replaceFirst("^bq://", "");
        int dot = rest.lastIndexOf('.');
        if (dot <= 0 || !rest.substring(0, dot).matches(PROJECT) || !rest.substring(dot + 1).matches(NAME)) {
            throw new IllegalArgumentException("bigQueryDataset must be bq://project.dataset (a project id of 6 to "
                    + "64 lowercase letters, digits and dashes, starting with a letter; a dataset name of letters, "
                    + "digits and underscores), was \"" + uri + "\"");
        }
        return rest;
    }

    /** {@code bq://project.dataset.table}. */
    public String uri() {
        return "bq://" + project + "." + dataset + "." + table;
    }

    @Override
    public String toString() {
        return uri();
    }
}
