package dev.newsbatch.ingest;

import dev.newsbatch.InputProblem;
import dev.newsbatch.InvalidInputException;
import dev.newsbatch.Article;
import dev.newsbatch.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads articles from files: a JSON array of {@code {"id","title","contents"[,"url"]}} objects (the original's
 * {@code batch_contents.json}), JSONL of the same objects, or CSV with a header row naming
 * {@code id,title,contents[,url]} in any order. The format follows the extension ({@code .json}, {@code .jsonl},
 * {@code .ndjson}, {@code .csv}), else the content ({@link InputFormat#detect}).
 *
 * <p>Rules: the file is UTF-8 and holds at least one article; id, title and contents are present, strings (a
 * whole-number JSON id counts as its text) and not empty ({@link ArticleText}: whitespace, no-break spaces and
 * zero-width characters alone count as empty); no text has a lone surrogate or a NUL character; {@code url} is
 * optional but must be an absolute http(s) URL; ids are unique; a CSV header names each field once; other
 * fields are ignored. Every problem is reported with file, line (and element index for JSON arrays) and field, all at once.
 *
 * <pre>{@code
 * List<Article> articles = ArticleFiles.readAll(Path.of("batch_contents.json"));
 * List<InputProblem> problems = ArticleFiles.check(Path.of("big.jsonl"));   // one streaming pass
 * }</pre>
 */
public final class ArticleFiles {
    private ArticleFiles() {}

    /**
     * Every article of {@code file}.
     *
     * @throws InvalidInputException listing every problem, if there is any
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<Article> readAll(Path file) {
        List<Article> articles = new ArrayList<>();
        List<InputProblem> problems = scan(file, articles);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return articles;
    }

    /**
     * Every problem of {@code file}, found in one streaming pass that keeps no articles in memory;
     * empty when the file is valid.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<InputProblem> check(Path file) {
        return scan(file, null);
    }

    /**
     * Opens {@code file} for streaming; memory use does not grow with the file's size, except for the ids
     * seen, kept to find duplicates as compact fingerprints (at most about 50 bytes an article).
     *
     * @throws UncheckedIOException if the file cannot be opened
     */
    public static ArticleStream stream(Path file) {
        Checks.notNull(file, "file");
        InputFormat format = InputFormat.detect(file);
        ProblemLog log = new ProblemLog(file);
        return new ArticleStream(file, format, open(file, format, log), validator(format, log), log);
    }

    private static List<InputProblem> scan(Path file, List<Article> sink) {
        Checks.notNull(file, "file");
        InputFormat format = InputFormat.detect(file);
        ProblemLog log = new ProblemLog(file);
        ArticleValidator validator = validator(format, log);
        try (RecordSource source = open(file, format, log)) {
            RawRecord r;
            while ((r = source.next()) != null) {
                Article a = validator.toArticle(r);
                if (a != null && sink != null) {
                    sink.add(a);
                }
            }
            validator.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return log.all();
    }

    private static ArticleValidator validator(InputFormat format, ProblemLog log) {
        return new ArticleValidator(log).lineBased(format != InputFormat.JSON_ARRAY);
    }

    private static RecordSource open(Path file, InputFormat format, ProblemLog log) {
        try {
            InputStream in = Files.newInputStream(file);
            if (format == InputFormat.JSONL) {
                return new JsonLinesSource(in, log);   // cut into lines and parsed from the bytes
            }
            StrictUtf8Reader reader = new StrictUtf8Reader(in, log);
            return format == InputFormat.JSON_ARRAY ? new JsonArraySource(reader, log) : new CsvSource(reader, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }
}
