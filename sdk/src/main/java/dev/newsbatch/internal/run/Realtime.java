package dev.newsbatch.internal.run;

import dev.newsbatch.Article;
import dev.newsbatch.RunConfig;
import dev.newsbatch.RunMode;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.internal.AnswerCheck;
import dev.newsbatch.internal.Notices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.internal.engine.BatchEngine;
import dev.newsbatch.internal.engine.RunProgress;
import dev.newsbatch.internal.engine.RunSettings;
import dev.newsbatch.internal.gemini.GeminiGateway;
import dev.newsbatch.internal.realtime.DailyQuota;
import dev.newsbatch.internal.realtime.Outcome;
import dev.newsbatch.internal.realtime.RealtimeRun;
import dev.newsbatch.internal.realtime.RealtimeRunner;
import dev.newsbatch.internal.realtime.RealtimeSummary;
import dev.newsbatch.internal.store.ItemOutcomeRecord;
import dev.newsbatch.internal.plan.Admission;
import dev.newsbatch.internal.plan.AdmissionPolicy;
import dev.newsbatch.internal.store.ItemRecord;
import dev.newsbatch.internal.store.ItemState;
import dev.newsbatch.internal.store.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Real-time mode: one {@code generateContent} call per open item of a run, read from the run's
 * request files, under the runner's rate limit, retries and daily cap (kept in the ledger), with each
 * outcome stored as it arrives.
 */
final class Realtime {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ledger scope of the daily request count. */
    static final String DAILY_SCOPE = "generateContent";

    private Realtime() {}

    /** Answers rejected by the schema or not JSON: not retried by the runner, recorded with their kind. */
    static final class AnswerRejected extends RuntimeException {
        final ErrorKind kind;
        final long in;
        final long out;
        final long thinking;

        AnswerRejected(ErrorKind kind, String message, long in, long out, long thinking) {
            super(message);
            this.kind = kind;
            this.in = in;
            this.out = out;
            this.thinking = thinking;
        }
    }

    record Answer(String json, long in, long out, long thinking) { }

    static RealtimeSummary run(RunConfig spec, RunSettings settings, Session s, Instant deadline,
                               Consumer<RunProgress> progress) {
        String runId = settings.runId();
        RealtimeSummary last = null;
        for (int round = 0; round < spec.maxAttempts(); round++) {
            Map<String, String> prompts = openPrompts(s.engine(), runId, spec.maxAttempts(), round > 0);
            if (prompts.isEmpty()) {
                break;
            }
            last = runOnce(spec, settings, s, prompts, deadline, progress);
            if (last.stopReason() != dev.newsbatch.internal.realtime.StopReason.COMPLETED) {
                break;
            }
        }
        var counts = s.ledger.itemCounts(runId);
        if (counts.submitted() == 0 && counts.pending() == 0) {
            s.ledger.runState(runId, dev.newsbatch.internal.store.RunState.DONE);
        }
        if (last != null && last.stopReason() == dev.newsbatch.internal.realtime.StopReason.DAILY_CAP) {
            Notices.once("newsbatch: daily cap of " + spec.dailyCap() + " requests reached; " + last.remaining()
                    + " articles wait for the next day" + last.nextDayStart().map(d -> " (" + d + ")").orElse(""));
        }
        return last;
    }

    private static RealtimeSummary runOnce(RunConfig spec, RunSettings settings, Session s,
                                           Map<String, String> prompts, Instant deadline,
                                           Consumer<RunProgress> progress) {
        String runId = settings.runId();
        GeminiGateway gateway = s.gateway();
        Ledger ledger = s.ledger;
        int rpm = spec.rpm() > 0 ? spec.rpm() : (int) Math.max(1, Math.min(Integer.MAX_VALUE, Planning.limits(spec).rpm()));
        RealtimeRunner runner = RealtimeRunner.ofRpm(rpm);
        if (spec.dailyCap() > 0) {
            runner = runner.dailyCap(spec.dailyCap(), new LedgerQuota(ledger));
        }
        List<Article> work = new ArrayList<>();
        prompts.forEach((key, prompt) -> work.add(Article.of(key, "", prompt)));
        String system = settings.template().prompts().systemInstruction();
        var schema = settings.template().schema();
        BudgetMeter budget = new BudgetMeter(spec, ledger, runId, settings);
        boolean flex = spec.mode() == RunMode.FLEX;
        AtomicReference<RealtimeRun<Answer>> handle = new AtomicReference<>();
        DriftWatch drift = new DriftWatch(Planning.admission(spec), settings, runId, () -> {
            var r = handle.get();
            if (r != null) {
                r.cancel();
            }
        });
        var run = runner.start(work.iterator(), a -> {
            double reserved = budget.reserve(a);
            GeminiGateway.Answer answer;
            try {
                answer = gateway.generate(settings.template().model(), system, a.contents(), schema.responseSchema(),
                        settings.template().thinking(), flex);
            } finally {
                budget.release(reserved);
            }
            budget.spend(answer.inputTokens(), answer.outputTokens());
            drift.add(a, answer.inputTokens(), answer.outputTokens());
            if (flex && answer.trafficType() != null && !answer.trafficType().contains("FLEX")) {
                Notices.once("newsbatch: asked for the Flex tier, but Gemini reports " + answer.trafficType()
                        + " usage; the run is priced at the flex rate");
            }
            var problem = AnswerCheck.problem(answer.finishReason(), answer.blockReason(), answer.text());
            if (problem.isPresent()) {
                throw new AnswerRejected(problem.get().kind(), problem.get().message(), answer.inputTokens(),
                        answer.outputTokens(), answer.thinkingTokens());
            }
            JsonNode parsed;
            try {
                parsed = JSON.readTree(answer.text());
            } catch (IOException e) {
                throw new AnswerRejected(ErrorKind.UNPARSABLE_JSON, "answer is not JSON",
                        answer.inputTokens(), answer.outputTokens(), answer.thinkingTokens());
            }
            List<String> problems = schema.validate(parsed);
            if (!problems.isEmpty()) {
                throw new AnswerRejected(ErrorKind.SCHEMA_VIOLATION, String.join("; ", problems),
                        answer.inputTokens(), answer.outputTokens(), answer.thinkingTokens());
            }
            return new Answer(parsed.toString(), answer.inputTokens(), answer.outputTokens(), answer.thinkingTokens());
        }, outcome -> {
            record(ledger, runId, outcome);
            if (outcome.status() != Outcome.Status.DEFERRED) {
                progress.accept(BatchEngine.progress(ledger, runId));
            }
        });
        handle.set(run);
        if (drift.paused()) {
            run.cancel();
        }
        try {
            Duration left = Duration.between(Instant.now(), deadline);
            return run.await(left.isNegative() ? Duration.ZERO : left);
        } catch (TimeoutException e) {
            run.cancel();
            try {
                return run.await();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the real-time run", ie);
            }
        } catch (InterruptedException e) {
            run.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the real-time run " + runId, e);
        }
    }

    private static void record(Ledger ledger, String runId, Outcome<Answer> o) {
        switch (o.status()) {
            case SUCCEEDED -> ledger.recordOutcomes(runId, List.of(ItemOutcomeRecord.success(o.articleId(),
                    o.result().json(), o.result().in(), o.result().out(), null).withThinking(o.result().thinking())));
            case FAILED -> ledger.recordOutcomes(runId, List.of(failure(o)));
            case DEFERRED -> { }
        }
    }

    private static ItemOutcomeRecord failure(Outcome<Answer> o) {
        String reason = o.reason() == null ? "failed" : o.reason();
        if (o.error() instanceof AnswerRejected r) {
            return ItemOutcomeRecord.failure(o.articleId(), r.kind.name(), reason, r.in, r.out, null)
                    .withThinking(r.thinking);
        }
        return ItemOutcomeRecord.failure(o.articleId(), ErrorKind.API_ERROR.name(), reason, 0, 0, null);
    }

    /**
     * The prompts of the run's open items: never answered, or (on a retry round) failed with a
     * retryable error and fewer than {@code maxAttempts} attempts.
     */
    private static Map<String, String> openPrompts(BatchEngine engine, String runId, int maxAttempts,
                                                   boolean retry) {
        Ledger ledger = engine.ledger();
        List<ItemRecord> open = new ArrayList<>();
        for (ItemRecord i : ledger.items(runId, null)) {
            boolean waiting = i.state() == ItemState.SUBMITTED || i.state() == ItemState.PENDING;
            boolean again = retry && i.state() == ItemState.FAILED && i.errorKind() != null
                    && ErrorKind.valueOf(i.errorKind()).isRetryable() && i.attempts() < maxAttempts;
            if (waiting || again) {
                open.add(i);
            }
        }
        if (retry) {
            ledger.bumpAttempts(runId, open.stream().map(ItemRecord::key).toList());
        }
        Map<String, String> prompts = new HashMap<>();
        engine.requestLines(runId, open).forEach((key, line) -> prompts.put(key, promptOf(line)));
        return prompts;
    }

    private static String promptOf(String requestLine) {
        try {
            return JSON.readTree(requestLine).path("request").path("contents").path(0).path("parts").path(0)
                    .path("text").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("a request line is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The drift check in real-time mode: after {@link AdmissionPolicy#DRIFT_MIN_ANSWERS} answers, the
     * actual cost of the answers so far is compared with their estimate; past the run's factor the
     * run stops admitting calls (unsent articles stay pending for a resume) with a notice.
     */
    static final class DriftWatch {
        private final AdmissionPolicy policy;
        private final RunSettings settings;
        private final String runId;
        private final Runnable stop;
        private double estimated;
        private double actual;
        private long answers;
        private boolean paused;

        DriftWatch(AdmissionPolicy policy, RunSettings settings, String runId, Runnable stop) {
            this.policy = policy;
            this.settings = settings;
            this.runId = runId;
            this.stop = stop;
        }

        void add(Article request, long inputTokens, long outputTokens) {
            Admission a;
            synchronized (this) {
                estimated += settings.requestUsd().applyAsDouble(settings.estimator().applyAsLong(request));
                actual += settings.usageUsd().usd(inputTokens, outputTokens);
                answers++;
                if (paused || answers < AdmissionPolicy.DRIFT_MIN_ANSWERS) {
                    return;
                }
                a = policy.drift(estimated, actual, answers + " answers");
                if (a.admitted()) {
                    return;
                }
                paused = true;
            }
            Notices.once("newsbatch: run " + runId + ": " + a.reason());
            stop.run();
        }

        synchronized boolean paused() {
            return paused;
        }
    }

    /**
     * The USD budget in real-time mode: what the run already spent (from the ledger) plus what calls
     * in flight may cost, each request priced on its own; a call whose estimate would pass the cap is
     * not made.
     */
    static final class BudgetMeter {
        private final RunConfig config;
        private final RunSettings settings;
        private final Planning.Spend spent;
        private final AdmissionPolicy policy;
        private double reserved;

        BudgetMeter(RunConfig config, Ledger ledger, String runId, RunSettings settings) {
            this.config = config;
            this.settings = settings;
            this.policy = Planning.admission(config);
            this.spent = Planning.spend(config);
            if (config.budgetUsd() > 0) {
                ledger.forEachItem(runId, i -> spent.add(i.inputTokens(), i.outputTokens()));
            }
        }

        /** Reserves the estimated cost of one call, or refuses it when the admission policy says the cap is reached. */
        synchronized double reserve(Article request) {
            if (config.budgetUsd() <= 0) {
                return 0;
            }
            double next = spent.price(settings.estimator().applyAsLong(request),
                    Planning.outputTokens(config, settings.template()));
            double already = spent.usd();
            Admission a = policy.spend(already + reserved, next);
            if (!a.admitted()) {
                Notices.once("newsbatch: budget cap " + dev.newsbatch.Format.usd(config.budgetUsd()) + " reached ("
                        + dev.newsbatch.Format.usd(already) + " spent); remaining articles are not sent "
                        + "(errors of kind BUDGET)");
                throw new AnswerRejected(ErrorKind.BUDGET, "not sent: " + a.reason(), 0, 0, 0);
            }
            reserved += next;
            return next;
        }

        synchronized void release(double amount) {
            reserved -= amount;
        }

        synchronized void spend(long in, long out) {
            if (config.budgetUsd() > 0) {
                spent.add(in, out);
            }
        }
    }

    /**
     * When a run whose daily cap is used up on the quota day of {@code now} may send again (the
     * start of the next quota day), or null if it has no cap or the cap is not reached.
     */
    static Instant capPausedUntil(RunConfig spec, Ledger ledger, Instant now) {
        if (spec.dailyCap() <= 0) {
            return null;
        }
        LocalDate day = LocalDate.ofInstant(now, RealtimeRunner.QUOTA_ZONE);
        return ledger.usedOn(day, DAILY_SCOPE) < spec.dailyCap() ? null
                : day.plusDays(1).atStartOfDay(RealtimeRunner.QUOTA_ZONE).toInstant();
    }

    /** The daily request count, kept in the ledger so restarts on the same day respect the cap. */
    static final class LedgerQuota implements DailyQuota {
        private final Ledger ledger;

        LedgerQuota(Ledger ledger) {
            this.ledger = ledger;
        }

        @Override
        public int usedOn(LocalDate day) {
            return ledger.usedOn(day, DAILY_SCOPE);
        }

        @Override
        public boolean tryAcquire(LocalDate day, int cap) {
            return ledger.tryAcquire(day, DAILY_SCOPE, cap);
        }

        @Override
        public void release(LocalDate day) {
            ledger.release(day, DAILY_SCOPE);
        }
    }
}
