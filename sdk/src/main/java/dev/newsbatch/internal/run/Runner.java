package dev.newsbatch.internal.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.Article;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.Estimate;
import dev.newsbatch.FetchOptions;
import dev.newsbatch.GeminiEndpoint;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.ItemError;
import dev.newsbatch.Results;
import dev.newsbatch.Row;
import dev.newsbatch.RunConfig;
import dev.newsbatch.RunInfo;
import dev.newsbatch.RunMode;
import dev.newsbatch.RunBusyException;
import dev.newsbatch.RunNotFoundException;
import dev.newsbatch.internal.Notices;
import dev.newsbatch.RunState;
import dev.newsbatch.RunStatus;
import dev.newsbatch.Usage;
import dev.newsbatch.display.ProgressBar;
import dev.newsbatch.internal.plan.AdmissionPolicy;
import dev.newsbatch.internal.engine.BatchEngine;
import dev.newsbatch.internal.engine.Rejected;
import dev.newsbatch.internal.engine.RunProgress;
import dev.newsbatch.internal.engine.RunSettings;
import dev.newsbatch.internal.engine.TrackingFile;
import dev.newsbatch.internal.engine.WaitOptions;
import dev.newsbatch.ingest.ArticleFiles;
import dev.newsbatch.internal.ArticleSource;
import dev.newsbatch.internal.JobService;
import dev.newsbatch.internal.RunService;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.internal.store.ItemCounts;
import dev.newsbatch.internal.store.ItemRecord;
import dev.newsbatch.internal.store.ItemState;
import dev.newsbatch.internal.store.Ledger;
import dev.newsbatch.internal.store.RunRecord;
import dev.newsbatch.internal.store.StoredConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The orchestration behind {@link BatchSpec#submit()}, {@link dev.newsbatch.BatchRun} and
 * {@link dev.newsbatch.Batches#resume(String)}: turns a run's {@link RunConfig} into engine, planning
 * and real-time calls, each over a {@link Session} opened for the call and closed after it.
 */
public final class Runner implements RunService {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Found by {@link java.util.ServiceLoader}; the API reaches it through {@link RunService#get()}. */
    public Runner() {}

    // ------------------------------------------------------------------ inputs

    @Override
    public List<Article> read(Path file) {
        return ArticleFiles.readAll(file);
    }

    @Override
    public ArticleSource file(Path file) {
        return FileSource.of(file);
    }

    @Override
    public ArticleSource bigQuery(dev.newsbatch.BigQueryTable table, java.util.Map<String, String> columns) {
        return BigQuerySource.of(table, columns, System.getenv());
    }

    @Override
    public long writeBigQuery(dev.newsbatch.BigQueryTable table, List<dev.newsbatch.internal.ParquetFile.Column> columns,
                              List<List<com.fasterxml.jackson.databind.JsonNode>> rows) {
        try (var tables = dev.newsbatch.internal.gemini.BigQueryTables.open(table.project(), System.getenv())) {
            return tables.replace(table, columns, rows);
        }
    }

    @Override
    public ArticleSource urls(List<String> urls, FetchOptions options) {
        return UrlSource.of(urls, options);
    }

    @Override
    public ArticleSource urlList(Path file, FetchOptions options) {
        return UrlSource.of(file, options);
    }

    // ------------------------------------------------------------------ runs

    @Override
    public Estimate estimate(BatchSpec<?> spec, ArticleSource source) {
        return Planning.estimate(spec.config(), source);
    }

    @Override
    public String submit(BatchSpec<?> spec, ArticleSource source) {
        RunConfig config = spec.config();
        Planning.admitModel(config);
        if (config.mode().isBatch() && !Planning.limits(config).hasBatch()) {
            throw new IllegalArgumentException("tier " + config.tier().key() + " has no Batch API access for "
                    + config.model() + "; use .realtime() or a paid tier (tier1, tier2, tier3)");
        }
        String runId = config.name() != null ? config.name() : RunIdentity.name(config, source);
        try (RunLock lock = RunLock.drive(config.directory(), runId); Session s = Session.open(config.directory(), config.vertex())) {
            return lock.step(() -> {
                RunIdentity.check(s.ledger, runId, config, source);
                RunSettings settings = Planning.settings(config.withName(runId), runId, s);
                List<ItemError> rejected = new ArrayList<>();
                s.engine().prepare(settings, source.open(rejected::add));
                s.engine().recordRejected(runId, rejected.stream().map(e -> new Rejected(
                        e.id(), e.title(), e.url(), e.kind().name(), e.message())).toList());
                if (config.mode().isBatch()) {
                    s.engine().submit(settings, Planning.admission(config));
                }
                return runId;
            });
        }
    }

    @Override
    public RunStatus state(RunConfig config, String runId) {
        try (Ledger ledger = Ledger.open(config.directory())) {
            RunRecord run = run(ledger, runId);
            return status(config, run, BatchEngine.progress(ledger, runId), ledger, false);
        }
    }

    @Override
    public int retryFailed(BatchSpec<?> spec, String runId) {
        RunConfig config = spec.config();
        try (RunLock lock = RunLock.drive(config.directory(), runId); Session s = Session.open(config.directory())) {
            return lock.step(() -> {
                run(s.ledger, runId);
                RunSettings settings = Planning.settings(config, runId, s);
                int queued = s.engine().resubmitFailed(settings, Integer.MAX_VALUE);
                if (queued > 0) {
                    s.ledger.runState(runId, dev.newsbatch.internal.store.RunState.ACTIVE);
                    if (config.mode().isBatch()) {
                        s.engine().submit(settings, Planning.admission(config));
                    }
                }
                return queued;
            });
        }
    }

    @Override
    public RunStatus refresh(BatchSpec<?> spec, String runId) {
        RunConfig config = spec.config();
        try (Session s = Session.open(config.directory(), config.vertex())) {
            RunRecord run = run(s.ledger, runId);
            RunProgress p = s.engine().poll(Planning.settings(config, runId, s));
            settle(s, runId, p);
            return status(config, s.ledger.run(runId).orElse(run), p, s.ledger, false);
        }
    }

    @Override
    public RunStatus await(BatchSpec<?> spec, String runId, Duration timeout, Consumer<RunStatus> onProgress) {
        RunConfig config = spec.config();
        Instant deadline = Instant.now().plus(timeout);
        RunLock lock;
        try {
            lock = RunLock.drive(config.directory(), runId);
        } catch (RunBusyException busy) {
            Notices.once("newsbatch: " + busy.getMessage() + "; watching the ledger meanwhile");
            return watch(config, runId, deadline, onProgress);
        }
        ProgressBar bar = onProgress == null ? ProgressBar.auto(System.out) : null;
        try (lock; Session s = Session.open(config.directory(), config.vertex())) {
            RunSettings settings = Planning.settings(config, runId, s);
            RunRecord run = run(s.ledger, runId);
            long waveBudget = config.mode() == RunMode.WAVES ? Planning.admission(config).seedBudget() : 0;
            Consumer<RunProgress> report = p -> {
                if (config.mode().isBatch()) {
                    TrackingFile.write(s.ledger, config.directory(), runId, waveBudget);
                }
                RunStatus now = status(config, run, p, s.ledger, true);
                if (bar != null) {
                    bar.update(runId, now.percent(), now.progress());
                } else {
                    onProgress.accept(now);
                }
            };
            if (!config.mode().isBatch()) {
                lock.step(() -> Realtime.run(config, settings, s, deadline, report));
            } else {
                AdmissionPolicy admission = Planning.admission(config);
                while (true) {
                    Duration left = Duration.between(Instant.now(), deadline);
                    if (left.isNegative()) {
                        break;
                    }
                    WaitOptions wait = WaitOptions.ofDefaults().initialInterval(config.pollInterval()).maxWait(left);
                    RunProgress p = s.engine().awaitRun(settings, admission, wait, report, lock.steps());
                    if (!p.isFinished() || s.engine().isCancelled(runId)) {
                        break;
                    }
                    if (lock.step(() -> s.engine().resubmitFailed(settings, config.maxAttempts())) == 0) {
                        settle(s, runId, p);
                        break;
                    }
                }
                TrackingFile.write(s.ledger, config.directory(), runId, waveBudget);
            }
            return status(config, s.ledger.run(runId).orElse(run), BatchEngine.progress(s.ledger, runId), s.ledger,
                    false);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
    }

    /**
     * Follows a run another process drives: reads the ledger at the poll interval until the run is
     * finished or the deadline passes; calls no Gemini API and changes nothing.
     */
    private static RunStatus watch(RunConfig config, String runId, Instant deadline, Consumer<RunStatus> onProgress) {
        while (true) {
            RunStatus now;
            try (Ledger ledger = Ledger.open(config.directory())) {
                now = status(config, run(ledger, runId), BatchEngine.progress(ledger, runId), ledger, false);
            }
            if (onProgress != null) {
                onProgress.accept(now);
            }
            if (now.isFinished() || !Instant.now().isBefore(deadline)) {
                return now;
            }
            try {
                Thread.sleep(Math.min(config.pollInterval().toMillis(),
                        Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while watching run " + runId, e);
            }
        }
    }

    @Override
    public RunStatus cancel(BatchSpec<?> spec, String runId) {
        RunConfig config = spec.config();
        try (Session s = Session.open(config.directory(), config.vertex())) {
            run(s.ledger, runId);
            RunSettings settings = Planning.settings(config, runId, s);
            s.engine().cancel(runId);
            RunProgress p = s.engine().poll(settings);
            return status(config, s.ledger.run(runId).orElseThrow(), p, s.ledger, false);
        }
    }

    @Override
    public <T extends Record> Results<T> collect(BatchSpec<T> spec, String runId) {
        return collect(spec.config(), spec.schema(), runId, item -> true);
    }

    @Override
    public RunConfig config(Path directory, String runId) {
        try (Ledger ledger = Ledger.open(directory)) {
            return config(ledger, runId);
        }
    }

    /** The settings recorded with a run, in the ledger's directory. */
    static RunConfig config(Ledger ledger, String runId) {
        return StoredConfig.read(run(ledger, runId).settings()).withDirectory(ledger.directory()).withName(runId);
    }

    @Override
    public List<RunInfo> runs(Path directory) {
        try (Ledger ledger = Ledger.open(directory)) {
            return ledger.runs().stream().map(r -> new RunInfo(r.runId(), r.name(),
                    RunMode.valueOf(r.mode().toUpperCase(Locale.ROOT)), r.model(), stateOf(ledger, r).name(),
                    r.createdAt(), r.updatedAt())).toList();
        }
    }

    @Override
    public GeminiEndpoint endpoint() {
        return GeminiConnection.endpoint(System.getenv());
    }

    @Override
    public List<dev.newsbatch.ModelInfo> models(boolean live) {
        if (!live) {
            return ModelListing.catalogue();
        }
        // Listing models needs a connection, not a ledger: nothing is created in the batch directory.
        try (GeminiConnection c = GeminiConnection.open(dev.newsbatch.Batches.defaultDirectory(), System.getenv(),
                Notices::once)) {
            return ModelListing.merged(c.gateway());
        }
    }

    @Override
    public JobService jobs(Path directory) {
        return new JobOperations(directory, Session.open(directory));
    }

    // ------------------------------------------------------------------ shared with job operations

    /**
     * The run's results limited to the items {@code keep} accepts; usage and cost stay those of the
     * whole run, each request priced on its own. One pass over the ledger.
     */
    static <T extends Record> Results<T> collect(RunConfig config, ClassificationSchema<T> schema, String runId,
                                                  Predicate<ItemRecord> keep) {
        List<Row<T>> rows = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        long[] open = new long[1];
        long[] thinking = new long[1];
        Planning.Spend spend = Planning.spend(config);
        try (Ledger ledger = Ledger.open(config.directory())) {
            run(ledger, runId);
            ledger.forEachItem(runId, item -> {
                spend.add(item.inputTokens(), item.outputTokens());
                thinking[0] += item.thinkingTokens();
                if (!keep.test(item)) {
                    return;
                }
                if (item.state() == ItemState.DONE) {
                    rows.add(new Row<>(item.articleId(), item.title(), item.url(), map(schema, item),
                            item.inputTokens(), item.outputTokens()));
                } else if (item.state() == ItemState.FAILED) {
                    errors.add(new ItemError(item.articleId(), item.title(), item.url(),
                            ErrorKind.valueOf(item.errorKind()), item.error(), item.attempts()));
                } else {
                    open[0]++;
                }
            });
        }
        Usage usage = new Usage(spend.inputTokens(), spend.outputTokens(), thinking[0], spend.usd());
        return new Results<>(runId, schema, rows, errors, usage, open[0]);
    }

    static RunRecord run(Ledger ledger, String runId) {
        return ledger.run(runId).orElseThrow(() -> new RunNotFoundException(runId, ledger.directory(),
                "run " + runId + " is not in the ledger " + ledger.file() + "; known runs: "
                        + ledger.runs().stream().map(RunRecord::runId).limit(10).toList()));
    }

    // ------------------------------------------------------------------ plumbing

    /** A recorded run's state by the one rule of {@link #status}, from the ledger alone. */
    private static RunState stateOf(Ledger ledger, RunRecord r) {
        return status(config(ledger, r.runId()), r, BatchEngine.progress(ledger, r.runId()), ledger, false).state();
    }

    private static void settle(Session s, String runId, RunProgress p) {
        if (p.isFinished() && p.items().pending() == 0 && p.items().submitted() == 0) {
            s.ledger.runState(runId, dev.newsbatch.internal.store.RunState.DONE);
        }
    }

    private static <T extends Record> T map(ClassificationSchema<T> schema, ItemRecord item) {
        try {
            return schema.map(JSON.readTree(item.result()));
        } catch (IOException e) {
            throw new UncheckedIOException("stored result of " + item.articleId() + " is not JSON", e);
        }
    }

    /**
     * The one rule for a run's state, whoever asks ({@code state()}, {@code status}, {@code list}, REST):
     * a cancelled run is {@code CANCELLED} and a finished one {@code DONE}, as the ledger records them;
     * a real-time run whose daily cap is used up today is {@code PAUSED} until the next quota day;
     * work in flight (batch jobs at Gemini, or calls of the process driving it) is {@code RUNNING};
     * other open work is {@code WAITING}.
     *
     * @param driving true when the caller is the process sending the run's calls
     */
    static RunStatus status(RunConfig config, RunRecord run, RunProgress p, Ledger ledger, boolean driving) {
        ItemCounts c = p.items();
        boolean batch = config.mode().isBatch();
        long open = c.submitted() + c.pending();
        Instant now = Instant.now();
        Instant pausedUntil = batch || open == 0 ? null : Realtime.capPausedUntil(config, ledger, now);
        RunState state;
        if (run.state() == dev.newsbatch.internal.store.RunState.CANCELLED) {
            state = RunState.CANCELLED;
        } else if (run.state() == dev.newsbatch.internal.store.RunState.DONE || open == 0) {
            state = RunState.DONE;
        } else if (pausedUntil != null) {
            state = RunState.PAUSED;
        } else if (batch ? p.jobsRunning() > 0 : driving) {
            state = RunState.RUNNING;
        } else {
            state = RunState.WAITING;
        }
        long inFlight = batch ? c.submitted() : 0;
        return new RunStatus(run.runId(), config.mode(), state, c.total(), c.done(), c.failed(), inFlight,
                batch ? p.jobs() : 0, batch ? p.jobsDone() : 0, batch ? p.jobsRunning() : 0, batch ? p.retries() : 0,
                p.percent(), state == RunState.PAUSED ? pausedUntil : null, now);
    }
}
