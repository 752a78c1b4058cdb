package dev.newsbatch.internal.engine;

import dev.newsbatch.internal.plan.RequestKeys;
import dev.newsbatch.Article;
import dev.newsbatch.internal.plan.RequestTemplate;
import dev.newsbatch.internal.Checks;
import dev.newsbatch.internal.KeyIndex;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.JobState;
import dev.newsbatch.internal.gemini.BatchJobInfo;
import dev.newsbatch.GeminiException;
import dev.newsbatch.internal.gemini.BatchBackend;
import dev.newsbatch.internal.gemini.GeminiGateway;
import dev.newsbatch.internal.gemini.VertexLabels;
import dev.newsbatch.internal.store.ItemOutcomeRecord;
import dev.newsbatch.internal.Notices;
import dev.newsbatch.internal.plan.Admission;
import dev.newsbatch.internal.plan.AdmissionPolicy;
import dev.newsbatch.internal.plan.InputLimit;
import dev.newsbatch.internal.plan.JobLoad;
import dev.newsbatch.internal.plan.JobSizing;
import dev.newsbatch.internal.store.ItemRecord;
import dev.newsbatch.internal.store.ItemState;
import dev.newsbatch.internal.store.RunState;
import dev.newsbatch.internal.store.JobRecord;
import dev.newsbatch.internal.store.Ledger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The batch workflow over Gemini's Batch API: prepare request files, upload, create jobs, poll,
 * download and parse results, resubmit failures, cancel. Each step is recorded in the {@link Ledger}
 * before and after its remote call, so any step can be repeated after a crash without doing the
 * remote work twice:
 * <ul>
 *   <li>a file is uploaded under a name fixed before the upload, so a second attempt finds it;</li>
 *   <li>a job is created with a unique display name recorded before the call, so after a crash the
 *       engine looks it up by that name instead of creating another;</li>
 *   <li>results are downloaded to a file once and stored in the ledger in one transaction.</li>
 * </ul>
 *
 * <pre>{@code
 * BatchEngine engine = new BatchEngine(connection.gateway(), ledger, Path.of("batch_jobs"));
 * engine.prepare(settings, articles.iterator());
 * engine.submitAll(settings);
 * engine.awaitRun(settings, AdmissionPolicy.all(), WaitOptions.ofDefaults(), System.out::println);
 * }</pre>
 */
public final class BatchEngine {
    /** The operation of a job-list failure: a create's outcome that is still unknown. */
    private static final String LIST = "batches.list";
    /** Passes in a row a finished job's results may fail to download before its items are failed. */
    static final int DOWNLOAD_PASSES = 3;
    /** Refused items a prepare records in one transaction. */
    static final int LEDGER_BATCH = 1_000;

    private final BatchBackend gateway;
    private final Ledger ledger;
    private final Path batchDir;
    /** Passes in a row each finished job's download failed, by run, chunk and attempt. */
    private final Map<String, Integer> downloadFailures = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> paused = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** An engine running its jobs on {@code gateway}: the Gemini Batch API, or Vertex AI batch prediction. */
    public BatchEngine(BatchBackend gateway, Ledger ledger, Path batchDir) {
        this.gateway = Checks.notNull(gateway, "gateway");
        this.ledger = Checks.notNull(ledger, "ledger");
        this.batchDir = Checks.notNull(batchDir, "batchDir");
    }

    /** The ledger this engine records into. */
    public Ledger ledger() {
        return ledger;
    }

    /** The backend this engine calls. */
    public BatchBackend gateway() {
        return gateway;
    }

    // ------------------------------------------------------------------ prepare

    /**
     * Records the run and writes request files for the articles the run does not have yet, streaming:
     * articles are not held in memory, only a few files' worth of item records (a finished file is moved into
     * place and its rows written to the ledger on a thread of its own while the next file is written, see
     * {@link WorkQueue}) and the fingerprints of the request keys seen (a {@link KeyIndex}, at most about 50 bytes
     * an article; a fingerprint seen before is confirmed against the file being written and the ledger, so no
     * article is ever taken for another).
     * Articles over the input limit are recorded as failed ({@link ErrorKind#INPUT_TOO_LARGE}) and never
     * sent; repeated ids are sent once.
     */
    public PrepareReport prepare(RunSettings run, Iterator<Article> articles) {
        ledger.createRun(run.runId(), run.config());
        KeyIndex known = new KeyIndex();
        ledger.forEachItemKey(run.runId(), known::add);
        int chunk = ledger.maxChunk(run.runId()) + 1;
        long added = 0;
        long skipped = 0;
        long tooLarge = 0;
        long bytes = 0;
        long tokens = 0;
        int files = 0;
        JobSizing sizing = run.sizing();
        ChunkBuilder current = null;
        // Refused articles are never sent, so losing some to a crash only means refusing them again.
        List<ItemRecord> refused = new ArrayList<>();
        InputLimit limit = InputLimit.of(run.maxInputTokens());
        // Each finished file is moved into place and its rows written while the next file is written; all are
        // committed before returning. Files whose moving had not run when a failure stopped the queue are removed.
        Set<RequestFileWriter> moving = ConcurrentHashMap.newKeySet();
        try (WorkQueue writes = new WorkQueue("newsbatch-ledger-" + run.runId())) {
            try {
                while (articles.hasNext()) {
                    Article a = articles.next();
                    String key = RequestKeys.of(a.id());
                    if (!known.add(key) && (current != null && holds(current.items, key) || holds(refused, key)
                            || recorded(writes, run.runId(), key))) {
                        skipped++;
                        continue;
                    }
                    long est = run.estimator().applyAsLong(a);
                    Optional<String> refusal = limit.refusal(est);
                    if (refusal.isPresent()) {
                        refused.add(ItemRecord.refused(key, a.id(), a.title(), a.url(),
                                RequestKeys.contentHash(a.title(), a.contents()), est, ErrorKind.INPUT_TOO_LARGE.name(),
                                refusal.get()));
                        if (refused.size() >= LEDGER_BATCH) {
                            List<ItemRecord> batch = List.copyOf(refused);
                            writes.submit(() -> ledger.addItems(run.runId(), batch));
                            refused.clear();
                        }
                        tooLarge++;
                        continue;
                    }
                    if (current != null && sizing.closesBefore(current.items.size(), current.writer.bytes(),
                            current.tokens, current.measure(a), est)) {
                        bytes += current.finish(writes, moving);
                        files++;
                        chunk++;
                        current = null;
                    }
                    if (current == null) {
                        current = new ChunkBuilder(run, chunk, 1);
                    }
                    current.add(a, key, est);
                    added++;
                    tokens += est;
                }
                if (current != null) {
                    ChunkBuilder last = current;
                    current = null;
                    bytes += last.finish(writes, moving);
                    files++;
                }
                if (!refused.isEmpty()) {
                    writes.submit(() -> ledger.addItems(run.runId(), refused));
                }
                writes.drain();
            } finally {
                if (current != null) {
                    current.writer.close();   // a file cut short by a failure is removed (a committed one stays)
                }
            }
        } finally {
            // the queue has stopped: what is left was never moved into place
            for (RequestFileWriter w : moving) {
                w.close();
            }
        }
        return new PrepareReport(added, skipped, tooLarge, files, bytes, tokens);
    }

    /** True when the ledger holds {@code key} for the run, the writes still queued included. */
    private boolean recorded(WorkQueue writes, String runId, String key) {
        writes.drain();
        return ledger.hasItem(runId, key);
    }

    /** Records inputs that yielded no article as failed items of the run (already-known ones are kept). */
    public void recordRejected(String runId, List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        List<ItemRecord> items = new ArrayList<>();
        for (Rejected r : rejected) {
            items.add(ItemRecord.refused(RequestKeys.of(r.articleId()), r.articleId(), r.title(), r.url(), null, 0,
                    r.errorKind(), r.message()));
        }
        ledger.addItems(runId, items);
    }

    /**
     * Prepares new request files for failed items that may succeed if sent again and have been
     * sent fewer than {@code maxAttempts} times, copying their request lines from the files they were
     * first sent in.
     *
     * @return the number of items queued again
     */
    public int resubmitFailed(RunSettings run, int maxAttempts) {
        List<ItemRecord> retry = new ArrayList<>();
        if (isCancelled(run.runId())) {
            return 0;
        }
        for (ItemRecord i : ledger.items(run.runId(), ItemState.FAILED)) {
            if (i.attempts() < maxAttempts && i.errorKind() != null
                    && ErrorKind.valueOf(i.errorKind()).isRetryable()) {
                retry.add(i);
            }
        }
        if (retry.isEmpty()) {
            return 0;
        }
        Map<String, String> lines = requestLines(run.runId(), retry);
        int attempt = retry.stream().mapToInt(ItemRecord::attempts).max().orElse(1) + 1;
        int chunk = ledger.maxChunk(run.runId()) + 1;
        int queued = 0;
        JobSizing sizing = run.sizing();
        ChunkBuilder current = null;
        try {
            for (ItemRecord i : retry) {
                String line = lines.get(i.key());
                if (line == null) {
                    continue;
                }
                long lineBytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1L;
                if (current != null && sizing.closesBefore(current.items.size(), current.writer.bytes(),
                        current.tokens, lineBytes, i.estTokens())) {
                    current.finish();
                    chunk++;
                    current = null;
                }
                if (current == null) {
                    current = new ChunkBuilder(run, chunk, attempt);
                }
                current.addRaw(i, line);
                queued++;
            }
            if (current != null) {
                current.finish();
            }
        } finally {
            if (current != null) {
                current.writer.close();   // a file cut short by a failure is removed (a committed one stays)
            }
        }
        return queued;
    }

    /**
     * The request lines of these items of a run, by key, as they were written to the request files of
     * the batches the items were last assigned to.
     */
    public Map<String, String> requestLines(String runId, java.util.Collection<ItemRecord> items) {
        Map<Integer, List<JobRecord>> jobsByChunk = new HashMap<>();
        for (JobRecord j : ledger.jobs(runId)) {
            jobsByChunk.computeIfAbsent(j.chunk(), c -> new ArrayList<>()).add(j);
        }
        Set<String> wanted = new HashSet<>();
        Set<String> files = new HashSet<>();
        for (ItemRecord i : items) {
            wanted.add(i.key());
            jobsByChunk.getOrDefault(i.chunk(), List.of()).forEach(j -> files.add(j.requestFile()));
        }
        Map<String, String> lines = new HashMap<>();
        for (String f : files) {
            readLines(local(f), wanted, lines);
        }
        return lines;
    }

    // ------------------------------------------------------------------ steps

    /**
     * Uploads a prepared job's request file under its fixed name {@code files/<fileId>}, or reuses the file
     * already there when it holds the same bytes (size and SHA-256): a re-run after a lost upload answer
     * meets the file, or a 409 ALREADY_EXISTS, and takes it. A file under that name with other bytes is
     * deleted and uploaded again.
     */
    public JobRecord upload(JobRecord job) {
        requireStep(job, JobRecord.Step.PREPARED);
        String name = gateway.remoteName(job.fileId());
        Path local = local(job.requestFile());
        size(local);
        if (!reusable(name, local)) {
            try {
                name = gateway.upload(local, job.fileId(), job.displayName());
            } catch (GeminiException e) {
                if (e.status() != 409) {
                    throw e;
                }
                // Someone (a lost answer, another attempt) stored a file under this name meanwhile.
                if (!reusable(name, local)) {
                    name = gateway.upload(local, job.fileId(), job.displayName());
                }
            }
        }
        JobRecord next = job.uploaded(name);
        ledger.saveJob(next);
        return next;
    }

    /** True when {@code name} holds the bytes of {@code local}; a file there with other bytes is deleted. */
    private boolean reusable(String name, Path local) {
        var existing = gateway.file(name);
        if (existing.isEmpty()) {
            return false;
        }
        if (gateway.holds(existing.get(), local)) {
            return true;
        }
        gateway.deleteFile(name);
        return false;
    }

    /**
     * Creates the batch job of an uploaded file, once. The CREATING step is recorded before the call. A job
     * found at CREATING (a crash or an unanswered create) is first looked up by its display name over every
     * page of the job list; only a job proved absent is created, and the gateway sends the create again only
     * after such a lookup (see {@link GeminiGateway#createBatch}).
     *
     * @throws GeminiException if Gemini refuses (e.g. 429 when the enqueued-token quota is full): the job
     *                         goes back to UPLOADED and may be created later; or if the lookup itself
     *                         fails: the job stays CREATING and is looked up again next time
     */
    public JobRecord create(JobRecord job, RunSettings run) {
        if (job.step() == JobRecord.Step.CREATING) {
            var found = gateway.findByDisplayName(job.displayName());
            if (found.isPresent()) {
                return adopt(job, found.get());
            }
            job = job.step(JobRecord.Step.UPLOADED);
        }
        requireStep(job, JobRecord.Step.UPLOADED);
        JobRecord creating = job.step(JobRecord.Step.CREATING);
        ledger.saveJob(creating);
        try {
            BatchJobInfo info = gateway.createBatch(run.template().model(), job.fileName(), job.displayName());
            return adopt(creating, info);
        } catch (GeminiException e) {
            if (LIST.equals(e.operation())) {
                // Whether the job exists is still unknown: it stays CREATING, to be looked up again.
                throw e;
            }
            JobRecord back = creating.step(JobRecord.Step.UPLOADED).observed(null, -1, e.getMessage());
            ledger.saveJob(back);
            throw e;
        }
    }

    /** Reads the job's state at Gemini; a terminal state moves it to FINISHED. */
    public JobRecord refresh(JobRecord job) {
        requireStep(job, JobRecord.Step.CREATED);
        BatchJobInfo info = gateway.batch(job.jobName());
        JobRecord next = job.observed(info.state().name(), info.completed(), info.error());
        if (info.state().isTerminal()) {
            next = next.step(JobRecord.Step.FINISHED);
        }
        if (!ledger.saveJobIf(next, JobRecord.Step.CREATED)) {
            return ledger.job(job.runId(), job.chunk(), job.attempt());   // moved on meanwhile: never back
        }
        return next;
    }

    /**
     * Stores a finished job's outcome: for a succeeded job, downloads the results file (once) and
     * records every item; for a failed, expired or cancelled job, marks its items failed.
     */
    public JobRecord retrieve(JobRecord job, RunSettings run) {
        requireStep(job, JobRecord.Step.FINISHED);
        JobState state = JobState.fromWire(job.jobState());
        if (state != JobState.SUCCEEDED) {
            ledger.failOpenItems(job.runId(), job.chunk(), ErrorKind.JOB_FAILED.name(),
                    "batch job " + job.jobName() + " ended " + state
                            + (job.error() == null ? "" : ": " + job.error()), job.jobName());
            JobRecord next = job.step(JobRecord.Step.RETRIEVED);
            ledger.saveJob(next);
            return next;
        }
        Path local = job.resultFile() != null ? local(job.resultFile())
                : batchDir.resolve("results").resolve(job.runId())
                        .resolve("chunk-" + job.chunk() + "-a" + job.attempt() + ".jsonl");
        if (!Files.exists(local)) {
            BatchJobInfo info = gateway.batch(job.jobName());
            String remote = info.results().orElseThrow(() -> GeminiException.of(0, "batches.get",
                    job.jobName(), null, "the job succeeded but names no results file", null));
            try {
                Files.createDirectories(local.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + local.getParent(), e);
            }
            gateway.download(remote, local);
        }
        JobRecord withFile = job.withResultFile(stored(local));
        ledger.saveJob(withFile);
        store(withFile, local, run);
        JobRecord next = withFile.step(JobRecord.Step.RETRIEVED);
        ledger.saveJob(next);
        return next;
    }

    private void store(JobRecord job, Path results, RunSettings run) {
        Set<String> expected = ledger.openKeys(job.runId(), job.chunk());
        List<ItemOutcomeRecord> outcomes = new ArrayList<>();
        long[] unreadable = {0};
        long[] unknown = {0};
        Map<String, String> byLabel = new HashMap<>();
        var schema = run.template().schema();
        ResultFileReader.read(results, schema, line -> {
            if (line.key() == null) {
                unreadable[0]++;
                return;
            }
            String key = line.key();
            if (!expected.contains(key)) {
                // Vertex AI lines carry the key's label (see VertexLabels): mapped through this job's keys only
                if (byLabel.isEmpty()) {
                    expected.forEach(k -> byLabel.put(VertexLabels.of(k), k));
                }
                String mapped = byLabel.remove(key);
                if (mapped == null) {
                    unknown[0]++;
                    return;
                }
                key = mapped;
            }
            if (!expected.remove(key)) {
                return;
            }
            line = line.withKey(key);
            outcomes.add((line.ok()
                    ? ItemOutcomeRecord.success(line.key(), line.answer(), line.inputTokens(), line.outputTokens(),
                            job.jobName())
                    : ItemOutcomeRecord.failure(line.key(), line.errorKind().name(), line.error(),
                            line.inputTokens(), line.outputTokens(), job.jobName()))
                    .withThinking(line.thinkingTokens()));
        });
        for (String missing : expected) {
            outcomes.add(ItemOutcomeRecord.failure(missing, ErrorKind.MISSING_LINE.name(),
                    "no line for this request in the results of " + job.jobName()
                            + (unreadable[0] > 0 ? " (" + unreadable[0] + " unreadable lines)" : "")
                            + (unknown[0] > 0 ? " (" + unknown[0] + " lines with an unknown key)" : ""),
                    0, 0, job.jobName()));
        }
        ledger.recordOutcomes(job.runId(), outcomes);
    }

    /** Moves one job forward by one step where it can; returns it unchanged when it must wait. */
    public JobRecord step(JobRecord job, RunSettings run) {
        return switch (job.step()) {
            case PREPARED -> upload(job);
            case UPLOADED, CREATING -> create(job, run);
            case CREATED -> refresh(job);
            case FINISHED -> retrieve(job, run);
            case RETRIEVED -> job;
        };
    }

    // ------------------------------------------------------------------ whole runs

    /**
     * Uploads and creates every job of the run that the admission policy lets through, in order; stops
     * at the first quota refusal (429), leaving the rest for a later pass. A job the policy refuses for
     * the budget cap is settled unsent: its articles fail with {@link ErrorKind#BUDGET} and a notice
     * says so. A job a crash left at CREATING was already admitted: it is looked up, not asked again.
     *
     * @return the jobs created by this call
     */
    public List<JobRecord> submit(RunSettings run, AdmissionPolicy policy) {
        List<JobRecord> created = new ArrayList<>();
        if (isCancelled(run.runId())) {
            return created;
        }
        List<JobRecord> jobs = new ArrayList<>(ledger.jobs(run.runId()));
        // Costs come from a pass over the run's items; only worth it when a job still waits for admission.
        boolean waiting = jobs.stream().anyMatch(j -> j.step().ordinal() < JobRecord.Step.CREATING.ordinal());
        List<JobLoad> loads = loads(run, jobs,
                waiting && (policy.budgetUsd() > 0 || policy.costDriftFactor() > 0 || policy.calibrates()));
        long unsent = 0;
        for (int i = 0; i < jobs.size(); i++) {
            JobRecord job = jobs.get(i);
            if (job.step().ordinal() >= JobRecord.Step.CREATED.ordinal()) {
                continue;
            }
            if (job.step() != JobRecord.Step.CREATING) {
                Admission a = policy.decide(loads, i);
                if (a.verdict() == Admission.Verdict.BUDGET_EXHAUSTED) {
                    unsent += ledger.failOpenItems(run.runId(), job.chunk(), ErrorKind.BUDGET.name(),
                            "not sent: " + a.reason(), null);
                    ledger.saveJob(job.step(JobRecord.Step.RETRIEVED).observed(null, -1, "not sent: " + a.reason()));
                    loads.set(i, loads.get(i).phase(JobLoad.Phase.SKIPPED));
                    continue;
                }
                if (a.verdict() == Admission.Verdict.COST_DRIFT) {
                    if (paused.add(run.runId())) {
                        Notices.once("newsbatch: run " + run.runId() + ": " + a.reason());
                    }
                    break;
                }
                if (!a.admitted()) {
                    continue;
                }
            }
            paused.remove(run.runId());
            try {
                if (job.step() == JobRecord.Step.PREPARED) {
                    job = upload(job);
                }
                job = create(job, run);
                jobs.set(i, job);
                loads.set(i, loads.get(i).phase(JobLoad.Phase.IN_FLIGHT));
                created.add(job);
            } catch (GeminiException e) {
                if (e.isQuotaExceeded()) {
                    break;
                }
                JobRecord now = ledger.job(job.runId(), job.chunk(), job.attempt());
                if (now.step() == JobRecord.Step.CREATING) {
                    // The create's outcome is unknown: looked up again by the next pass, never sent blindly.
                    continue;
                }
                // The retries are spent, or Gemini refused: this job's articles fail, the others go on.
                String reason = "not sent: " + e.operation() + " failed: " + e.getMessage();
                ledger.failOpenItems(run.runId(), job.chunk(), ErrorKind.API_ERROR.name(), reason, null);
                ledger.saveJob(now.step(JobRecord.Step.RETRIEVED).observed(null, -1, reason));
                loads.set(i, loads.get(i).phase(JobLoad.Phase.SKIPPED));
            }
        }
        if (unsent > 0) {
            Notices.once("newsbatch: budget cap " + dev.newsbatch.Format.usd(policy.budgetUsd()) + " reached for run "
                    + run.runId() + "; " + dev.newsbatch.Format.plural(unsent, "article", "articles")
                    + " were not sent (errors of kind BUDGET)");
        }
        return created;
    }

    /**
     * The jobs as the admission policy sees them: a job Gemini reports ended no longer holds its tokens,
     * even before its results are stored. Their estimated and actual cost, and the input tokens Gemini
     * counted for finished jobs, come from one pass over the run's items, made only when asked
     * ({@code priced}) because a job still waits for admission.
     */
    private List<JobLoad> loads(RunSettings run, List<JobRecord> jobs, boolean priced) {
        Map<Integer, Double> usd = new HashMap<>();
        Map<Integer, Double> actual = new HashMap<>();
        Map<Integer, long[]> reported = new HashMap<>();
        if (priced) {
            ledger.forEachItem(run.runId(), item -> {
                usd.merge(item.chunk(), run.requestUsd().applyAsDouble(item.estTokens()), Double::sum);
                if (item.inputTokens() + item.outputTokens() > 0) {
                    actual.merge(item.chunk(), run.usageUsd().usd(item.inputTokens(), item.outputTokens()),
                            Double::sum);
                }
                if (item.inputTokens() > 0 && item.estTokens() > 0) {
                    long[] counts = reported.computeIfAbsent(item.chunk(), c -> new long[2]);
                    counts[0] += item.inputTokens();
                    counts[1] += item.estTokens();
                }
            });
        }
        List<JobLoad> loads = new ArrayList<>();
        for (JobRecord j : jobs) {
            JobLoad.Phase phase = switch (j.step()) {
                case PREPARED, UPLOADED -> JobLoad.Phase.WAITING;
                case CREATING, CREATED -> JobLoad.Phase.IN_FLIGHT;
                case FINISHED -> JobLoad.Phase.DONE;
                case RETRIEVED -> j.jobName() != null ? JobLoad.Phase.DONE : JobLoad.Phase.SKIPPED;
            };
            boolean stored = j.step() == JobRecord.Step.RETRIEVED && phase == JobLoad.Phase.DONE;
            long[] counts = stored ? reported.getOrDefault(j.chunk(), new long[2]) : new long[2];
            loads.add(new JobLoad(j.estTokens(), usd.getOrDefault(j.chunk(), 0.0), phase,
                    stored && priced ? actual.getOrDefault(j.chunk(), 0.0) : -1, counts[0], counts[1]));
        }
        return loads;
    }

    /** Uploads and creates every job of the run. */
    public List<JobRecord> submitAll(RunSettings run) {
        return submit(run, AdmissionPolicy.all());
    }

    /**
     * One pass: refreshes running jobs and retrieves finished ones. Submits nothing new; a job a crash
     * left at CREATING is looked up by its display name (and created only if Gemini has no such job).
     */
    public RunProgress poll(RunSettings run) {
        observe(run);
        collect(run);
        return progress(run.runId());
    }

    /**
     * Looks up jobs a crash left at CREATING and reads the state of every created job at Gemini.
     *
     * @return how many jobs this call saw end
     */
    private int observe(RunSettings run) {
        int ended = 0;
        for (JobRecord job : ledger.jobs(run.runId())) {
            try {
                if (job.step() == JobRecord.Step.CREATING) {
                    job = create(job, run);
                }
                if (job.step() == JobRecord.Step.CREATED) {
                    job = refresh(job);
                    if (job.step() == JobRecord.Step.FINISHED) {
                        ended++;
                    }
                }
            } catch (GeminiException e) {
                // Retries spent on this job: the others go on; this one is taken up again next pass.
                unreachable(run, ledger.job(job.runId(), job.chunk(), job.attempt()), e);
            }
        }
        return ended;
    }

    /** Stores the outcome of every finished job. */
    private void collect(RunSettings run) {
        for (JobRecord job : ledger.jobs(run.runId())) {
            if (job.step() != JobRecord.Step.FINISHED) {
                continue;
            }
            try {
                retrieve(job, run);
                downloadFailures.remove(key(job));
            } catch (GeminiException e) {
                unreachable(run, ledger.job(job.runId(), job.chunk(), job.attempt()), e);
            }
        }
    }

    /**
     * Records why a job could not be moved on. A finished job whose results cannot be fetched for
     * {@value #DOWNLOAD_PASSES} passes in a row has its articles failed ({@link ErrorKind#API_ERROR}) so the
     * run can end; a created job keeps being polled (Gemini is still working on it).
     */
    private void unreachable(RunSettings run, JobRecord job, GeminiException e) {
        if (job.step() == JobRecord.Step.CREATING
                || job.step() == JobRecord.Step.UPLOADED && e.isQuotaExceeded()) {
            return;
        }
        if (job.step() == JobRecord.Step.UPLOADED) {
            String reason = "not sent: " + e.operation() + " failed: " + e.getMessage();
            ledger.failOpenItems(run.runId(), job.chunk(), ErrorKind.API_ERROR.name(), reason, null);
            ledger.saveJob(job.step(JobRecord.Step.RETRIEVED).observed(null, -1, reason));
            return;
        }
        if (job.step() == JobRecord.Step.FINISHED
                && downloadFailures.merge(key(job), 1, Integer::sum) >= DOWNLOAD_PASSES) {
            downloadFailures.remove(key(job));
            String reason = "results of " + job.jobName() + " could not be fetched: " + e.getMessage();
            ledger.failOpenItems(run.runId(), job.chunk(), ErrorKind.API_ERROR.name(), reason, job.jobName());
            ledger.saveJob(job.step(JobRecord.Step.RETRIEVED).observed(job.jobState(), job.completed(), reason));
            return;
        }
        ledger.saveJob(job.observed(job.jobState(), job.completed(), e.getMessage()));
    }

    private static String key(JobRecord job) {
        return job.runId() + "/" + job.chunk() + "/" + job.attempt();
    }

    /** The run's progress from the ledger alone (no remote call). */
    public RunProgress progress(String runId) {
        return progress(ledger, runId);
    }

    /** A run's progress from a ledger alone (no remote call, no connection needed). */
    public static RunProgress progress(Ledger ledger, String runId) {
        int waiting = 0;
        int running = 0;
        int done = 0;
        int first = 0;
        int retries = 0;
        long remote = 0;
        for (JobRecord j : ledger.jobs(runId)) {
            boolean retry = j.attempt() > 1;
            if (retry) {
                retries++;
            } else {
                first++;
            }
            switch (j.step()) {
                case PREPARED, UPLOADED, CREATING -> waiting++;
                case CREATED, FINISHED -> {
                    running++;
                    remote += Math.max(0, j.completed());
                }
                case RETRIEVED -> done += retry ? 0 : 1;
            }
        }
        return new RunProgress(runId, first, waiting, running, done, ledger.itemCounts(runId), remote, retries);
    }

    /**
     * Polls, submits what is waiting and retrieves results until every job is settled or
     * {@code options.maxWait()} passes. Polling backs off while nothing changes.
     *
     * @return the last progress seen
     */
    public RunProgress awaitRun(RunSettings run, AdmissionPolicy admission, WaitOptions options,
                                Consumer<RunProgress> progress) {
        return awaitRun(run, admission, options, progress, new java.util.concurrent.locks.ReentrantLock());
    }

    /**
     * Like {@link #awaitRun(RunSettings, AdmissionPolicy, WaitOptions, Consumer)}, each pass (submit
     * and poll) holding {@code steps}, the lock that serialises the run's steps within the process.
     */
    public RunProgress awaitRun(RunSettings run, AdmissionPolicy admission, WaitOptions options,
                                Consumer<RunProgress> progress, java.util.concurrent.locks.Lock steps) {
        Instant deadline = Instant.now().plus(options.maxWait());
        Duration interval = options.initialInterval();
        RunProgress last = null;
        while (true) {
            RunProgress now;
            steps.lock();
            try {
                // A job that ended frees its tokens at once: the next is admitted before results download.
                submit(run, admission);
                if (observe(run) > 0) {
                    submit(run, admission);
                }
                collect(run);
                now = progress(run.runId());
            } finally {
                steps.unlock();
            }
            progress.accept(now);
            if (now.isFinished() || isCancelled(run.runId()) || !Instant.now().isBefore(deadline)
                    || (now.jobsRunning() == 0 && isPaused(run.runId()))) {
                return now;
            }
            interval = last != null && last.equals(now)
                    ? Duration.ofMillis(Math.min(options.maxInterval().toMillis(), (long) (interval.toMillis() * 1.5)))
                    : options.initialInterval();
            last = now;
            pause(interval, deadline);
        }
    }

    /** True while the drift check holds the run's admission (nothing more is sent until resumed). */
    public boolean isPaused(String runId) {
        return paused.contains(runId);
    }

    /** True once the run was cancelled: nothing more of it is submitted. */
    public boolean isCancelled(String runId) {
        return ledger.run(runId).map(r -> r.state() == RunState.CANCELLED).orElse(false);
    }

    /** Cancels every job of the run that Gemini is still working on. */
    public int cancel(String runId) {
        int n = 0;
        for (JobRecord job : ledger.jobs(runId)) {
            if (job.step() == JobRecord.Step.CREATED && job.jobName() != null) {
                gateway.cancel(job.jobName());
                n++;
            }
        }
        ledger.runState(runId, RunState.CANCELLED);
        return n;
    }

    // ------------------------------------------------------------------ plumbing

    private JobRecord adopt(JobRecord job, BatchJobInfo info) {
        JobRecord next = job.created(info.name(), info.state().name());
        ledger.saveJob(next);
        ledger.jobCreatedAt(job.runId(), job.chunk(), job.attempt(), info.createTime());
        return next;
    }

    private static void requireStep(JobRecord job, JobRecord.Step step) {
        if (job.step() != step) {
            throw new IllegalStateException("job " + job + " must be at step " + step + ", was " + job.step());
        }
    }

    /**
     * A file of the batch directory as the ledger records it: relative to the directory, so the
     * directory can be moved or reached by another path. Paths recorded absolute by older versions
     * still resolve to themselves.
     */
    private String stored(Path file) {
        Path dir = batchDir.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return f.startsWith(dir) ? dir.relativize(f).toString() : f.toString();
    }

    /** A recorded file path, resolved against the batch directory. */
    private Path local(String recorded) {
        return batchDir.resolve(recorded);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException("request file " + p + " is missing: " + e.getMessage(), e);
        }
    }

    private static void pause(Duration interval, Instant deadline) {
        long millis = Math.min(interval.toMillis(), Math.max(0, Duration.between(Instant.now(), deadline).toMillis()));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for batch jobs", e);
        }
    }

    private static void readLines(Path file, Set<String> wanted, Map<String, String> into) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                int start = line.indexOf("\"key\":\"");
                if (start < 0) {
                    continue;
                }
                int end = line.indexOf('"', start + 7);
                String key = line.substring(start + 7, end);
                if (wanted.contains(key)) {
                    into.put(key, line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read request file " + file + ": " + e.getMessage(), e);
        }
    }

    private final class ChunkBuilder {
        final RunSettings run;
        final int chunk;
        final int attempt;
        final Path file;
        final RequestFileWriter writer;
        final List<ItemRecord> items = new ArrayList<>();
        long tokens;
        long overhead = -1;

        ChunkBuilder(RunSettings run, int chunk, int attempt) {
            this.run = run;
            this.chunk = chunk;
            this.attempt = attempt;
            this.file = batchDir.resolve("requests").resolve(run.runId())
                    .resolve("chunk-" + chunk + "-a" + attempt + ".jsonl");
            this.writer = RequestFileWriter.open(file, run.template());
        }

        void add(Article a, String key, long est) {
            writer.write(a);
            items.add(ItemRecord.pending(key, a.id(), a.title(), a.url(),
                    RequestKeys.contentHash(a.title(), a.contents()), est));
            tokens += est;
        }

        /**
         * The bytes {@code a}'s request line adds to this file, as the plan measures it
         * ({@link dev.newsbatch.internal.plan.RequestTemplate#lineBytes}), rendered only when the file may
         * be near its size limit; otherwise an upper bound that keeps it below the limit (every
         * character at most 6 bytes escaped, plus the template's own bytes).
         */
        long measure(Article a) {
            if (overhead < 0) {
                overhead = run.template().lineBytes(Article.of("x", "", "")) + 1024;
            }
            long bound = overhead + 6L * ((long) a.title().length() + a.contents().length()
                    + (a.url() == null ? 0 : a.url().length()) + a.id().length());
            return writer.bytes() + bound <= run.maxFileBytes() ? bound : run.template().lineBytes(a);
        }

        void addRaw(ItemRecord item, String line) {
            writer.writeRaw(line);
            items.add(item);
            tokens += item.estTokens();
        }

        /**
         * Moves the file into place, then records its job and items, both on {@code writes}' thread, in that order,
         * so that the next file is written while this one's last bytes reach the disk. The writer is in
         * {@code moving} until its move ran; a file whose move fails is removed, and the failure is thrown by the
         * next call on {@code writes}.
         */
        long finish(WorkQueue writes, Set<RequestFileWriter> moving) {
            long bytes = writer.bytes();
            JobRecord job = job();
            moving.add(writer);
            writes.submit(() -> {
                try {
                    writer.commit();
                } finally {
                    moving.remove(writer);
                    writer.close();   // removes the file when the move failed; nothing once it is in place
                }
                ledger.addJob(job, items);
            });
            return bytes;
        }

        /** Moves the file into place, then records its job and items, at once. */
        long finish() {
            long bytes = writer.bytes();
            writer.commit();
            ledger.addJob(job(), items);
            return bytes;
        }

        private JobRecord job() {
            String fileId = fileId(run.runId(), chunk, attempt);
            String display = "newsbatch-" + run.runId() + "-c" + chunk + "-a" + attempt;
            return JobRecord.prepared(run.runId(), chunk, attempt, stored(file), fileId, display, items.size(),
                    tokens);
        }
    }

    /** True when one of {@code items} has this key. */
    private static boolean holds(List<ItemRecord> items, String key) {
        for (ItemRecord i : items) {
            if (i.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    static String fileId(String runId, int chunk, int attempt) {
        String id = ("nb-" + RequestKeys.sha256(runId).substring(0, 12) + "-c" + chunk + "-a" + attempt)
                .toLowerCase();
        return id.length() <= 40 ? id : id.substring(0, 40);
    }
}
