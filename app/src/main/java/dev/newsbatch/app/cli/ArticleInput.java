package dev.newsbatch.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The articles file of a command, where {@code -} means standard input: what arrives there is copied to
 * a private temporary file ({@code stdin.json}, {@code stdin.jsonl}, {@code stdin.csv} with
 * {@code --format}, else {@code stdin}, its format sniffed from the first bytes) that the usual file
 * readers then check and read, so problems are reported by line as for any file.
 *
 * <pre>{@code
 * @Mixin ArticleInput input;          // [--format json|jsonl|csv]
 * Batches.from(input.path(file));     // file may be "-"
 * }</pre>
 */
final class ArticleInput {
    /** The formats {@code --format} names. */
    enum Format { json, jsonl, csv }

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Format of the articles: json, jsonl or csv (default: from the file name, or sniffed "
                    + "from the first bytes; needed only for odd names or standard input, `-`).")
    Format format;

    @Option(names = "--columns", paramLabel = "FIELD=COLUMN", split = ",",
            description = "For a BigQuery table (bq://project.dataset.table): the table's column for an article "
                    + "field (id, title, contents, url), e.g. --columns id=story_id,contents=body; unmapped fields "
                    + "read the column of their own name.")
    java.util.Map<String, String> columns;

    /**
     * The spec over {@code input}: a BigQuery table for {@code bq://project.dataset.table} (read through
     * the BigQuery client, columns mapped by {@code --columns}), else a file ({@code -}: standard input).
     */
    dev.newsbatch.BatchSpec<dev.newsbatch.schema.NewsClassification> spec(String input) {
        if (input.startsWith("bq://")) {
            if (format != null) {
                throw new IllegalArgumentException("--format is for files; " + input + " is a BigQuery table");
            }
            return dev.newsbatch.Batches.fromBigQuery(input, columns == null ? java.util.Map.of() : columns);
        }
        if (columns != null) {
            throw new IllegalArgumentException("--columns is for a BigQuery table (bq://project.dataset.table), "
                    + "was given with the file " + input);
        }
        return dev.newsbatch.Batches.from(path(Path.of(input)));
    }

    /** {@code file}, or for {@code -} a temporary copy of standard input named for the format. */
    Path path(Path file) {
        return path(file, System.in);
    }

    Path path(Path file, InputStream stdin) {
        if (!"-".equals(file.toString())) {
            if (format != null && !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + format)) {
                return copy(file, format);
            }
            return file;
        }
        try {
            return temporaryCopy(stdin, dev.newsbatch.InputProblem.STDIN_COPY_PREFIX,
                    format == null ? "stdin" : "stdin." + format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the articles from standard input: " + e.getMessage(), e);
        }
    }

    /** A file whose name does not say the format given: read through a copy named for it. */
    private static Path copy(Path file, Format format) {
        if (!Files.isRegularFile(file)) {
            return file;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return temporaryCopy(in, "newsbatch-input-", file.getFileName() + "." + format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code in} copied to a file {@code name} in a new temporary directory, both removed when the JVM
     * exits. The directory is registered first: the JVM deletes in the reverse order, so the file goes
     * before the directory that holds it.
     */
    private static Path temporaryCopy(InputStream in, String dirPrefix, String name) throws IOException {
        Path dir = Files.createTempDirectory(dirPrefix);
        dir.toFile().deleteOnExit();
        Path copy = dir.resolve(name);
        copy.toFile().deleteOnExit();
        Files.copy(in, copy);
        return copy;
    }
}
