package dev.newsbatch.internal.run;

import dev.newsbatch.InputProblem;
import dev.newsbatch.InvalidInputException;
import dev.newsbatch.ingest.ArticleFiles;
import dev.newsbatch.internal.ArticleSource;
import java.nio.file.Path;
import java.util.List;

/** A file of articles (JSON array, JSONL or CSV), checked whole when the source is made, streamed when opened. */
final class FileSource {
    private FileSource() {}

    /** @throws InvalidInputException listing every problem (file, line, field) if the file is invalid */
    static ArticleSource of(Path file) {
        List<InputProblem> problems = ArticleFiles.check(file);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return ArticleSource.of(() -> ArticleFiles.stream(file).iterator(), -1, "file=" + file.getFileName());
    }
}
