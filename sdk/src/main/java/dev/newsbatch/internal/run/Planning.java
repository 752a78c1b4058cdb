package dev.newsbatch.internal.run;

import dev.newsbatch.Article;
import dev.newsbatch.Estimate;
import dev.newsbatch.Estimator;
import dev.newsbatch.RunConfig;
import dev.newsbatch.RunMode;
import dev.newsbatch.ModelStatus;
import dev.newsbatch.internal.CatalogModel;
import dev.newsbatch.internal.ModelCatalog;
import dev.newsbatch.internal.Notices;
import java.time.LocalDate;
import dev.newsbatch.internal.engine.RunSettings;
import dev.newsbatch.internal.ArticleSource;
import dev.newsbatch.internal.plan.AdmissionPolicy;
import dev.newsbatch.internal.plan.CostMeter;
import dev.newsbatch.internal.plan.JobSizing;
import dev.newsbatch.internal.plan.Mode;
import dev.newsbatch.internal.plan.ModelLimits;
import dev.newsbatch.internal.plan.ModelPricing;
import dev.newsbatch.internal.plan.Plan;
import dev.newsbatch.internal.plan.Planner;
import dev.newsbatch.internal.plan.Pricing;
import dev.newsbatch.internal.plan.RequestTemplate;
import dev.newsbatch.internal.plan.TierLimits;
import dev.newsbatch.internal.plan.VertexLimits;
import dev.newsbatch.internal.plan.TokenCounter;
import dev.newsbatch.internal.plan.TokenEstimator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A run's numbers, all from its {@link RunConfig}: the request template, the one token estimator,
 * the tier's limits (with {@code <directory>/tiers.json} applied), the enqueued-token budget, and
 * the one cost path (each request priced on its own).
 *
 * <p>The tier's numbers come from the presets in {@code dev/newsbatch/catalog/tiers.json} (module {@code catalog}); a file
 * {@code tiers.json} of the same shape in the run's directory, when present, overrides any of them
 * (see {@link TierLimits#withOverrides(Path)}), e.g. a project with a raised enqueued-token limit, or a
 * local emulator started with small quotas.
 */
final class Planning {
    /** The file in a batch directory that overrides the tier presets. */
    static final String TIER_OVERRIDES = "tiers.json";

    private Planning() {}


    /**
     * The run's one token estimator. An exact estimator counts through {@code counter}, asked for only
     * then (it opens a Gemini connection).
     */
    static TokenEstimator estimator(RunConfig c, Supplier<TokenCounter> counter) {
        Estimator e = c.estimator();
        return switch (e.kind()) {
            case CALIBRATED -> TokenEstimator.calibrated().charsPerToken(e.charsPerToken())
                    .outputTokens(e.outputTokens());
            case FIXED -> TokenEstimator.fixed(e.inputTokens(), e.outputTokens());
            case EXACT -> TokenEstimator.counting(counter.get(), c.model());
        };
    }

    /** What the engine needs of a run, with the run's estimator. */
    static RunSettings settings(RunConfig c, String runId, Session s) {
        TokenEstimator estimator = estimator(c, () -> s.gateway()::countTokens);
        RequestTemplate template = RequestTemplate.of(c);
        long out = outputTokens(c, template);
        Optional<ModelPricing> prices = pricing(c);
        Mode mode = mode(c);
        return RunSettings.of(runId, c, template, (Article a) -> estimator.estimate(template, a).inputTokens(),
                in -> prices.map(p -> p.cost(mode, in, out)).orElse(0.0))
                .usageUsd((in, o) -> prices.map(p -> p.cost(mode, in, o)).orElse(0.0))
                .sizing(sizing(c));
    }

    /** The run's one job-sizing rule (as the planner applies it): items, the tier's file size, tokens a job. */
    static JobSizing sizing(RunConfig c) {
        return tierLimits(c).sizing(c.model(), c.batchSize(), RunSettings.MAX_FILE_BYTES);
    }

    /** Output tokens expected per article: the estimator's answer plus the thinking assumed for the setting. */
    static long outputTokens(RunConfig c, RequestTemplate template) {
        return template.billedOutputTokens(c.estimator().outputTokens());
    }

    /**
     * Refuses, before anything is sent, what Gemini would refuse: a model the catalogue does not know
     * or that was shut down (naming its replacement), the Batch API or Flex tier on a model without
     * it, a thinking setting the model does not take. A deprecated or preview model is a notice, once.
     *
     * @throws IllegalArgumentException naming the model and what to use instead
     */
    static void admitModel(RunConfig c) {
        ModelCatalog catalog = ModelCatalog.defaults();
        CatalogModel m = catalog.require(c.model());
        LocalDate today = ModelCatalog.today();
        ModelStatus status = m.statusOn(today);
        if (!status.isServed()) {
            throw new IllegalArgumentException("model " + m.id() + " " + m.lifeLine(today)
                    + " (the Gemini API refuses it; `newsbatch estimate` still prices it for reference)");
        }
        if (c.mode().isBatch() && !m.batch()) {
            throw new IllegalArgumentException("model " + m.id() + " has no Batch API; use realtime mode or "
                    + "another model (see `newsbatch models`)");
        }
        if (c.mode() == RunMode.FLEX && !m.flex()) {
            throw new IllegalArgumentException("model " + m.id() + " has no Flex tier; use realtime or batch "
                    + "mode, or a model with flex (see `newsbatch models`)");
        }
        RequestTemplate.thinkingOf(m.id(), c.thinking());
        if (status == ModelStatus.DEPRECATED || status == ModelStatus.PREVIEW) {
            Notices.once("newsbatch: model " + m.id() + " " + m.lifeLine(today));
        }
    }

    /**
     * The run's one admission policy: its mode, the tier's token budget and job limit, its USD cap. On Vertex
     * AI the binding limit is the concurrent-job limit (no enqueued-token quota), so every batch mode admits
     * by jobs in flight there.
     */
    static AdmissionPolicy admission(RunConfig c) {
        AdmissionPolicy policy = onVertex(c) && c.mode().isBatch() ? AdmissionPolicy.jobs(maxJobs(c))
                : switch (c.mode()) {
            case BATCH, REALTIME, FLEX -> AdmissionPolicy.all();
            case WAVES -> AdmissionPolicy.waves(tokenLimit(c));
            case CONTINUOUS -> AdmissionPolicy.continuous(tokenLimit(c), maxJobs(c));
        };
        return policy.budgetUsd(c.budgetUsd()).costDriftFactor(c.costDriftFactor());
    }

    /**
     * The run's tier: the preset, with {@code <directory>/tiers.json} applied when present, Vertex AI's
     * limits for a run there (that file's {@code vertex} section applied to them), then the limits the config gives (enqueued tokens, spend).
     */
    static TierLimits tierLimits(RunConfig c) {
        TierLimits preset = TierLimits.preset(c.tier().key());
        Path overrides = c.directory().resolve(TIER_OVERRIDES);
        TierLimits t = Files.isRegularFile(overrides) ? preset.withOverrides(overrides) : preset;
        if (onVertex(c)) {
            VertexLimits v = VertexLimits.defaults();
            t = t.onVertex(Files.isRegularFile(overrides) ? v.withOverrides(overrides) : v);
        }
        if (c.enqueuedTokens() > 0) {
            long u = ModelLimits.UNLIMITED;
            ModelLimits base = t.models().contains(ModelCatalog.normalise(c.model())) ? t.model(c.model())
                    : new ModelLimits(u, u, u, 0);
            t = t.with(c.model(), base.batchEnqueuedTokens(c.enqueuedTokens()));
        }
        return t.spend(t.spend().overriddenBy(c.spendPer10MinUsd(), c.spendPerMonthUsd()));
    }

    /** True when the run's batch jobs go to Vertex AI: its config names a target, or the environment does. */
    static boolean onVertex(RunConfig c) {
        return c.vertex() != null || dev.newsbatch.internal.gemini.GeminiConnection.endpoint(System.getenv())
                == dev.newsbatch.GeminiEndpoint.VERTEX_AI;
    }

    static ModelLimits limits(RunConfig c) {
        return tierLimits(c).model(c.model());
    }

    /** The tier's enqueued-token limit for the run's model ({@link Long#MAX_VALUE} when there is none). */
    static long tokenLimit(RunConfig c) {
        long limit = limits(c).batchEnqueuedTokens();
        return limit <= 0 || limit == ModelLimits.UNLIMITED ? Long.MAX_VALUE : limit;
    }

    static int maxJobs(RunConfig c) {
        return Math.max(1, tierLimits(c).concurrentBatchJobs());
    }

    /** The model's prices, if the pricing data knows the model. */
    static Optional<ModelPricing> pricing(RunConfig c) {
        try {
            return Optional.of(Pricing.defaults().model(c.model()));
        } catch (IllegalArgumentException unknownModel) {
            return Optional.empty();
        }
    }

    /** A meter pricing each request on its own at the run's rates (batch or real-time). */
    static Spend spend(RunConfig c) {
        return new Spend(pricing(c).map(p -> new CostMeter(p, mode(c))).orElse(null));
    }

    static Mode mode(RunConfig c) {
        return c.mode().isBatch() ? Mode.BATCH : c.mode() == RunMode.FLEX ? Mode.FLEX : Mode.REALTIME;
    }

    static Planner planner(RunConfig c, TokenEstimator estimator) {
        Planner planner = Planner.forModel(c.model()).tier(tierLimits(c)).template(RequestTemplate.of(c))
                .estimator(estimator).maxItemsPerBatch(c.batchSize())
                .maxInputTokens(RunSettings.maxInputTokens(c))
                .safeShare(AdmissionPolicy.SEED_SHARE);
        return c.budgetUsd() > 0 ? planner.budgetUsd(c.budgetUsd()) : planner;
    }

    /** The estimate of a run over {@code source}; an exact estimator opens a connection for its counts. */
    static Estimate estimate(RunConfig c, ArticleSource source) {
        if (c.estimator().kind() != Estimator.Kind.EXACT) {
            return estimate(planner(c, estimator(c, () -> null)).plan(source.open()), c);
        }
        try (Session s = Session.open(c.directory())) {
            return estimate(planner(c, estimator(c, () -> s.gateway()::countTokens)).plan(source.open()), c);
        }
    }

    private static Estimate estimate(Plan plan, RunConfig c) {
        return new Estimate(plan.articles(), plan.model(), plan.tier(), c.mode(), plan.estimator(),
                plan.inputTokens(), plan.outputTokens(), plan.thinkingTokens(), plan.thinking().description(),
                plan.batches().size(), plan.waves().size(), plan.maxArticlesPerWave(), plan.batchCostUsd(),
                plan.realtimeCostUsd(), plan.flexCostUsd(),
                plan.estimatedBatchTime().orElse(null), plan.estimatedRealtimeTime(), plan.warnings(),
                plan.report());
    }

    /** Tokens and USD of requests added one by one; USD is NaN when the model has no known prices. */
    static final class Spend {
        private final CostMeter meter;
        private long input;
        private long output;

        private Spend(CostMeter meter) {
            this.meter = meter;
        }

        synchronized void add(long inputTokens, long outputTokens) {
            input += inputTokens;
            output += outputTokens;
            if (meter != null && inputTokens + outputTokens > 0) {
                meter.add(inputTokens, outputTokens);
            }
        }

        synchronized long inputTokens() {
            return input;
        }

        synchronized long outputTokens() {
            return output;
        }

        synchronized double usd() {
            return meter == null ? Double.NaN : meter.costUsd();
        }

        /** What one more request would cost; 0 when the model has no known prices. */
        double price(long inputTokens, long outputTokens) {
            return meter == null ? 0 : meter.pricing().cost(meter.mode(), inputTokens, outputTokens);
        }
    }
}
