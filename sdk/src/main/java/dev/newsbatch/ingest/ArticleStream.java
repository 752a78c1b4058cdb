package dev.newsbatch.ingest;

import dev.newsbatch.Article;
import dev.newsbatch.InvalidInputException;
import dev.newsbatch.internal.ReadAhead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Articles read one at a time from a file, for inputs too large to hold in memory. Close it when done.
 * Iteration stops with an {@link InvalidInputException} at the first bad record; run
 * {@link ArticleFiles#check(Path)} first to list every problem of a file. The file is read and parsed on
 * a thread of its own, a few batches of articles ahead of the consumer (see {@link ReadAhead}), and closed
 * when read to its end or on the first problem.
 *
 * <pre>{@code
 * try (ArticleStream articles = ArticleFiles.stream(Path.of("big.jsonl"))) {
 *     for (Article a : articles) { ... }
 * }
 * }</pre>
 */
public final class ArticleStream implements Iterable<Article>, AutoCloseable {
    private final Path file;
    private final InputFormat format;
    private final RecordSource source;
    private final ArticleValidator validator;
    private final ProblemLog log;
    private boolean iterated;
    /** Reads the articles on a thread of its own, a few batches ahead; null until {@link #iterator()}. */
    private ReadAhead<Article> readAhead;
    /** Articles read so far (by the reading thread). */
    private volatile long read;

    ArticleStream(Path file, InputFormat format, RecordSource source, ArticleValidator validator, ProblemLog log) {
        this.file = file;
        this.format = format;
        this.source = source;
        this.validator = validator;
        this.log = log;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** The file's format. */
    public InputFormat format() {
        return format;
    }

    /**
     * The articles; can be called once.
     *
     * @throws IllegalStateException on a second call
     */
    @Override
    public Iterator<Article> iterator() {
        if (iterated) {
            throw new IllegalStateException("iterator() can be called once per ArticleStream");
        }
        iterated = true;
        readAhead = ReadAhead.start("newsbatch-read-" + file.getFileName(), this::pull,
                a -> a.title().length() + a.contents().length(), this::closeSource);
        return readAhead;
    }

    /** The articles as a sequential {@link Stream}; closing the stream closes this. */
    public Stream<Article> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    private Article pull() {
        try {
            RawRecord r = source.next();
            Article a = null;
            if (r == null) {
                validator.finish();
            } else {
                a = validator.toArticle(r);
            }
            if (log.size() > 0) {
                throw new InvalidInputException(log.all());
            }
            if (a != null) {
                read++;
            }
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Stops reading; the file is closed once the reading thread has stopped (at once if none was started). */
    @Override
    public void close() {
        if (readAhead != null) {
            readAhead.close();
        } else {
            closeSource();
        }
    }

    private void closeSource() {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    @Override
    public String toString() {
        return "ArticleStream[file=" + file + ", format=" + format + ", read=" + read + "]";
    }
}
