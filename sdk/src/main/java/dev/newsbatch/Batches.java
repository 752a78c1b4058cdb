package dev.newsbatch;

import dev.newsbatch.internal.ArticleSource;
import dev.newsbatch.internal.Checks;
import dev.newsbatch.internal.RunService;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        return RunService.get().read(existing(file));
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
        return BatchSpec.of(RunService.get().file(existing(file)));
    }

    /**
     * A spec over the rows of a BigQuery table with columns {@code id}, {@code title}, {@code contents}
     * (and optionally {@code url}). The rows are read now, once, through the official BigQuery client with
     * Application Default Credentials, and checked like a file (problems name the table and the row).
     *
     * <pre>{@code
     * Batches.fromBigQuery("bq://my-project.news.articles").vertex("my-project", "us-central1", "gs://b/p").submit();
     * }</pre>
     *
     * @throws InvalidInputException    listing every problem (row, field) if the rows are not valid articles
     * @throws IllegalArgumentException if the name is not {@code bq://project.dataset.table} or a column is missing
     */
    public static BatchSpec<NewsClassification> fromBigQuery(String table) {
        return fromBigQuery(table, Map.of());
    }

    /**
     * A spec over the rows of a BigQuery table whose columns have other names: {@code columns} maps an
     * article field ({@code id}, {@code title}, {@code contents}, {@code url}) to the table's column, e.g.
     * {@code Map.of("id", "story_id", "contents", "body")}; a field not mapped reads the column of its name.
     */
    public static BatchSpec<NewsClassification> fromBigQuery(String table, Map<String, String> columns) {
        Checks.notNull(columns, "columns");
        return BatchSpec.of(RunService.get().bigQuery(BigQueryTable.parse(table), Map.copyOf(columns)));
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
        return BatchSpec.of(RunService.get().urls(urls, options));
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
        Checks.notNull(urlList, "urlList");
        return BatchSpec.of(RunService.get().urlList(urlList, options));
    }

    /** Re-attaches to a run recorded in the {@linkplain #defaultDirectory() default directory}. */
    public static BatchRun<NewsClassification> resume(String runId) {
        return resume(runId, defaultDirectory(), NewsClassification.class);
    }

    /**
     * Re-attaches to a run recorded in {@code directory}, classifying into {@code type}, with the
     * settings recorded when it was submitted.
     *
     * @throws RunNotFoundException if the ledger has no such run
     */
    public static <T extends Record> BatchRun<T> resume(String runId, Path directory, Class<T> type) {
        Checks.notBlank(runId, "runId");
        Checks.notNull(directory, "directory");
        Checks.notNull(type, "type");
        RunConfig recorded = RunService.get().config(directory, runId);
        return new BatchRun<>(BatchSpec.of(ArticleSource.of(List.of()), ClassificationSchema.of(type), recorded), runId);
    }

    /**
     * Re-attaches to a run recorded in {@code directory}, classifying into {@code schema} (one given as
     * JSON, say), with the settings recorded when it was submitted.
     *
     * @throws RunNotFoundException if the ledger has no such run
     */
    public static <T extends Record> BatchRun<T> resume(String runId, Path directory, ClassificationSchema<T> schema) {
        Checks.notBlank(runId, "runId");
        Checks.notNull(directory, "directory");
        Checks.notNull(schema, "schema");
        RunConfig recorded = RunService.get().config(directory, runId);
        return new BatchRun<>(BatchSpec.of(ArticleSource.of(List.of()), schema, recorded), runId);
    }

    /**
     * Re-attaches to a run recorded in {@code directory} with the schema recorded with it: a schema
     * given as JSON rebuilds its {@link dev.newsbatch.schema.Answer} rows in any process; a record type
     * needs its class on the class path (else the rows read as the news record).
     *
     * <pre>{@code
     * BatchRun<?> run = Batches.resumeRecorded("topics", Path.of("batch_jobs"));
     * run.collect().toCsv(Path.of("topics.csv"));   // the schema's own columns
     * }</pre>
     *
     * @throws RunNotFoundException if the ledger has no such run
     */
    public static BatchRun<? extends Record> resumeRecorded(String runId, Path directory) {
        Checks.notBlank(runId, "runId");
        Checks.notNull(directory, "directory");
        RunConfig recorded = RunService.get().config(directory, runId);
        return new BatchRun<>(BatchSpec.of(ArticleSource.of(List.of()), recorded.classificationSchema(), recorded),
                runId);
    }

    /** Runs recorded in the {@linkplain #defaultDirectory() default directory}, newest first. */
    public static List<RunInfo> runs() {
        return runs(defaultDirectory());
    }

    /** Runs recorded in {@code directory}, newest first. */
    public static List<RunInfo> runs(Path directory) {
        Checks.notNull(directory, "directory");
        return RunService.get().runs(directory);
    }

    /**
     * Where runs send their Gemini calls, as the environment decides it; connects to nothing.
     * Default (no key, no endpoint set): {@link GeminiEndpoint#EMBEDDED_EMULATOR}.
     */
    public static GeminiEndpoint endpoint() {
        return RunService.get().endpoint();
    }

    /**
     * The models newsbatch knows, from its dated catalogue (no I/O): status with dates and
     * replacement, limits, thinking, prices. The default model is {@link RunConfig#DEFAULT_MODEL}.
     *
     * <pre>{@code
     * Batches.models().stream().filter(m -> m.status().isServed() && m.batch()).toList();
     * }</pre>
     */
    public static List<ModelInfo> models() {
        return RunService.get().models(false);
    }

    /**
     * The catalogue merged with the live {@code models.list} of the endpoint ({@link #endpoint()}):
     * models only the API lists are marked {@link ModelInfo.Origin#LIVE}, models only the catalogue
     * lists {@link ModelInfo.Origin#CATALOGUE}.
     */
    public static List<ModelInfo> liveModels() {
        return RunService.get().models(true);
    }

    /** The date the bundled model catalogue (models, prices, limits) was last checked, e.g. {@code 2026-12-01}. */
    public static String catalogueDate() {
        return dev.newsbatch.internal.ModelCatalog.defaults().asOf();
    }

    /** The news classification schema, the default of every spec. */
    public static ClassificationSchema<NewsClassification> newsSchema() {
        return ClassificationSchema.news();
    }

    private static Path existing(Path file) {
        Checks.notNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file " + file + " does not exist or is not a regular file");
        }
        return file;
    }
}
