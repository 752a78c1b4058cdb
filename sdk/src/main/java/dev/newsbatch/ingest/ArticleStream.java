package dev.newsbatch.ingest;

import dev.newsbatch.InvalidInputException;
import dev.newsbatch.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Articles read one at a time from a file, for inputs too large to hold in memory. Close it when done.
 * Iteration stops with an {@link InvalidInputException} at the first bad record; run
 * {@link ArticleFiles#check(Path)} first to list every problem of a file.
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
    private long read;

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
        return new Iterator<>() {
            private Article next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = pull();
                }
                return next != null;
            }

            @Override
            public Article next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Article a = next;
                next = null;
                return a;
            }
        };
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

    @Override
    public void close() {
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
