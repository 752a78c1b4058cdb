package dev.newsbatch.app.rest;

import dev.newsbatch.BatchRun;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.Batches;
import dev.newsbatch.JobStatus;
import dev.newsbatch.Jobs;
import dev.newsbatch.Results;
import dev.newsbatch.FetchOptions;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers of the route table: each parses its input, makes one SDK call and renders the answer.
 * All share one {@link Jobs} handle on the batch directory, closed with the server.
 *
 * <pre>{@code
 * post("/batch/submit-contents", endpoints::submitContents);
 * }</pre>
 */
final class BatchEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchEndpoints.class);

    /**
     * Submissions prepared and sent at once, each on a thread of its own pool: one fewer than the
     * processors, at least one. Preparing, uploading and recording a run keep a processor busy, so
     * with every processor submitting the status route (answered from memory) would wait its turn for
     * one; this way it always keeps one.
     */
    static final int SUBMITTING_AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    private final ApiSettings settings;
    private final UrlPolicy urls;
    private final FetchOptions fetching;
    private final String connection;
    private final Jobs jobs;
    private final StatusCache statuses;
    private final ExecutorService refresher;
    /** Prepares and sends submissions, in the order they came; no Jetty thread waits for one. */
    private final ExecutorService submitting;
    /** Waits for the runs submitted with {@code wait_for_completion} (mostly asleep between polls). */
    private final ExecutorService awaiting;

    BatchEndpoints(ApiSettings settings, String connection) {
        this.settings = settings;
        this.urls = settings.allowPrivateUrls() ? UrlPolicy.allowingPrivate() : UrlPolicy.publicOnly();
        this.fetching = FetchOptions.ofDefaults().allowLoopback(settings.allowPrivateUrls())
                .allowPrivateNetworks(settings.allowPrivateUrls());
        this.connection = connection;
        this.jobs = Jobs.open(settings.directory());
        this.refresher = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "newsbatch-status-refresh");
            t.setDaemon(true);
            return t;
        });
        this.statuses = new StatusCache(jobs::status, BatchEndpoints::statusBody, Duration.ofSeconds(1), refresher);
        this.submitting = Executors.newFixedThreadPool(SUBMITTING_AT_ONCE, daemon("newsbatch-submit"));
        this.awaiting = Executors.newCachedThreadPool(daemon("newsbatch-await"));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    void health(Context ctx) {
        send(ctx, ResponseBodies.health(connection));
    }

    void submit(Context ctx) {
        Submission s = RequestBodies.urls(RequestBodies.read(ctx, settings.maxBodyBytes()), urls);
        run(ctx, s, () -> s.classifying(Batches.fromUrls(s.urls(), fetching)));
    }

    void submitContents(Context ctx) {
        Submission s = RequestBodies.contents(RequestBodies.read(ctx, settings.maxBodyBytes()));
        run(ctx, s, () -> s.classifying(Batches.from(s.articles())));
    }

    /** {@code POST /batch/submit-bigquery}: the table is read on the submitting pool, not on a Jetty thread. */
    void submitBigQuery(Context ctx) {
        TableSubmission t = RequestBodies.table(RequestBodies.read(ctx, settings.maxBodyBytes()));
        Submission s = t.submission();
        run(ctx, s, () -> s.classifying(Batches.fromBigQuery(t.table().uri(), t.columns())));
    }

    /** {@code POST /batch/runs/{batch_name}/results/bigquery}: replaces a table with the run's typed rows. */
    void exportBigQuery(Context ctx) {
        BatchRun<?> run = knownRun(ctx);
        dev.newsbatch.BigQueryTable table = RequestBodies.bigQueryTable(
                RequestBodies.read(ctx, settings.maxBodyBytes()), "table");
        ctx.future(() -> CompletableFuture.supplyAsync(() -> run.collect().toBigQuery(table.uri()), submitting)
                .thenAccept(rows -> send(ctx, ResponseBodies.exported(run.state(), table.uri(), rows))));
    }

    /**
     * Answered from memory: the status route waits neither for Gemini nor for the ledger once a job is known
     * (and then {@link CachedStatusHandler} answers ahead of the route). The body is rendered once per state.
     */
    void status(Context ctx) throws IOException {
        CachedStatusHandler.write(ctx.res(), statuses.answer(jobId(ctx)).body());
    }

    /** The handler that answers the status of known jobs ahead of the route table, from the same answers. */
    CachedStatusHandler cachedStatusHandler(AccessGuard guard) {
        return new CachedStatusHandler(statuses, guard);
    }

    /** Unknown jobs (404) and unfinished ones (409) are answered by {@link ErrorMapper}. */
    void results(Context ctx) {
        String jobId = jobId(ctx);
        String name = RequestBodies.checkName(ctx.pathParam("batch_name"));
        Results<?> r = jobs.resultsAsRecorded(jobId);
        Results<?> saved = name.equals(r.name()) ? Batches.resumeRecorded(name, settings.directory()).collect() : r;
        saved.toJson(settings.directory().resolve("results_" + name + ".json"));
        send(ctx, ResponseBodies.results(jobId, name, r));
    }

    /** {@code GET /batch/runs/{batch_name}/results}: every result of a run so far, with its state. */
    void runResults(Context ctx) {
        BatchRun<?> run = knownRun(ctx);
        dev.newsbatch.RunStatus state = run.state();
        Results<?> r = run.collect();
        if (state.isFinished()) {
            r.save(settings.directory());
        }
        send(ctx, ResponseBodies.runResults(state, r));
    }

    /** {@code POST /batch/runs/{batch_name}/retry}: sends the run's failed articles once more. */
    void retry(Context ctx) {
        BatchRun<?> run = knownRun(ctx);
        int queued = run.retryFailed();
        send(ctx, ResponseBodies.retried(run.state(), queued));
    }

    private BatchRun<? extends Record> knownRun(Context ctx) {
        String name = RequestBodies.checkName(ctx.pathParam("batch_name"));
        if (Batches.runs(settings.directory()).stream().noneMatch(r -> r.runId().equals(name))) {
            throw RequestRejected.notFound("batch_name", "no run named \"" + name + "\" in the batch directory; "
                    + "GET /batch/jobs lists the runs that have jobs");
        }
        return Batches.resumeRecorded(name, settings.directory());
    }

    void jobs(Context ctx) {
        send(ctx, ResponseBodies.jobs(jobs.list()));
    }

    /** {@code GET /models[?live=true]}: the model catalogue, merged with the endpoint's models.list when live. */
    void models(Context ctx) {
        String live = ctx.queryParam("live");
        boolean merge;
        if (live == null || live.isBlank() || live.equalsIgnoreCase("false")) {
            merge = false;
        } else if (live.equalsIgnoreCase("true")) {
            merge = true;
        } else {
            throw RequestRejected.badField("live", "live must be true or false, was \""
                    + (live.length() > 40 ? live.substring(0, 40) + "…" : live) + "\"");
        }
        send(ctx, ModelList.json(merge ? Batches.liveModels() : Batches.models(), merge));
    }

    /**
     * Answers asynchronously: the run is prepared and sent on {@link #submitting} (a run waited for is
     * then followed on {@link #awaiting}), so the request's Jetty thread goes back to the pool at once
     * and however many submissions wait, the status route finds a thread.
     */
    private void run(Context ctx, Submission s, Supplier<BatchSpec<? extends Record>> spec) {
        ctx.future(() -> {
            CompletableFuture<BatchRun<? extends Record>> sent = CompletableFuture.supplyAsync(
                    () -> submit(s, spec.get()), submitting);
            CompletableFuture<Object> answer = s.waitForCompletion()
                    ? sent.thenApplyAsync(run -> answer(run.await(run.spec().deadline(), p -> LOG.debug("{}", p)), s),
                            awaiting)
                    : sent.thenApply(run -> answer(run, s));
            return answer.thenAccept(body -> send(ctx, body));
        });
    }

    private <T extends Record> BatchRun<T> submit(Submission s, BatchSpec<T> spec) {
        BatchSpec<T> named = s.batchName() == null ? spec : spec.name(s.batchName());
        try {
            return s.settings().apply(named).directory(settings.directory())
                    .pollInterval(settings.pollInterval()).submit();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("thinking")) {
                throw RequestRejected.badField("thinking", message);
            }
            throw e;
        }
    }

    private Object answer(BatchRun<?> run, Submission s) {
        return ResponseBodies.submitted(run, jobs, settings.directory(), s);
    }

    /** Writes {@code body} as JSON with secrets, such as the user information of URLs, redacted. */
    private static void send(Context ctx, Object body) {
        ctx.contentType("application/json").result(Secrets.redact(ctx.jsonMapper().toJsonString(body, body.getClass())));
    }

    /** A status answer's body, rendered once per state seen: JSON with secrets redacted. */
    private static byte[] statusBody(JobStatus s) {
        return Secrets.redact(ResponseBodies.status(s).toString()).getBytes(StandardCharsets.UTF_8);
    }

    private static String jobId(Context ctx) {
        String id = ctx.pathParam("job_id");
        if (!Jobs.isGeminiJobId(id)) {
            throw RequestRejected.badField("job_id", "job_id must look like batches/<id> (1-128 letters, digits, '_' "
                    + "or '-'), was \"" + (id.length() > 60 ? id.substring(0, 60) + "…\" (" + id.length() + " characters)"
                    : id + "\""));
        }
        return id;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        submitting.shutdownNow();
        awaiting.shutdownNow();
        jobs.close();
    }

    @Override
    public String toString() {
        return "BatchEndpoints[" + settings.directory() + ", " + urls + "]";
    }
}
