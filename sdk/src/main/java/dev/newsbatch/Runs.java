package dev.newsbatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.display.ProgressBar;
import dev.newsbatch.engine.Admission;
import dev.newsbatch.engine.RequestTemplate;
import dev.newsbatch.engine.RunProgress;
import dev.newsbatch.engine.RunSettings;
import dev.newsbatch.engine.TrackingFile;
import dev.newsbatch.engine.WaitOptions;
import dev.newsbatch.store.ItemCounts;
import dev.newsbatch.store.ItemRecord;
import dev.newsbatch.store.JobRecord;
import dev.newsbatch.store.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What the fluent API does: turns specs into engine calls. Package-private; users see BatchSpec and BatchRun. */
final class Runs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Runs() {}

    static <T extends Record> RunSettings settings(BatchSpec<T> spec, String runId) {
        RequestTemplate template = new RequestTemplate(spec.model, spec.prompts, spec.schema);
        return RunSettings.of(runId, runId, template)
                .batchSize(spec.batchSize)
                .mode(spec.mode.name().toLowerCase(java.util.Locale.ROOT))
                .estimator(Planning.estimator(spec, template))
                .extras(java.util.Map.of("tier", spec.tier, "rpm", Integer.toString(spec.rpm),
                        "dailyCap", Integer.toString(spec.dailyCap), "budgetUsd", Double.toString(spec.budgetUsd),
                        "maxAttempts", Integer.toString(spec.maxAttempts)));
    }

    static <T extends Record> BatchRun<T> submit(BatchSpec<T> spec) {
        if (spec.mode.isBatch() && !Planning.limits(spec).hasBatch()) {
            throw new IllegalArgumentException("tier " + spec.tier + " has no Batch API access for " + spec.model
                    + "; use .realtime() or a paid tier (tier1, tier2, tier3)");
        }
        String runId = spec.name != null ? spec.name
                : "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))
                        + "-" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        RunSettings settings = settings(spec, runId);
        try (Session s = Session.open(spec.directory)) {
            s.engine.register(settings);
            List<ItemError> rejected = new ArrayList<>();
            s.engine.prepare(settings, spec.source.open(rejected::add));
            s.engine.recordRejected(runId, rejected.stream().map(e -> new dev.newsbatch.engine.Rejected(
                    e.id(), e.title(), e.url(), e.kind().name(), e.message())).toList());
            if (spec.mode.isBatch()) {
                applyBudget(spec, s, runId);
                s.engine.submit(runId, admission(spec));
            }
        }
        return new BatchRun<>(spec, runId);
    }

    static Admission admission(BatchSpec<?> spec) {
        return switch (spec.mode) {
            case BATCH, REALTIME -> Admission.all();
            case WAVES -> Admission.waves(Planning.safeTokenBudget(spec));
            case CONTINUOUS -> Admission.continuous(Planning.safeTokenBudget(spec), Planning.maxJobs(spec));
        };
    }

    /**
     * Enforces the spec's USD budget cap on batch modes: jobs already created count as committed; the
     * jobs not yet created are admitted in order while their estimated cost fits, and from the first
     * one that does not, none is sent: their items fail with {@link ErrorKind#BUDGET}, the jobs are
     * settled unsent (no job name), and a notice says so.
     *
     * @return the number of articles left out by this call
     */
    static long applyBudget(BatchSpec<?> spec, Session s, String runId) {
        if (spec.budgetUsd <= 0 || !spec.mode.isBatch()) {
            return 0;
        }
        List<JobRecord> jobs = s.ledger.jobs(runId);
        double committed = 0;
        for (JobRecord j : jobs) {
            if (j.step().ordinal() >= JobRecord.Step.CREATING.ordinal() && j.jobName() != null
                    || j.step() == JobRecord.Step.CREATING) {
                committed += Planning.batchJobUsd(spec, j);
            }
        }
        boolean stopped = false;
        long cut = 0;
        for (JobRecord j : jobs) {
            if (j.step() != JobRecord.Step.PREPARED && j.step() != JobRecord.Step.UPLOADED) {
                continue;
            }
            double cost = Planning.batchJobUsd(spec, j);
            if (!stopped && committed + cost <= spec.budgetUsd + 1e-9) {
                committed += cost;
                continue;
            }
            stopped = true;
            String why = String.format(java.util.Locale.ROOT, "not sent: budget cap $%.2f reached "
                    + "($%.2f committed, this batch would add $%.2f)", spec.budgetUsd, committed, cost);
            cut += s.ledger.failOpenItems(runId, j.chunk(), ErrorKind.BUDGET.name(), why, null);
            s.ledger.saveJob(j.step(JobRecord.Step.RETRIEVED).observed(null, -1, why));
        }
        if (cut > 0) {
            Notices.once(String.format(java.util.Locale.ROOT, "newsbatch: budget cap $%.2f reached for run %s; "
                    + "%,d articles were not sent (errors of kind BUDGET)", spec.budgetUsd, runId, cut));
        }
        return cut;
    }

    static RunStatus state(BatchSpec<?> spec, String runId) {
        try (var ledger = dev.newsbatch.store.Ledger.open(spec.directory)) {
            RunRecord run = ledger.run(runId).orElseThrow(() -> new IllegalArgumentException(
                    "run " + runId + " is not in the ledger " + ledger.file()));
            return status(spec.mode, run, dev.newsbatch.engine.BatchEngine.progress(ledger, runId));
        }
    }

    static RunStatus refresh(BatchSpec<?> spec, String runId) {
        try (Session s = Session.open(spec.directory)) {
            s.engine.register(settings(spec, runId));
            RunProgress p = s.engine.poll(runId);
            settle(s, runId, p);
            return status(spec.mode, s.ledger.run(runId).orElseThrow(), p);
        }
    }

    static void await(BatchSpec<?> spec, String runId, Duration timeout, Consumer<RunStatus> onProgress) {
        Instant deadline = Instant.now().plus(timeout);
        ProgressBar bar = onProgress == null ? ProgressBar.auto(System.out) : null;
        try (Session s = Session.open(spec.directory)) {
            RunSettings settings = settings(spec, runId);
            s.engine.register(settings);
            RunRecord run = s.ledger.run(runId).orElseThrow(() -> new IllegalArgumentException(
                    "run " + runId + " is not in the ledger " + s.ledger.file()));
            long waveBudget = spec.mode == RunMode.WAVES ? Planning.safeTokenBudget(spec) : 0;
            Consumer<RunProgress> report = p -> {
                if (spec.mode.isBatch()) {
                    TrackingFile.write(s.ledger, spec.directory, runId, waveBudget);
                }
                if (bar != null) {
                    bar.update(runId, p.percent(), detail(p));
                } else {
                    onProgress.accept(status(spec.mode, run, p));
                }
            };
            if (spec.mode == RunMode.REALTIME) {
                Realtime.run(spec, settings, s, deadline, report);
            } else {
                Admission admission = admission(spec);
                while (true) {
                    Duration left = Duration.between(Instant.now(), deadline);
                    if (left.isNegative()) {
                        break;
                    }
                    WaitOptions wait = WaitOptions.ofDefaults().initialInterval(spec.pollInterval).maxWait(left);
                    applyBudget(spec, s, runId);
                    RunProgress p = s.engine.awaitRun(runId, admission, wait, report);
                    if (!p.isFinished()) {
                        break;
                    }
                    if (s.engine.resubmitFailed(settings, spec.maxAttempts) == 0) {
                        settle(s, runId, p);
                        break;
                    }
                }
                TrackingFile.write(s.ledger, spec.directory, runId, waveBudget);
            }
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
    }

    private static void settle(Session s, String runId, RunProgress p) {
        if (p.isFinished() && p.items().pending() == 0 && p.items().submitted() == 0) {
            s.ledger.runState(runId, "DONE");
        }
    }

    static RunStatus cancel(BatchSpec<?> spec, String runId) {
        try (Session s = Session.open(spec.directory)) {
            s.engine.register(settings(spec, runId));
            s.engine.cancel(runId);
            RunProgress p = s.engine.poll(runId);
            return status(spec.mode, s.ledger.run(runId).orElseThrow(), p);
        }
    }

    static <T extends Record> Results<T> collect(BatchSpec<T> spec, String runId) {
        return collect(spec, runId, item -> true);
    }

    /**
     * The run's results limited to the items {@code keep} accepts; usage and cost stay those of the
     * whole run. One pass over the ledger.
     */
    static <T extends Record> Results<T> collect(BatchSpec<T> spec, String runId,
                                                  java.util.function.Predicate<ItemRecord> keep) {
        List<Row<T>> rows = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        long[] tokens = new long[3];
        try (var ledger = dev.newsbatch.store.Ledger.open(spec.directory)) {
            if (ledger.run(runId).isEmpty()) {
                throw new IllegalArgumentException("run " + runId + " is not in the ledger " + ledger.file());
            }
            ledger.forEachItem(runId, item -> {
                tokens[0] += item.inputTokens();
                tokens[1] += item.outputTokens();
                if (!keep.test(item)) {
                    return;
                }
                if ("DONE".equals(item.state())) {
                    rows.add(new Row<>(item.articleId(), item.title(), item.url(), map(spec, item),
                            item.inputTokens(), item.outputTokens()));
                } else if ("FAILED".equals(item.state())) {
                    errors.add(new ItemError(item.articleId(), item.title(), item.url(),
                            ErrorKind.valueOf(item.errorKind()), item.error(), item.attempts()));
                } else {
                    tokens[2]++;
                }
            });
        }
        double cost = Planning.cost(spec, tokens[0], tokens[1]);
        return new Results<>(runId, spec.schema, rows, errors, new Usage(tokens[0], tokens[1], cost), tokens[2]);
    }

    private static <T extends Record> T map(BatchSpec<T> spec, ItemRecord item) {
        try {
            return spec.schema.map(JSON.readTree(item.result()));
        } catch (IOException e) {
            throw new UncheckedIOException("stored result of " + item.articleId() + " is not JSON", e);
        }
    }

    static Estimate estimate(BatchSpec<?> spec) {
        return Planning.estimate(spec);
    }

    static RunStatus status(RunMode mode, RunRecord run, RunProgress p) {
        ItemCounts c = p.items();
        String state = "CANCELLED".equals(run.state()) ? "CANCELLED"
                : "DONE".equals(run.state()) ? "DONE" : (p.jobsRunning() > 0 || c.submitted() > 0) ? "RUNNING"
                : c.pending() > 0 || p.jobsWaiting() > 0 ? "WAITING" : "DONE";
        return new RunStatus(run.runId(), mode, state, c.total(), c.done(), c.failed(), c.submitted(),
                p.jobs(), p.jobsDone(), p.percent(), Instant.now());
    }

    private static String detail(RunProgress p) {
        return String.format("%,d/%,d done, %,d failed, jobs %d/%d", p.items().done(), p.items().total(),
                p.items().failed(), p.jobsDone(), p.jobs());
    }
}
