package dev.newsbatch;

import dev.newsbatch.ingest.ArticleFiles;
import dev.newsbatch.ingest.ArticleStream;
import dev.newsbatch.ingest.FetchOptions;
import dev.newsbatch.ingest.InputProblem;
import dev.newsbatch.ingest.InvalidInputException;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.NewsClassification;
import dev.newsbatch.store.Ledger;
import dev.newsbatch.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The front door of newsbatch: start a classification run from articles, a file or URLs, and find
 * runs again later. Every factory returns an immutable {@link BatchSpec}; nothing is sent until
 * {@link BatchSpec#submit()}.
 *
 * <p>With no {@code GOOGLE_API_KEY} set, runs go to the embedded Gemini emulator, so everything
 * works offline.
 *
 * <pre>{@code
 * Results<NewsClassification> r = Batches.from(articles).model("gemini-2.5-flash").tier1().waves()
 *         .submit().await().collect();
 * Batches.runs();                          // runs recorded in ./batch_jobs
 * Batches.resume("october").await();       // pick a run up again in a new session
 * }</pre>
 */
public final class Batches {
    private Batches() {}

    /**
     * The batch directory used when a spec names none: the system property {@code newsbatch.dir}, else
     * the environment variable {@code NEWSBATCH_DIR}, else {@code ./batch_jobs}.
     */
    public static Path defaultDirectory() {
        String dir = System.getProperty("newsbatch.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("NEWSBATCH_DIR");
        }
        return Path.of(dir == null || dir.isBlank() ? "batch_jobs" : dir);
    }

    /**
     * Reads a file of articles (JSON array, JSONL or CSV) into a list.
     *
     * @throws InvalidInputException listing every problem (file, line, field) if the file is invalid
     */
    public static List<Article> read(Path file) {
        Checks.notNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file " + file + " does not exist or is not a regular file");
        }
        return ArticleFiles.readAll(file);
    }

    /** A spec over a list of articles (copied). */
    public static BatchSpec<NewsClassification> from(List<Article> articles) {
        Checks.notNull(articles, "articles");
        for (int i = 0; i < articles.size(); i++) {
            if (articles.get(i) == null) {
                throw new IllegalArgumentException("articles[" + i + "] must not be null");
            }
        }
        return BatchSpec.of(ArticleSource.of(articles));
    }

    /** A spec over the given articles. */
    public static BatchSpec<NewsClassification> from(Article... articles) {
        return from(List.of(articles));
    }

    /**
     * A spec over a file of articles: a JSON array of {@code {"id","title","contents"}}, JSONL of the
     * same objects, or CSV with a header. The file is checked now and streamed at submission.
     *
     * @throws InvalidInputException listing every problem (file, line, field) if the file is invalid
     * @throws IllegalArgumentException if the file does not exist
     */
    public static BatchSpec<NewsClassification> from(Path file) {
        Checks.notNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file " + file + " does not exist or is not a regular file");
        }
        List<InputProblem> problems = ArticleFiles.check(file);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long[] count = {-1};
        return BatchSpec.of(ArticleSource.of(() -> open(file), count[0], "file=" + file.getFileName()));
    }

    /**
     * A spec over a stream of articles. The stream is read once, at the first submission or
     * estimate, and collected; use {@link #from(Path)} for inputs larger than memory.
     */
    public static BatchSpec<NewsClassification> from(Stream<Article> articles) {
        Checks.notNull(articles, "articles");
        return from(articles.toList());
    }

    /**
     * A spec over news pages: each URL is fetched (politely, concurrently) and its article text
     * extracted at submission. Pages that cannot be fetched become {@link ErrorKind#FETCH_FAILED}
     * errors in the results.
     */
    public static BatchSpec<NewsClassification> fromUrls(List<String> urls) {
        return fromUrls(urls, FetchOptions.ofDefaults());
    }

    /**
     * A spec over news pages fetched with {@code options} (concurrency, timeouts, robots.txt, and
     * whether private or loopback addresses are allowed).
     *
     * @throws InvalidInputException naming every URL that is not http or https
     */
    public static BatchSpec<NewsClassification> fromUrls(List<String> urls, FetchOptions options) {
        return BatchSpec.of(UrlSource.of(urls, options));
    }

    /**
     * A spec over a URL list file: one URL per line, blank lines and {@code #} comments ignored.
     *
     * @throws InvalidInputException naming every bad line
     */
    public static BatchSpec<NewsClassification> fromUrls(Path urlList) {
        return fromUrls(urlList, FetchOptions.ofDefaults());
    }

    /** A spec over a URL list file, fetched with {@code options}. */
    public static BatchSpec<NewsClassification> fromUrls(Path urlList, FetchOptions options) {
        return BatchSpec.of(UrlSource.of(urlList, options));
    }

    /** Re-attaches to a run recorded in the {@linkplain #defaultDirectory() default directory}. */
    public static BatchRun<NewsClassification> resume(String runId) {
        return resume(runId, defaultDirectory(), NewsClassification.class);
    }

    /**
     * Re-attaches to a run recorded in {@code directory}, classifying into {@code type}.
     *
     * @throws IllegalArgumentException if the ledger has no such run
     */
    public static <T extends Record> BatchRun<T> resume(String runId, Path directory, Class<T> type) {
        Checks.notBlank(runId, "runId");
        Checks.notNull(directory, "directory");
        Checks.notNull(type, "type");
        RunRecord run;
        try (Ledger ledger = Ledger.open(directory)) {
            run = ledger.run(runId).orElseThrow(() -> new IllegalArgumentException("runId " + runId
                    + " is not in the ledger " + ledger.file() + "; known runs: "
                    + ledger.runs().stream().map(RunRecord::runId).limit(10).toList()));
        }
        RunMode mode = RunMode.valueOf(run.mode().toUpperCase(Locale.ROOT));
        BatchSpec<T> spec = BatchSpec.of(ArticleSource.of(List.of())).classifyInto(type)
                .model(run.model()).mode(mode).name(runId).directory(directory);
        String prompt = setting(run, "template");
        String system = setting(run, "systemInstruction");
        int batchSize = Integer.parseInt(setting(run, "batchSize") == null ? "1000" : setting(run, "batchSize"));
        if (prompt != null) {
            spec = spec.prompt(prompt);
        }
        if (system != null) {
            spec = spec.systemInstruction(system);
        }
        spec = spec.batchSize(batchSize);
        if (setting(run, "tier") != null) {
            spec = spec.tier(setting(run, "tier"));
        }
        if (number(run, "rpm") > 0) {
            spec = spec.rpm((int) number(run, "rpm"));
        }
        if (number(run, "dailyCap") > 0) {
            spec = spec.dailyCap((int) number(run, "dailyCap"));
        }
        if (number(run, "budgetUsd") > 0) {
            spec = spec.budgetUsd(number(run, "budgetUsd"));
        }
        if (number(run, "maxAttempts") > 0) {
            spec = spec.maxAttempts((int) number(run, "maxAttempts"));
        }
        return new BatchRun<>(spec, runId);
    }

    /** Runs recorded in the {@linkplain #defaultDirectory() default directory}, newest first. */
    public static List<RunInfo> runs() {
        return runs(defaultDirectory());
    }

    /** Runs recorded in {@code directory}, newest first. */
    public static List<RunInfo> runs(Path directory) {
        Checks.notNull(directory, "directory");
        try (Ledger ledger = Ledger.open(directory)) {
            return ledger.runs().stream().map(r -> new RunInfo(r.runId(), r.name(),
                    RunMode.valueOf(r.mode().toUpperCase(Locale.ROOT)), r.model(), r.state(), r.createdAt(),
                    r.updatedAt())).toList();
        }
    }

    /** The news classification schema, the default of every spec. */
    public static ClassificationSchema<NewsClassification> newsSchema() {
        return ClassificationSchema.news();
    }

    private static Iterator<Article> open(Path file) {
        ArticleStream stream = ArticleFiles.stream(file);
        return stream.iterator();
    }

    private static double number(RunRecord run, String field) {
        String v = setting(run, field);
        try {
            return v == null ? 0 : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String setting(RunRecord run, String field) {
        return dev.newsbatch.engine.BatchEngine.settingsField(run.settings(), field);
    }
}
