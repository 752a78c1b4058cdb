package dev.newsbatch;

import java.nio.file.Path;

/**
 * One problem found in an input file: where it is (file, line, element index) and what is wrong.
 *
 * <pre>{@code
 * InputProblem p = new InputProblem(Path.of("articles.jsonl"), 17, 16, "contents", "is missing");
 * p.toString();   // articles.jsonl line 17: field "contents" is missing
 * }</pre>
 *
 * @param file    the input file
 * @param line    1-based line number, or -1 when unknown
 * @param index   0-based element or record index, or -1 when unknown or not applicable
 * @param field   the field concerned, or {@code null} when the problem is not about one field
 * @param message what is wrong, e.g. {@code is missing} or {@code must be a string, was 3.5}
 */
public record InputProblem(Path file, long line, long index, String field, String message) {
    /**
     * How the directory of a temporary copy of standard input starts: a file in such a directory is
     * named {@code stdin} in messages, not by its temporary path.
     */
    public static final String STDIN_COPY_PREFIX = "newsbatch-stdin-";
    /**
     * How the directory of a copy of a BigQuery table's rows starts: a file {@code project.dataset.table.jsonl}
     * in such a directory is named {@code bq://project.dataset.table} in messages, and its lines are rows.
     */
    public static final String BIGQUERY_COPY_PREFIX = "newsbatch-bigquery-";

    public InputProblem {
        dev.newsbatch.internal.Checks.notNull(file, "file");
        dev.newsbatch.internal.Checks.notBlank(message, "message");
    }

    /** The file as a message's heading names it: its path, or {@code stdin} for a copy of standard input. */
    public String fileShown() {
        Path dir = file.getParent();
        Path dirName = dir == null ? null : dir.getFileName();
        if (dirName != null && dirName.toString().startsWith(STDIN_COPY_PREFIX)) {
            return "stdin";
        }
        return bigQueryCopy() ? "bq://" + file.getFileName().toString().replaceFirst("\\.jsonl$", "")
                : file.toString();
    }

    private boolean bigQueryCopy() {
        Path dir = file.getParent();
        Path dirName = dir == null ? null : dir.getFileName();
        return dirName != null && dirName.toString().startsWith(BIGQUERY_COPY_PREFIX);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        Path name = file.getFileName();
        boolean table = bigQueryCopy();
        s.append(table ? fileShown() : name == null ? file.toString() : name.toString());
        if (line >= 1) {
            s.append(table ? " row " : " line ").append(line);
        }
        if (index >= 0) {
            s.append(line >= 1 ? " (element " : " element ").append(index).append(line >= 1 ? ")" : "");
        }
        s.append(": ");
        if (field != null) {
            s.append("field \"").append(field).append("\" ");
        }
        return s.append(table ? message.replace(" on line ", " on row ") : message).toString();
    }
}
