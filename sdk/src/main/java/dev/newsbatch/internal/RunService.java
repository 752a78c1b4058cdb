package dev.newsbatch.internal;

import dev.newsbatch.Article;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.Estimate;
import dev.newsbatch.FetchOptions;
import dev.newsbatch.GeminiEndpoint;
import dev.newsbatch.ModelInfo;
import dev.newsbatch.Results;
import dev.newsbatch.RunConfig;
import dev.newsbatch.RunInfo;
import dev.newsbatch.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * What the API package asks of the implementation below it: reading inputs, planning, and driving
 * runs and jobs. The API sees only this interface; the one implementation is found with
 * {@link ServiceLoader} (registered in {@code META-INF/services}), so no API type imports the
 * orchestration.
 */
public interface RunService {

    /** The implementation on the class path. */
    static RunService get() {
        return Loaded.INSTANCE;
    }

    /** Reads a file of articles into a list. */
    List<Article> read(Path file);

    /** A source over a checked file of articles, streamed when opened. */
    ArticleSource file(Path file);

    /** A source over the rows of a BigQuery table, {@code columns} mapping article fields to its columns. */
    ArticleSource bigQuery(dev.newsbatch.BigQueryTable table, java.util.Map<String, String> columns);

    /**
     * Replaces a BigQuery table with {@code rows} (one JSON value a column, in the order of {@code columns});
     * returns the rows written.
     */
    long writeBigQuery(dev.newsbatch.BigQueryTable table, List<ParquetFile.Column> columns,
                       List<List<com.fasterxml.jackson.databind.JsonNode>> rows);

    /** A source over URLs fetched and extracted when opened. */
    ArticleSource urls(List<String> urls, FetchOptions options);

    /** A source over the URLs of a URL list file. */
    ArticleSource urlList(Path file, FetchOptions options);

    /** The spec's plan as an estimate. */
    Estimate estimate(BatchSpec<?> spec, ArticleSource source);

    /** Records and submits a run; returns its id. */
    String submit(BatchSpec<?> spec, ArticleSource source);

    /** A ledger snapshot of a run. */
    RunStatus state(RunConfig config, String runId);

    /** Polls Gemini once for the run's jobs. */
    RunStatus refresh(BatchSpec<?> spec, String runId);

    /** Works on the run until it is finished or {@code timeout} passes. */
    RunStatus await(BatchSpec<?> spec, String runId, Duration timeout, Consumer<RunStatus> onProgress);

    /**
     * Queues the run's failed articles whose error may pass when sent again, once more whatever their
     * attempt count, reopens the run and (in batch mode) sends what the quota allows now; returns how
     * many were queued.
     */
    int retryFailed(BatchSpec<?> spec, String runId);

    /** Cancels the run's jobs. */
    RunStatus cancel(BatchSpec<?> spec, String runId);

    /** The run's stored results. */
    <T extends Record> Results<T> collect(BatchSpec<T> spec, String runId);

    /** The settings recorded with a run, schema type aside (the caller names it). */
    RunConfig config(Path directory, String runId);

    /** Runs recorded in a directory, newest first. */
    List<RunInfo> runs(Path directory);

    /** Where Gemini calls go, as the environment decides it. */
    GeminiEndpoint endpoint();

    /** The model catalogue; with {@code live}, merged with the endpoint's {@code models.list}. */
    List<ModelInfo> models(boolean live);

    /** Job-level operations over a directory's ledger; close it after use. */
    JobService jobs(Path directory);

    /** The loaded implementation, found once. */
    final class Loaded {
        static final RunService INSTANCE = ServiceLoader.load(RunService.class, RunService.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + RunService.class.getName()
                        + " implementation on the class path: the newsbatch sdk jar is incomplete"));

        private Loaded() {}
    }
}
